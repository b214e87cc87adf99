package org.kinlink.media.web;

import java.util.List;
import java.util.UUID;

import org.kinlink.media.MediaFile;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.media.processing.JobQueue;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff page of one file: facts, status (and why it was set aside, in the reader's language), progress of
 * its jobs, and the viewer: video with its poster, audio, a picture or the pages of a scan with zoom by links.
 */
@Controller
class MediaPageController {

	static final String VIEW = "media/file";

	private final MediaFiles media;

	private final JobQueue jobs;

	MediaPageController(MediaFiles media, JobQueue jobs) {
		this.media = media;
		this.jobs = jobs;
	}

	@GetMapping("/staff/media/{fileId}")
	@PreAuthorize("hasAnyRole('INTAKE','REVIEWER','ADMIN')")
	String showFile(@PathVariable UUID fileId, @RequestParam(defaultValue = "fit") String zoom,
			@RequestParam(defaultValue = "1") int page, Model model) {
		MediaFile file = media.file(fileId);
		List<JobQueue.JobView> progress = jobs.jobs(fileId);
		List<Integer> pages = file.renditions().stream()
			.filter(r -> r.kind() == Rendition.Kind.PAGE)
			.map(Rendition::page)
			.sorted()
			.toList();
		model.addAttribute("file", file);
		model.addAttribute("jobs", progress);
		model.addAttribute("jobsDone", progress.stream().filter(job -> !job.state().equals("PENDING") && !job.state().equals("RUNNING")).count());
		model.addAttribute("zoom", "full".equals(zoom) ? "full" : "fit");
		model.addAttribute("pages", pages);
		model.addAttribute("page", pages.contains(page) ? page : (pages.isEmpty() ? 0 : pages.get(0)));
		model.addAttribute("working", file.has(Rendition.of(Rendition.Kind.WORKING)));
		model.addAttribute("poster", file.has(Rendition.of(Rendition.Kind.POSTER)));
		model.addAttribute("sizeKb", Math.max(1, (file.size() + 1023) / 1024));
		model.addAttribute("duration", duration(file.durationMs()));
		return VIEW;
	}

	/** h:mm:ss or m:ss, in ASCII digits (the page shows them in the reader's digits). */
	static String duration(Long ms) {
		if (ms == null) {
			return null;
		}
		long seconds = ms / 1000;
		long hours = seconds / 3600;
		long minutes = (seconds % 3600) / 60;
		long rest = seconds % 60;
		return hours > 0 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
				: String.format(java.util.Locale.ROOT, "%d:%02d", minutes, rest);
	}

}
