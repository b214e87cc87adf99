package org.kinlink.media.transcripts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.MediaKind;
import org.kinlink.media.MediaStatus;
import org.kinlink.media.Rendition;
import org.kinlink.media.files.RenditionStore;
import org.kinlink.media.ocr.Tesseract;
import org.kinlink.media.processing.JobQueue;
import org.kinlink.media.processing.Steps;
import org.kinlink.media.speech.SpeechSettings;
import org.kinlink.shared.web.IllegalTransitionException;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The transcript editor for intake and review staff: lines of a scan beside their regions on the page, or
 * cues of voice and video beside the player; add, correct, delete, approve for translation, reopen. Plain
 * forms with POST-redirect-GET; every change carries the version the editor showed.
 */
@Controller
@RequestMapping("/staff/media/{fileId}/transcript")
@PreAuthorize("hasAnyRole('INTAKE','REVIEWER','ADMIN')")
class TranscriptController {

	/** The most characters (code points) one segment may have. */
	static final int MAX_TEXT = 5_000;

	static final String SCAN_VIEW = "transcripts/scan";

	static final String CUES_VIEW = "transcripts/cues";

	private final TranscriptStore store;

	private final MediaFiles files;

	private final RenditionStore renditions;

	private final Tesseract tesseract;

	private final SpeechSettings speech;

	private final JobQueue jobs;

	private final AuditTrail audit;

	private final Validator validator;

	TranscriptController(TranscriptStore store, MediaFiles files, RenditionStore renditions, Tesseract tesseract,
			SpeechSettings speech, JobQueue jobs, AuditTrail audit, Validator validator) {
		this.store = store;
		this.files = files;
		this.renditions = renditions;
		this.tesseract = tesseract;
		this.speech = speech;
		this.jobs = jobs;
		this.audit = audit;
		this.validator = validator;
	}

	@GetMapping
	String show(@PathVariable UUID fileId, Model model) {
		return page(fileId, model, Map.of(), Map.of());
	}

	@PostMapping
	String save(@PathVariable UUID fileId, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		MediaFile file = file(fileId);
		EditForm form = EditForm.from(params);
		Map<Integer, CueRules.Problem> problems = new LinkedHashMap<>();
		List<SegmentEdit> edits = new ArrayList<>();
		List<CueRules.Timed> timed = new ArrayList<>();
		form.segments().forEach((seq, typed) -> {
			if (seq.equals(form.delete())) {
				return;
			}
			firstViolation(new TypedText(typed.text())).ifPresent(code -> problems.put(seq, new CueRules.Problem(code, MAX_TEXT)));
			Long start = null;
			Long end = null;
			if (timed(file)) {
				OptionalLong from = CueTimes.parse(typed.start());
				OptionalLong to = CueTimes.parse(typed.end());
				if (from.isEmpty() || to.isEmpty()) {
					problems.putIfAbsent(seq, new CueRules.Problem("transcripts.cue.badTime", null));
					return;
				}
				start = from.getAsLong();
				end = to.getAsLong();
				timed.add(new CueRules.Timed(seq, start, end));
			}
			edits.add(new SegmentEdit(seq, typed.text(), start, end));
		});
		CueRules.check(timed, file.durationMs()).forEach(problems::putIfAbsent);
		if (!problems.isEmpty()) {
			model.addAttribute("formError", "transcripts.editor.fix");
			return page(fileId, model, problems, form.segments());
		}
		store.save(fileId, form.version(), edits);
		if (form.delete() != null) {
			store.delete(fileId, form.version() + 1, form.delete());
		}
		redirect.addFlashAttribute("notice", form.delete() != null ? "transcripts.notice.deleted" : "transcripts.notice.saved");
		return redirect(fileId);
	}

	@PostMapping("/lines")
	String addLine(@PathVariable UUID fileId, @Valid @ModelAttribute("lineForm") LineForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		MediaFile file = file(fileId);
		if (timed(file)) {
			throw new IllegalTransitionException();
		}
		if (result.hasErrors()) {
			model.addAttribute("cueForm", new CueForm("", "", "", form.version()));
			return page(fileId, model, Map.of(), Map.of());
		}
		store.add(fileId, language(fileId), form.version(), NewSegment.typed(form.text(), form.page()));
		redirect.addFlashAttribute("notice", "transcripts.notice.added");
		return redirect(fileId);
	}

	@PostMapping("/cues")
	String addCue(@PathVariable UUID fileId, @Valid @ModelAttribute("cueForm") CueForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		MediaFile file = file(fileId);
		if (!timed(file)) {
			throw new IllegalTransitionException();
		}
		OptionalLong start = CueTimes.parse(form.start());
		OptionalLong end = CueTimes.parse(form.end());
		if (!result.hasFieldErrors("start") && start.isEmpty()) {
			result.rejectValue("start", "transcripts.cue.badTime");
		}
		if (!result.hasFieldErrors("end") && end.isEmpty()) {
			result.rejectValue("end", "transcripts.cue.badTime");
		}
		if (!result.hasFieldErrors("start") && !result.hasFieldErrors("end")) {
			List<CueRules.Timed> cues = new ArrayList<>();
			store.find(fileId).ifPresent(t -> t.segments().stream().filter(StoredSegment::isCue)
				.forEach(s -> cues.add(new CueRules.Timed(s.seq(), s.startMs(), s.endMs()))));
			cues.add(new CueRules.Timed(0, start.getAsLong(), end.getAsLong()));
			CueRules.Problem problem = CueRules.check(cues, file.durationMs()).get(0);
			if (problem != null) {
				result.rejectValue("end", problem.code(), new Object[] { problem.argument() }, null);
			}
		}
		if (result.hasErrors()) {
			return page(fileId, model, Map.of(), Map.of());
		}
		store.add(fileId, language(fileId), form.version(),
				NewSegment.cue(form.text(), start.getAsLong(), end.getAsLong(), SegmentSource.MANUAL));
		redirect.addFlashAttribute("notice", "transcripts.notice.added");
		return redirect(fileId);
	}

	@PostMapping("/approve")
	String approve(@PathVariable UUID fileId, @RequestParam int version, Authentication auth, RedirectAttributes redirect) {
		file(fileId);
		store.approve(fileId, version, auth.getName());
		redirect.addFlashAttribute("notice", "transcripts.notice.approved");
		return redirect(fileId);
	}

	@PostMapping("/reopen")
	String reopen(@PathVariable UUID fileId, @RequestParam int version, RedirectAttributes redirect) {
		file(fileId);
		store.reopen(fileId, version);
		redirect.addFlashAttribute("notice", "transcripts.notice.reopened");
		return redirect(fileId);
	}

	/** Queues an import from the speech engine in place of the draft's cues. */
	@PostMapping("/import")
	String importSpeech(@PathVariable UUID fileId, @RequestParam int version, RedirectAttributes redirect) {
		MediaFile file = file(fileId);
		if (!timed(file) || !speech.enabled()) {
			throw new IllegalTransitionException("transcripts.error.speechOff");
		}
		TranscriptRecord current = store.find(fileId).orElse(null);
		if (current != null && current.version() != version) {
			throw new StaleTranscriptException();
		}
		if (current != null) {
			current.requireDraft();
		}
		store.engineState(fileId, language(fileId), EngineState.QUEUED);
		jobs.requeue(fileId, Steps.TRANSCRIBE, SpeechSettings.IMPORT_ON_REQUEST);
		audit.record(AuditEvent.success("transcript.import-requested", "media-file", fileId));
		redirect.addFlashAttribute("notice", "transcripts.notice.importQueued");
		return redirect(fileId);
	}

	private String page(UUID fileId, Model model, Map<Integer, CueRules.Problem> problems, Map<Integer, EditForm.Typed> typed) {
		MediaFile file = file(fileId);
		Optional<TranscriptRecord> record = store.find(fileId);
		record.ifPresent(r -> audit.record(AuditEvent.success("transcript.read", "media-file", fileId)));
		int version = record.map(TranscriptRecord::version).orElse(0);
		String language = record.map(TranscriptRecord::language).orElse("fa");
		List<StoredSegment> segments = record.map(TranscriptRecord::segments).orElse(List.of());
		List<Row> rows = segments.stream().map(s -> row(s, problems.get(s.seq()), typed.get(s.seq()))).toList();
		model.addAttribute("file", file);
		model.addAttribute("transcript", record.orElse(null));
		model.addAttribute("version", version);
		model.addAttribute("editable", record.map(r -> !r.approved()).orElse(true));
		model.addAttribute("language", language);
		model.addAttribute("direction", "fa".equals(language) ? "rtl" : "ltr");
		model.addAttribute("engineState", record.map(TranscriptRecord::engineState).orElse(EngineState.NONE));
		model.addAttribute("maxText", MAX_TEXT);
		if (timed(file)) {
			model.addAttribute("rows", rows);
			model.addAttribute("video", file.kind() == MediaKind.VIDEO);
			model.addAttribute("duration", file.durationMs() == null ? null : CueTimes.format(file.durationMs()));
			model.addAttribute("speechEnabled", speech.enabled());
			if (!model.containsAttribute("cueForm")) {
				model.addAttribute("cueForm", new CueForm("", "", "", version));
			}
			return CUES_VIEW;
		}
		model.addAttribute("pages", pages(file, rows));
		model.addAttribute("ocrAvailable", tesseract.available());
		model.addAttribute("installHint", Tesseract.INSTALL_HINT);
		if (!model.containsAttribute("lineForm")) {
			model.addAttribute("lineForm", new LineForm(1, "", version));
		}
		return SCAN_VIEW;
	}

	/** The pages of a scan with their image (null when there is none) and their lines. */
	private List<PageView> pages(MediaFile file, List<Row> rows) {
		Map<Integer, RenditionStore.StoredRendition> images = new LinkedHashMap<>();
		if (file.kind() == MediaKind.IMAGE) {
			renditions.find(file.id(), Rendition.of(Rendition.Kind.WORKING)).ifPresent(r -> images.put(1, r));
		}
		else {
			renditions.list(file.id()).stream().filter(r -> r.rendition().kind() == Rendition.Kind.PAGE)
				.forEach(r -> images.put(r.rendition().page(), r));
		}
		Set<Integer> numbers = new TreeSet<>(images.keySet());
		rows.forEach(row -> numbers.add(row.segment().page() == null ? 1 : row.segment().page()));
		if (numbers.isEmpty()) {
			numbers.add(1);
		}
		List<PageView> pages = new ArrayList<>();
		for (int number : numbers) {
			RenditionStore.StoredRendition image = images.get(number);
			String href = image == null ? null : file.kind() == MediaKind.IMAGE
					? "/staff/media/" + file.id() + "/content/WORKING" : "/staff/media/" + file.id() + "/content/PAGE?page=" + number;
			int width = image != null && image.width() != null ? image.width() : file.width() != null ? file.width() : 1000;
			int height = image != null && image.height() != null ? image.height() : file.height() != null ? file.height() : 1414;
			List<Row> onPage = rows.stream().filter(row -> (row.segment().page() == null ? 1 : row.segment().page()) == number)
				.sorted(Comparator.comparingInt(row -> row.segment().seq()))
				.toList();
			pages.add(new PageView(number, href, width, height, onPage));
		}
		return pages;
	}

	private static Row row(StoredSegment segment, CueRules.Problem problem, EditForm.Typed typed) {
		return new Row(segment, typed != null ? typed.text() : segment.text(),
				typed != null ? typed.start() : segment.isCue() ? CueTimes.format(segment.startMs()) : null,
				typed != null ? typed.end() : segment.isCue() ? CueTimes.format(segment.endMs()) : null,
				problem == null ? null : problem.code(), problem == null ? null : problem.argument());
	}

	/** The first problem of a typed text as a message code, if any. */
	private Optional<String> firstViolation(TypedText text) {
		return validator.validate(text).stream()
			.map(ConstraintViolation::getMessageTemplate)
			.map(template -> template.replaceAll("^\\{|}$", ""))
			.sorted()
			.findFirst();
	}

	private MediaFile file(UUID fileId) {
		MediaFile file = files.file(fileId);
		if (file.status() == MediaStatus.QUARANTINED) {
			throw new RecordNotFoundException();
		}
		if (file.kind() == MediaKind.UNKNOWN) {
			throw new IllegalTransitionException("transcripts.error.notReady");
		}
		return file;
	}

	private String language(UUID fileId) {
		return store.find(fileId).map(TranscriptRecord::language).orElse("fa");
	}

	private static boolean timed(MediaFile file) {
		return file.kind() == MediaKind.AUDIO || file.kind() == MediaKind.VIDEO;
	}

	private static String redirect(UUID fileId) {
		return "redirect:/staff/media/" + fileId + "/transcript";
	}

	/** One segment in the editor: what is stored, what was typed (shown again after an error), its problem. */
	record Row(StoredSegment segment, String text, String start, String end, String problem, Object problemArgument) {
	}

	/** One page of a scan: its image link and size (for the SVG's viewBox) and its lines. */
	record PageView(int number, String href, int width, int height, List<Row> rows) {
	}

}
