package org.kinlink.accounts.users;

import org.kinlink.shared.text.SafeText;

/** The team an account belongs to from now on: a short label such as "Tirana"; blank (null) for none. */
record TeamForm(@SafeText(max = TeamForm.MAX_LENGTH) String team) {

	static final int MAX_LENGTH = 60;

}
