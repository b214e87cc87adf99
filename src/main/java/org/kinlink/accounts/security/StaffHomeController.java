package org.kinlink.accounts.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff start page: links to the work each of the reader's roles does. */
@Controller
class StaffHomeController {

	@GetMapping("/staff")
	String showHome() {
		return "accounts/home";
	}

}
