package org.kinlink.referrals.workflow;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.media.MediaContent;
import org.kinlink.media.MediaFiles;
import org.kinlink.media.Rendition;
import org.kinlink.shared.web.RecordNotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The recipient's download of a video too large for e-mail: public (the authority has no account), opened by
 * the random token in its packet while the link is valid; streamed decrypted with range requests, never
 * cached. Every download and every refused token is audited (the token itself never is).
 */
@Controller
class ReferralDownloadController {

	private final MediaEnclosures enclosures;

	private final MediaFiles files;

	private final AuditTrail audit;

	private final Clock clock;

	ReferralDownloadController(MediaEnclosures enclosures, MediaFiles files, AuditTrail audit, Clock clock) {
		this.enclosures = enclosures;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/referral-downloads/{token}")
	void download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
		MediaEnclosures.Download download = enclosures.download(token, clock.instant()).orElse(null);
		if (download == null) {
			audit.record(AuditEvent.denied("referral.download", "referral", "unknown").withDetail("unknown or expired link"));
			throw new RecordNotFoundException();
		}
		MediaContent content = files.content(download.fileId(), Rendition.subtitled(download.language()));
		audit.record(AuditEvent.success("referral.download", "referral", download.referralId())
			.withDetail(download.fileId() + " " + download.language()));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(download.reference() + "-video-" + download.language() + ".mp4")
			.build()
			.toString());
		response.setHeader("Referrer-Policy", "no-referrer");
		org.kinlink.media.RangeStreaming.stream(content, request, response);
	}

}
