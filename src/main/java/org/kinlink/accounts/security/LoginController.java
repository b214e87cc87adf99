package org.kinlink.accounts.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in page; Spring Security processes the POST. */
@Controller
class LoginController {

	@GetMapping("/login")
	String showLogin() {
		return "accounts/login";
	}

}
