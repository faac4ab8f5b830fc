package io.netjourney.journey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class JourneyDependencyTest {

    @Test
    void journeyDependsOnlyOnCaptureAndTheJdk() {
        JavaClasses journey = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.netjourney.journey");
        classes().that().resideInAPackage("io.netjourney.journey..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.netjourney.journey..", "io.netjourney.capture..", "io.netjourney.collect..",
                        "java..", "com.google.common..")
                .check(journey);
    }
}
