package org.kinlink.accounts.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes are read out and typed by people: case, separators, Persian digits and look-alike letters do not matter. */
class ActivationCodesTests {

	@Test
	void acceptsTheCodeAsPeopleTypeIt() {
		assertThat(ActivationCodes.normalise("ab1cd-ef2gh ")).isEqualTo("AB1CDEF2GH");
		assertThat(ActivationCodes.normalise("۱۲۳۴۵-٦٧٨٩٠")).isEqualTo("1234567890");
		assertThat(ActivationCodes.normalise("OIL")).isEqualTo("011");
		assertThat(ActivationCodes.normalise(null)).isEmpty();
	}

	@Test
	void formatsInGroupsOfFive() {
		assertThat(ActivationCodes.format("ABCDEFGHJKMNPQRSTVWX")).isEqualTo("ABCDE-FGHJK-MNPQR-STVWX");
	}

}
