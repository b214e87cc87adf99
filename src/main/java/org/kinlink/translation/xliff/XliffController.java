package org.kinlink.translation.xliff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kinlink.translation.tasks.Staff;
import org.kinlink.translation.tasks.TaskPage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * XLIFF 2.0 out and back in for the task's translator: the download, and the upload whose result page shows
 * what came in and the QA findings (or, for a file that is refused, why, in the reader's language).
 */
@Controller
@RequestMapping("/staff/translations/{taskId}/xliff")
@PreAuthorize("hasRole('TRANSLATOR')")
class XliffController {

	static final String RESULT_VIEW = "translation/machine/xliff-import";

	static final MediaType XLIFF = new MediaType("application", "xliff+xml", StandardCharsets.UTF_8);

	private final XliffTransfer transfer;

	private final DataSize maxSize;

	XliffController(XliffTransfer transfer, @Value("${kinlink.translation.xliff.max-size:2MB}") DataSize maxSize) {
		this.transfer = transfer;
		this.maxSize = maxSize;
	}

	@GetMapping
	ResponseEntity<byte[]> exportXliff(@PathVariable UUID taskId, Authentication auth) {
		XliffTransfer.Export export = transfer.export(taskId, staff(auth));
		return ResponseEntity.ok()
			.contentType(XLIFF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(export.fileName()).build().toString())
			.body(export.content());
	}

	@PostMapping
	String importXliff(@PathVariable UUID taskId, Authentication auth, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Staff staff = staff(auth);
		TaskPage page = transfer.editable(taskId, staff, "translation.xliff.import");
		model.addAttribute("task", page.task());
		model.addAttribute("maxKilobytes", maxSize.toKilobytes());
		try {
			XliffTransfer.Imported imported = transfer.importFile(page, staff, XliffUpload.read(request, maxSize));
			model.addAttribute("imported", imported);
			model.addAttribute("findings", imported.findings());
		}
		catch (XliffRefusedException refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("error", refused.code());
			model.addAttribute("errorArgs", refused.args().toArray());
			model.addAttribute("findings", List.of());
		}
		return RESULT_VIEW;
	}

	private static Staff staff(Authentication auth) {
		var roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		return new Staff(auth.getName(), roles.contains("ROLE_TRANSLATOR"), roles.contains("ROLE_REVIEWER"));
	}

}
