package org.kinlink.messages.letters;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.messages.LetterContent;
import org.kinlink.messages.MessageStatus;
import org.kinlink.messages.MessageSummary;
import org.kinlink.messages.letters.StaffForms.PersonForm;
import org.kinlink.messages.letters.StaffForms.RejectForm;
import org.kinlink.messages.letters.StaffForms.ReplyForm;
import org.kinlink.messages.letters.StaffForms.SearchForm;
import org.kinlink.messages.vetting.Vetting;
import org.kinlink.messages.vetting.VettingFlag;
import org.kinlink.people.MatchCandidate;
import org.kinlink.people.People;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One message for staff: the letter opened (audited) as escaped text with its vetting flags, triage for
 * intake (link the addressee to a person, accept, reject) and the conversation with the family.
 */
@Controller
class MessageController {

	static final String VIEW = "inbox/message";

	static final String REPLIES_VIEW = "inbox/replies";

	/** The page of a record that retention removed (shared with the other modules' tombstones). */
	static final String REMOVED_VIEW = "retention/removed";

	static final int SEARCH_RESULTS = 20;

	private final LetterService letters;

	private final Triage triage;

	private final People people;

	private final MediaFiles media;

	private final MessageRows rows;

	MessageController(LetterService letters, Triage triage, People people, MediaFiles media, MessageRows rows) {
		this.rows = rows;
		this.letters = letters;
		this.triage = triage;
		this.people = people;
		this.media = media;
	}

	@GetMapping("/staff/messages/{id}")
	@PreAuthorize("hasAnyRole('INTAKE','REVIEWER')")
	String showMessage(@PathVariable UUID id, Model model) {
		return fill(model, id);
	}

	/** Searches by POST so that names never travel in a URL; the results come back on the message page. */
	@PostMapping("/staff/messages/{id}/person/search")
	@PreAuthorize("hasRole('INTAKE')")
	String processSearchForm(@PathVariable UUID id, @Valid @ModelAttribute("searchForm") SearchForm form,
			BindingResult result, Model model, HttpServletResponse response) {
		if (!result.hasFieldErrors("q") && !form.query().hasLetters()) {
			result.rejectValue("q", "people.search.noLetters");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		else {
			model.addAttribute("matches", people.rank(form.query(), SEARCH_RESULTS));
		}
		return fill(model, id);
	}

	@PostMapping("/staff/messages/{id}/person")
	@PreAuthorize("hasRole('INTAKE')")
	String linkPerson(@PathVariable UUID id, @RequestParam UUID personId, RedirectAttributes redirect) {
		triage.linkPerson(id, personId);
		return done(id, redirect, "inbox.flash.linked");
	}

	/**
	 * Creates a person and links the addressee; when persons the scorer rates as likely the same are known, they
	 * are shown first and nothing is created until intake confirms that none of them is the person.
	 */
	@PostMapping("/staff/messages/{id}/person/new")
	@PreAuthorize("hasRole('INTAKE')")
	String processPersonForm(@PathVariable UUID id, @Valid @ModelAttribute("personForm") PersonForm form,
			BindingResult result, @RequestParam(defaultValue = "false") boolean notADuplicate, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!form.details().hasName()) {
			result.rejectValue("namePersian", "people.name.required");
		}
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("personFormOpen", true);
			return fill(model, id);
		}
		if (!notADuplicate) {
			List<MatchCandidate> duplicates = people.likelyDuplicates(form.details());
			if (!duplicates.isEmpty()) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				model.addAttribute("personFormOpen", true);
				model.addAttribute("duplicates", duplicates);
				return fill(model, id);
			}
		}
		triage.createAndLinkPerson(id, form.details());
		return done(id, redirect, "inbox.flash.personCreated");
	}

	@PostMapping("/staff/messages/{id}/accept")
	@PreAuthorize("hasRole('INTAKE')")
	String accept(@PathVariable UUID id, RedirectAttributes redirect) {
		triage.accept(id);
		return done(id, redirect, "inbox.flash.accepted");
	}

	@PostMapping("/staff/messages/{id}/reject")
	@PreAuthorize("hasRole('INTAKE')")
	String processRejectForm(@PathVariable UUID id, @Valid @ModelAttribute("rejectForm") RejectForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return fill(model, id);
		}
		triage.reject(id, form.reason());
		return done(id, redirect, "inbox.flash.rejected");
	}

	@GetMapping("/staff/messages/{id}/replies")
	@PreAuthorize("hasAnyRole('INTAKE','REVIEWER')")
	String showReplies(@PathVariable UUID id, Model model) {
		return fillReplies(model, id);
	}

	@PostMapping("/staff/messages/{id}/replies")
	@PreAuthorize("hasAnyRole('INTAKE','REVIEWER')")
	String processReplyForm(@PathVariable UUID id, @Valid @ModelAttribute("replyForm") ReplyForm form,
			BindingResult result, Model model, HttpServletResponse response, Authentication user,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return fillReplies(model, id);
		}
		triage.replyToFamily(id, user.getName(), form.text());
		redirect.addFlashAttribute("flash", "inbox.flash.replySent");
		return "redirect:/staff/messages/" + id + "/replies";
	}

	private String fill(Model model, UUID id) {
		MessageSummary summary = letters.summary(id);
		if (rows.shreddedAt(id).isPresent()) {
			return removed(model, summary);
		}
		LetterContent content = letters.content(id);
		List<VettingFlag> flags = Vetting.flags(content.letter().text());
		model.addAttribute("summary", summary);
		model.addAttribute("letter", content.letter());
		model.addAttribute("flags", flags);
		model.addAttribute("parts", Vetting.parts(content.letter().text(), flags));
		model.addAttribute("person", summary.personId() == null ? null : people.find(summary.personId()));
		model.addAttribute("rejectionReason",
				summary.status() == MessageStatus.REJECTED ? triage.rejectionReason(id) : null);
		model.addAttribute("awaitingTriage", summary.status() == MessageStatus.RECEIVED);
		model.addAttribute("files", media.forMessage(id).stream().map(FileItem::of).toList());
		addIfAbsent(model, "searchForm", new SearchForm(null, null, null));
		model.addAttribute("matchThreshold", people.matchThreshold());
		addIfAbsent(model, "personForm", PersonForm.from(content.letter()));
		addIfAbsent(model, "rejectForm", new RejectForm(null));
		return fillReplies(model, id, VIEW);
	}

	private String fillReplies(Model model, UUID id) {
		MessageSummary summary = letters.summary(id);
		if (rows.shreddedAt(id).isPresent()) {
			return removed(model, summary);
		}
		model.addAttribute("summary", summary);
		return fillReplies(model, id, REPLIES_VIEW);
	}

	private String fillReplies(Model model, UUID id, String view) {
		model.addAttribute("conversation", triage.conversation(id));
		addIfAbsent(model, "replyForm", new ReplyForm(null));
		return view;
	}

	private String removed(Model model, MessageSummary summary) {
		model.addAttribute("reference", summary.reference());
		model.addAttribute("shreddedAt", rows.shreddedAt(summary.messageId()).orElse(null));
		model.addAttribute("back", "/staff/messages");
		return REMOVED_VIEW;
	}

	private static void addIfAbsent(Model model, String name, Object value) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, value);
		}
	}

	/** A file of the message as its list shows it: kind, status (with the reason if set aside), thumbnail. */
	record FileItem(UUID id, String kind, String status, String problemKey, boolean thumbnail) {

		static FileItem of(MediaFile file) {
			return new FileItem(file.id(), file.kind().name(), file.status().name(), file.problemKey(),
					file.has(Rendition.of(Rendition.Kind.THUMBNAIL)));
		}

	}

	private static String done(UUID id, RedirectAttributes redirect, String flash) {
		redirect.addFlashAttribute("flash", flash);
		return "redirect:/staff/messages/" + id;
	}

}
