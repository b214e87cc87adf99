package org.kinlink.accounts.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff sign-in page (Spring Security processes the POST), and a sign-out page: a GET of /logout never
 * signs anyone out, it only offers the POST button (a link or image elsewhere cannot end a session).
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String showLogin() {
		return "accounts/login";
	}

	@GetMapping("/logout")
	String showLogout() {
		return "accounts/logout";
	}

}
