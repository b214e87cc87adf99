package org.kinlink.referrals.workflow;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.kinlink.messages.FamilyMessages;
import org.kinlink.referrals.directory.Authority;
import org.kinlink.referrals.directory.AuthorityDirectory;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.translation.Translations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Referrals for liaison staff (reviewers may view and approve): drafts, approval, the packet, dispatch by
 * e-mail or by hand, acknowledgements and the overdue list.
 */
@Controller
@RequestMapping("/staff/referrals")
class ReferralController {

	static final String LIST = "referrals/list";

	static final String NEW = "referrals/new";

	static final String SHOW = "referrals/show";

	private static final String ALREADY = "referrals.dispatch.already";

	private static final List<String> FORM_PROBLEMS = List.of(ReferralService.NO_TRANSLATION,
			ReferralService.NOT_APPROVED);

	private final ReferralService service;

	private final AuthorityDirectory directory;

	private final FamilyMessages messages;

	private final Translations translations;

	ReferralController(ReferralService service, AuthorityDirectory directory, FamilyMessages messages,
			Translations translations) {
		this.service = service;
		this.directory = directory;
		this.messages = messages;
		this.translations = translations;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('LIAISON','REVIEWER')")
	String showReferrals(@RequestParam(required = false) ReferralState state, Model model) {
		model.addAttribute("referrals", service.list(state));
		model.addAttribute("state", state);
		model.addAttribute("overdueView", false);
		return list(model);
	}

	@GetMapping("/overdue")
	@PreAuthorize("hasAnyRole('LIAISON','REVIEWER')")
	String showOverdue(Model model) {
		model.addAttribute("referrals", service.list(ReferralState.OVERDUE));
		model.addAttribute("state", ReferralState.OVERDUE);
		model.addAttribute("overdueView", true);
		return list(model);
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('LIAISON')")
	String initCreationForm(Model model) {
		model.addAttribute("form", ReferralForm.empty());
		return creationForm(model);
	}

	@PostMapping
	@PreAuthorize("hasRole('LIAISON')")
	String processCreationForm(@Valid @ModelAttribute("form") ReferralForm form, BindingResult result, Model model,
			Principal principal) {
		if (form.authorityId() != null && directory.find(form.authorityId()).filter(Authority::active).isEmpty()) {
			result.rejectValue("authorityId", "referrals.referral.authority.unknown");
		}
		if (form.messageIds() != null && form.messageIds().contains(null)) {
			result.rejectValue("messageIds", ReferralService.NO_TRANSLATION);
		}
		if (!result.hasErrors()) {
			List<UUID> ready = translations.messagesWithApprovedTranslation();
			if (!ready.containsAll(form.messageIds())) {
				result.rejectValue("messageIds", ReferralService.NO_TRANSLATION);
			}
		}
		if (result.hasErrors()) {
			return creationForm(model);
		}
		try {
			UUID id = service.create(form.authorityId(), List.copyOf(new LinkedHashSet<>(form.messageIds())), principal.getName(),
					form.formKey());
			return redirectTo(id);
		}
		catch (IllegalTransitionException ex) {
			if (ReferralService.INACTIVE.equals(ex.messageCode())) {
				result.rejectValue("authorityId", "referrals.referral.authority.unknown");
			}
			else if (FORM_PROBLEMS.contains(ex.messageCode())) {
				result.rejectValue("messageIds", ex.messageCode());
			}
			else {
				throw ex;
			}
			return creationForm(model);
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('LIAISON','REVIEWER')")
	String showReferral(@PathVariable UUID id, Model model) {
		return show(service.get(id), model);
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize("hasAnyRole('LIAISON','REVIEWER')")
	String approve(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
		try {
			service.approve(id, principal.getName());
			redirect.addFlashAttribute("notice", "referrals.approve.done");
		}
		catch (IllegalTransitionException ex) {
			problemOrThrow(ex, redirect, ReferralService.INACTIVE);
		}
		return redirectTo(id);
	}

	@PostMapping("/{id}/dispatch")
	@PreAuthorize("hasRole('LIAISON')")
	String dispatchByEmail(@PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
		try {
			service.dispatchByEmail(id, principal.getName());
			redirect.addFlashAttribute("notice", "referrals.dispatch.sent");
		}
		catch (IllegalTransitionException ex) {
			problemOrThrow(ex, redirect, ALREADY, ReferralService.INACTIVE);
		}
		catch (DuplicateKeyException ex) {
			// The unique dispatch record caught a concurrent second dispatch.
			redirect.addFlashAttribute("problem", ALREADY);
		}
		return redirectTo(id);
	}

	@PostMapping("/{id}/hand-delivery")
	@PreAuthorize("hasRole('LIAISON')")
	String processHandDeliveryForm(@PathVariable UUID id, @Valid @ModelAttribute("handForm") HandDeliveryForm form,
			BindingResult result, Model model, Principal principal, RedirectAttributes redirect) {
		Referral referral = service.get(id);
		if (form.deliveredOn() != null) {
			if (form.deliveredOn().isAfter(service.today())) {
				result.rejectValue("deliveredOn", "referrals.date.future");
			}
			else if (referral.approvedAt() != null && form.deliveredOn().isBefore(service.day(referral.approvedAt()))) {
				result.rejectValue("deliveredOn", "referrals.handDelivery.beforeApproval");
			}
		}
		if (result.hasErrors()) {
			return show(referral, model);
		}
		try {
			service.recordHandDelivery(id, form.deliveredOn(), form.note(), principal.getName());
		}
		catch (IllegalTransitionException ex) {
			problemOrThrow(ex, redirect, ALREADY, ReferralService.INACTIVE);
			return redirectTo(id);
		}
		redirect.addFlashAttribute("notice", "referrals.handDelivery.recorded");
		return redirectTo(id);
	}

	@PostMapping("/{id}/acknowledge")
	@PreAuthorize("hasRole('LIAISON')")
	String processAcknowledgementForm(@PathVariable UUID id, @Valid @ModelAttribute("ackForm") AcknowledgementForm form,
			BindingResult result, Model model, Principal principal, RedirectAttributes redirect) {
		Referral referral = service.get(id);
		if (referral.state() == ReferralState.ACKNOWLEDGED) {
			// A second submission (a double click, a back button): the first acknowledgement stands.
			throw new IllegalTransitionException("referrals.acknowledge.already");
		}
		if (referral.dispatchedAt() == null) {
			throw new IllegalTransitionException("referrals.acknowledge.notDispatched");
		}
		if (form.acknowledgedOn() != null) {
			if (form.acknowledgedOn().isAfter(service.today())) {
				result.rejectValue("acknowledgedOn", "referrals.date.future");
			}
			else if (form.acknowledgedOn().isBefore(service.dispatchDay(referral))) {
				result.rejectValue("acknowledgedOn", "referrals.acknowledge.beforeDispatch");
			}
		}
		if (result.hasErrors()) {
			return show(referral, model);
		}
		service.acknowledge(id, form.theirReference(), form.acknowledgedOn(), principal.getName());
		redirect.addFlashAttribute("notice", "referrals.acknowledge.recorded");
		return redirectTo(id);
	}

	@GetMapping("/{id}/packet")
	@PreAuthorize("hasAnyRole('LIAISON','REVIEWER')")
	ResponseEntity<byte[]> downloadPacket(@PathVariable UUID id) {
		Referral referral = service.get(id);
		if (referral.packetSha256() == null) {
			throw new RecordNotFoundException();
		}
		byte[] pdf = service.openPacket(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(referral.reference() + ".pdf").build().toString())
			.body(pdf);
	}

	/** Shows the problem on the referral's page when it is one of the expected ones; anything else is a 409. */
	private static void problemOrThrow(IllegalTransitionException ex, RedirectAttributes redirect, String... expected) {
		if (!List.of(expected).contains(ex.messageCode())) {
			throw ex;
		}
		redirect.addFlashAttribute("problem", ex.messageCode());
	}

	private String list(Model model) {
		model.addAttribute("states", ReferralState.values());
		return LIST;
	}

	/**
	 * Offers the messages that can be referred: approved (or further along) and with an approved translation.
	 * Whether the translation is in the chosen authority's language is checked on creation, because opening
	 * each candidate's translation here would be an audited read of confidential text for a mere list.
	 */
	private String creationForm(Model model) {
		model.addAttribute("authorities", directory.active());
		model.addAttribute("candidates", translations.messagesWithApprovedTranslation()
			.stream()
			.map(messages::summary)
			.filter(summary -> PacketAssembler.isReferable(summary.status()))
			.limit(200)
			.toList());
		return NEW;
	}

	private String show(Referral referral, Model model) {
		model.addAttribute("referral", referral);
		model.addAttribute("recipient", referral.recipient());
		model.addAttribute("authority", directory.get(referral.authorityId()));
		model.addAttribute("summaries", referral.messageIds().stream().map(messages::summary).toList());
		model.addAttribute("today", service.today());
		if (!model.containsAttribute("handForm")) {
			model.addAttribute("handForm", HandDeliveryForm.empty());
		}
		if (!model.containsAttribute("ackForm")) {
			model.addAttribute("ackForm", AcknowledgementForm.empty());
		}
		return SHOW;
	}

	private static String redirectTo(UUID id) {
		return "redirect:/staff/referrals/" + id;
	}

}
