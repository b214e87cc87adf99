package org.kinlink.translation.machine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The structural half of the guard that keeps RESTRICTED case data from any engine: nothing in the translation
 * module can reach case or tracing records, and the only code that hands text to an engine client is
 * {@link MachineSuggestions}, which takes the segments of a translation task opened by its translator.
 */
class EngineBoundaryTests {

	private final JavaClasses translation = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.kinlink.translation");

	@Test
	void translationNeverReachesCaseOrTracingRecords() {
		noClasses().that().resideInAPackage("org.kinlink.translation..")
			.should().dependOnClassesThat().resideInAnyPackage("org.kinlink.cases..", "org.kinlink.tracing..")
			.check(translation);
	}

	@Test
	void onlyTheTaskSuggestionsHandTextToAnEngine() {
		methods().that().haveName("translate").and().areDeclaredInClassesThat().areAssignableTo(EngineClient.class)
			.should().onlyBeCalled().byClassesThat().areAssignableTo(MachineSuggestions.class)
			.check(translation);
		methods().that().haveName("post").and().areDeclaredIn(JsonExchange.class)
			.should().onlyBeCalled().byClassesThat().areAssignableTo(EngineClient.class)
			.check(translation);
	}

}
