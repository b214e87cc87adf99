package org.kinlink.cases.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.referrals.NotificationReferrals;
import org.kinlink.referrals.NotificationReferrals.AuthorityContact;
import org.kinlink.referrals.NotificationReferrals.NotificationLetter;
import org.kinlink.shared.i18n.Formats;
import org.kinlink.shared.i18n.Languages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts the departure notifications of a new case: one referral per active authority whose kind has an
 * enabled template, with the template filled in the template's language, due the template's deadline after
 * the departure was recorded.
 */
@Service
public class NotificationDrafter {

	private final NotificationTemplates templates;

	private final NotificationReferrals referrals;

	private final Notifications notifications;

	private final MessageSource messages;

	private final Formats formats;

	private final AuditTrail audit;

	NotificationDrafter(NotificationTemplates templates, NotificationReferrals referrals, Notifications notifications,
			MessageSource messages, Formats formats, AuditTrail audit) {
		this.templates = templates;
		this.referrals = referrals;
		this.notifications = notifications;
		this.messages = messages;
		this.formats = formats;
		this.audit = audit;
	}

	/** Drafts them inside the caller's transaction; returns the notifications' ids. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<UUID> draftAll(CaseFile file, LetterFacts facts, Instant recordedAt, String by) {
		List<UUID> ids = new ArrayList<>();
		for (AuthorityContact authority : referrals.activeAuthorities()) {
			Optional<NotificationTemplate> template = templates.find(authority.kind()).filter(NotificationTemplate::enabled);
			if (template.isEmpty()) {
				continue;
			}
			NotificationTemplate t = template.get();
			Map<String, String> values = values(facts, t.language());
			NotificationLetter letter = new NotificationLetter(t.language(), Placeholders.fill(t.subject(), values),
					Placeholders.fill(t.body(), values));
			UUID referralId = referrals.draft(authority.id(), letter, by);
			CaseNotification notification = new CaseNotification(UUID.randomUUID(), file.id(), authority.id(),
					authority.kind(), referralId, CaseNotification.State.DRAFTED, recordedAt,
					recordedAt.plus(Duration.ofHours(t.deadlineHours())), null, null, null);
			notifications.insert(notification);
			audit.record(AuditEvent.success("case.notification.draft", "case", file.id()).withDetail(authority.kind()));
			ids.add(notification.id());
		}
		return ids;
	}

	private Map<String, String> values(LetterFacts facts, String language) {
		Locale locale = Languages.supported(language) == null ? Languages.ENGLISH : Languages.supported(language);
		Map<String, String> values = new HashMap<>();
		values.put("reference", facts.reference());
		values.put("name_latin", facts.nameLatin());
		values.put("name_persian", facts.namePersian());
		values.put("father_name", facts.fatherName());
		values.put("birth_year", facts.birthYear() == null ? null : facts.birthYear().toString());
		values.put("departed_on", facts.departedOn() == null ? null : formats.date(facts.departedOn(), locale));
		values.put("departure_place", facts.departurePlace());
		values.put("reached_safety", facts.reachedSafety());
		values.put("reported_by", facts.reportedBy());
		values.put("association", messages.getMessage("cases.letter.association", null, locale));
		return values;
	}

}
