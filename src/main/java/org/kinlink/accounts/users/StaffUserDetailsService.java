package org.kinlink.accounts.users;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a staff account for login; a disabled account cannot sign in. */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffUsers users;

	StaffUserDetailsService(StaffUsers users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffUser user = users.byUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return User.withUsername(user.username())
			.password(user.passwordHash())
			.disabled(!user.enabled())
			.authorities(user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
			.build();
	}

}
