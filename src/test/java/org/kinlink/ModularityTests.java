package org.kinlink;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of DESIGN.md holds: no cycles, only allowed dependencies, internals stay internal. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(KinlinkApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

}
