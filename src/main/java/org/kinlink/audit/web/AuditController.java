package org.kinlink.audit.web;

import java.util.List;

import org.kinlink.audit.AuditEntry;
import org.kinlink.audit.AuditEvent;
import org.kinlink.audit.AuditTrail;
import org.kinlink.audit.ChainVerification;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's view of the trail: newest first, a page at a time (keyset on the sequence, so paging stays
 * fast and stable while entries are added), filtered by record type, and a check of the whole hash chain.
 * Auditors only; reading the trail changes nothing, checking it is itself recorded.
 */
@Controller
@RequestMapping("/staff/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	static final String TRAIL_VIEW = "audit/trail";

	static final String VERIFY_VIEW = "audit/verify";

	static final int PAGE_SIZE = 50;

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping
	public String showTrail(@RequestParam(required = false) String type, @RequestParam(required = false) Long before,
			Model model) {
		List<String> types = trail.recordTypes();
		String filter = type != null && types.contains(type) ? type : null;
		long upper = before == null || before < 1 ? Long.MAX_VALUE : before;
		List<AuditEntry> entries = trail.latest(PAGE_SIZE + 1, upper, filter);
		boolean more = entries.size() > PAGE_SIZE;
		List<AuditEntry> page = more ? entries.subList(0, PAGE_SIZE) : entries;
		model.addAttribute("entries", page);
		model.addAttribute("types", types);
		model.addAttribute("type", filter);
		model.addAttribute("first", upper == Long.MAX_VALUE);
		model.addAttribute("next", more ? page.get(page.size() - 1).sequence() : null);
		return TRAIL_VIEW;
	}

	@GetMapping("/verify")
	public String verifyChain(Model model) {
		ChainVerification result = trail.verify();
		trail.record(new AuditEvent("audit.verified", "audit", null,
				AuditEvent.Outcome.SUCCESS, result.intact() ? "intact" : "broken:" + result.firstBrokenSequence()));
		model.addAttribute("result", result);
		return VERIFY_VIEW;
	}

}
