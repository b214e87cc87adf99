package org.kinlink.translation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.MediaContent;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.shared.web.RecordNotFoundException;
import org.kinlink.translation.tasks.Staff;
import org.kinlink.translation.tasks.SubtitleTrack;
import org.kinlink.translation.tasks.TranslationDesk;
import org.kinlink.translation.tasks.TranslationTask;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The file of a task for its translator (or its reviewer): the page images and the video the editor shows,
 * the subtitles as WebVTT and SubRip, and a viewer with subtitle tracks. The desk checks that the reader may
 * see the task first; every read is audited; nothing is cached.
 */
@Controller
@RequestMapping("/staff/translations/{taskId}")
class FileMediaController {

	static final String WATCH_VIEW = "translation/watch";

	private static final List<Rendition.Kind> STREAMABLE = List.of(Rendition.Kind.WORKING, Rendition.Kind.PAGE,
			Rendition.Kind.POSTER);

	private final TranslationDesk desk;

	private final MediaFiles files;

	private final AuditTrail audit;

	FileMediaController(TranslationDesk desk, MediaFiles files, AuditTrail audit) {
		this.desk = desk;
		this.files = files;
		this.audit = audit;
	}

	@GetMapping("/media/{kind}")
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	void media(@PathVariable UUID taskId, @PathVariable String kind, @RequestParam(defaultValue = "0") int page,
			Authentication auth, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Rendition.Kind wanted = STREAMABLE.stream().filter(k -> k.name().equals(kind)).findFirst()
			.orElseThrow(RecordNotFoundException::new);
		TranslationTask task = desk.withFile(taskId, staff(auth), "media.read");
		MediaContent content = files.content(task.fileId(),
				new Rendition(wanted, wanted == Rendition.Kind.PAGE ? page : 0, ""));
		audit.record(AuditEvent.success("media.read", "media_file", task.fileId()).withDetail(wanted.name() + " task"));
		org.kinlink.media.RangeStreaming.stream(content, request, response);
	}

	@GetMapping("/subtitles.vtt")
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	ResponseEntity<byte[]> webVtt(@PathVariable UUID taskId, @RequestParam(defaultValue = "target") String track,
			Authentication auth) {
		SubtitleTrack subtitles = desk.subtitles(taskId, staff(auth), "source".equals(track));
		return attachment(subtitles.webVtt(), "text/vtt", name(taskId, subtitles, "vtt"));
	}

	@GetMapping("/subtitles.srt")
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	ResponseEntity<byte[]> srt(@PathVariable UUID taskId, @RequestParam(defaultValue = "target") String track,
			Authentication auth) {
		SubtitleTrack subtitles = desk.subtitles(taskId, staff(auth), "source".equals(track));
		return attachment(subtitles.srt(), "application/x-subrip", name(taskId, subtitles, "srt"));
	}

	@GetMapping("/watch")
	@PreAuthorize("hasAnyRole('TRANSLATOR','REVIEWER')")
	String watch(@PathVariable UUID taskId, Authentication auth, Model model) {
		TranslationTask task = desk.withFile(taskId, staff(auth), "translation.media.watch");
		if (!task.isTimed()) {
			throw new RecordNotFoundException();
		}
		model.addAttribute("task", task);
		return WATCH_VIEW;
	}

	private static String name(UUID taskId, SubtitleTrack track, String extension) {
		return "subtitles-" + taskId + "-" + track.language() + "." + extension;
	}

	private static ResponseEntity<byte[]> attachment(String text, String type, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(text.getBytes(StandardCharsets.UTF_8));
	}

	private static Staff staff(Authentication auth) {
		List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return new Staff(auth.getName(), roles.contains("ROLE_TRANSLATOR"), roles.contains("ROLE_REVIEWER"));
	}

}
