package org.kinlink.translation.memory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.shared.web.KinlinkException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewers' page of the translation memory: units per language pair, TMX export and import per pair,
 * and the imports (which can be forgotten). Every export and import is audited, refused ones included, with
 * languages and counts only. Problems with a file come back as a message in the reader's language.
 */
@Controller
@RequestMapping("/staff/translations/memory")
@PreAuthorize("hasRole('REVIEWER')")
class MemoryController {

	static final String VIEW = "translation/memory/index";

	static final String PAGE = "redirect:/staff/translations/memory";

	/** The languages a pair can be made of. */
	static final List<String> LANGUAGES = List.of("fa", "prs", "en", "sq");

	private static final MediaType TMX = new MediaType("application", "x-tmx+xml", StandardCharsets.UTF_8);

	private final MemoryKeeping keeping;

	private final MemoryStore store;

	private final MemoryIndex index;

	private final MemorySettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	MemoryController(MemoryKeeping keeping, MemoryStore store, MemoryIndex index, MemorySettings settings,
			AuditTrail audit, Clock clock) {
		this.keeping = keeping;
		this.store = store;
		this.index = index;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("counts", store.counts());
		model.addAttribute("imports", store.imports());
		model.addAttribute("ready", index.ready());
		model.addAttribute("languages", LANGUAGES);
		model.addAttribute("maxMegabytes", settings.importMaxSize().toMegabytes());
		return VIEW;
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String source,
			@RequestParam(required = false) String target) {
		LanguagePair pair = pair(source, target);
		if (pair == null) {
			throw new BadPairException();
		}
		byte[] tmx = TmxWriter.write(pair, keeping.export(pair), clock.instant());
		return ResponseEntity.ok()
			.contentType(TMX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("kinlink-memory-" + pair.source() + "-" + pair.target() + ".tmx")
						.build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(tmx);
	}

	@PostMapping("/import")
	String importTmx(HttpServletRequest request, Authentication auth, RedirectAttributes redirect) {
		try {
			TmxUpload.Form form = TmxUpload.read(request, settings.importMaxSize().toBytes());
			LanguagePair pair = pair(form.fields().get("source"), form.fields().get("target"));
			if (pair == null) {
				throw new TmxProblem("memory.import.badPair");
			}
			TmxImport.Selection selection = TmxImport.select(form.document(), pair);
			MemoryBatch batch = keeping.importUnits(pair, selection.units(), auth.getName());
			redirect.addFlashAttribute("notice", "memory.import.done");
			redirect.addFlashAttribute("noticeArgs", new Object[] { batch.unitCount(), selection.ignored() });
		}
		catch (TmxProblem problem) {
			audit.record(AuditEvent.failure("translation.memory.import", MemoryKeeping.RECORD, "tmx")
				.withDetail(problem.code()));
			redirect.addFlashAttribute("problem", problem.code());
			redirect.addFlashAttribute("problemArgs", problem.args().toArray());
		}
		return PAGE;
	}

	@PostMapping("/imports/{batchId}/forget")
	String forget(@PathVariable UUID batchId, RedirectAttributes redirect) {
		MemoryBatch batch = keeping.forgetImport(batchId);
		redirect.addFlashAttribute("notice", "memory.imports.forgotten");
		redirect.addFlashAttribute("noticeArgs", new Object[] { batch.unitCount() });
		return PAGE;
	}

	/** The pair of two known, different languages, or null. */
	static LanguagePair pair(String source, String target) {
		if (source == null || target == null || !LANGUAGES.contains(source) || !LANGUAGES.contains(target)
				|| source.equals(target)) {
			return null;
		}
		return new LanguagePair(source, target);
	}

	/** An export asked for languages that are not a pair the memory knows: 400 with a message. */
	static final class BadPairException extends KinlinkException {

		private static final long serialVersionUID = 1L;

		BadPairException() {
			super("memory.export.badPair");
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.BAD_REQUEST;
		}

	}

}
