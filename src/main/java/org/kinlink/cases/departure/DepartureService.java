package org.kinlink.cases.departure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.kinlink.accounts.StaffDirectory;
import org.kinlink.accounts.StaffMember;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.cases.CaseOpened;
import org.kinlink.cases.file.CaseFile;
import org.kinlink.cases.file.CaseFiles;
import org.kinlink.cases.notifications.LetterFacts;
import org.kinlink.cases.notifications.NotificationDrafter;
import org.kinlink.cases.tasks.CaseTasks;
import org.kinlink.people.People;
import org.kinlink.people.Person;
import org.kinlink.people.PersonDetails;
import org.kinlink.storage.Vault;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a departure in one transaction: the case (with its own data key), the departure, the first-tasks
 * checklist and the notifications to the authorities; then {@link CaseOpened}. One open case per person.
 */
@Service
class DepartureService {

	private final CaseFiles files;

	private final Departures departures;

	private final CaseTasks tasks;

	private final NotificationDrafter notifications;

	private final People people;

	private final StaffDirectory staff;

	private final Vault vault;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	DepartureService(CaseFiles files, Departures departures, CaseTasks tasks, NotificationDrafter notifications,
			People people, StaffDirectory staff, Vault vault, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, @Value("${kinlink.time-zone:Europe/Tirane}") ZoneId zone) {
		this.files = files;
		this.departures = departures;
		this.tasks = tasks;
		this.notifications = notifications;
		this.people = people;
		this.staff = staff;
		this.vault = vault;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/** Today in the association's time zone. */
	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), zone);
	}

	/** Opens the case; the person is the chosen one, or a new one made from the form's names. */
	@Transactional
	UUID record(DepartureForm form, String user) {
		UUID personId = form.newPerson()
				? people.create(new PersonDetails(form.namePersian(), form.nameLatin(), form.fatherName(), form.birthYear(), null))
				: form.personId();
		Person person = people.find(personId);
		if (files.openFor(personId).isPresent()) {
			throw new OpenCaseExistsException();
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String team = staff.member(user).map(StaffMember::team).filter(t -> !t.isBlank()).orElse(null);
		CaseFile file = new CaseFile(UUID.randomUUID(), files.nextReference(Year.from(now.atZone(zone))), personId,
				vault.newKey(), user, team, CaseFile.CaseState.OPEN, CaseFile.RiskLevel.HIGH, Set.of(), now, null, null,
				null, 0);
		try {
			files.insert(file);
		}
		catch (DuplicateKeyException ex) {
			// Another caseworker opened a case for the same person meanwhile.
			throw new OpenCaseExistsException();
		}
		departures.insert(file, form.departedOn(), now, user, form.departurePlace(), form.reachedSafety(), form.reportedBy());
		tasks.openChecklist(file.id(), LocalDate.ofInstant(now, zone), now);
		PersonDetails details = person.details();
		notifications.draftAll(file, new LetterFacts(file.reference(), details.nameLatin(), details.namePersian(),
				details.fatherName(), details.birthYear(), form.departedOn(), form.departurePlace(), form.reachedSafety(),
				form.reportedBy()), now, user);
		audit.record(AuditEvent.success("case.open", "case", file.id()));
		events.publishEvent(new CaseOpened(file.id(), personId));
		return file.id();
	}

}
