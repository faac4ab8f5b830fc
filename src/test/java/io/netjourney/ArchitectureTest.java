package io.netjourney;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the data flow one way: kernel → bpf → capture → journey → sinks/ui. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.netjourney");

    @Test
    void theCollectionsAreTheJdksAlone() {
        classes().that().resideInAPackage("io.netjourney.collect..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("io.netjourney.collect..", "java..")
                .check(CLASSES);
    }

    @Test
    void onlyTheBpfPackageTalksToNativeCode() {
        noClasses().that().resideOutsideOfPackage("io.netjourney.bpf..")
                .should().dependOnClassesThat().resideInAnyPackage("jnr..", "com.kenai.jffi..")
                .check(CLASSES);
    }

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("io.netjourney.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(CLASSES);
    }

    @Test
    void bpfKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("io.netjourney.bpf..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netjourney.capture..",
                        "io.netjourney.journey..", "io.netjourney.sinks..", "io.netjourney.ui..",
                        "io.netjourney.cli..", "io.netjourney.filter..", "io.netjourney.lab..")
                .check(CLASSES);
    }

    @Test
    void captureDoesNotDependOnJourneyOrSinks() {
        noClasses().that().resideInAPackage("io.netjourney.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netjourney.journey..",
                        "io.netjourney.sinks..", "io.netjourney.ui..", "io.netjourney.cli..")
                .check(CLASSES);
    }

    @Test
    void nothingBelowSinksDependsOnASink() {
        noClasses().that().resideInAnyPackage("io.netjourney.bpf..", "io.netjourney.capture..",
                        "io.netjourney.filter..", "io.netjourney.journey..", "io.netjourney.lab..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netjourney.sinks..", "io.netjourney.ui..",
                        "io.netjourney.cli..")
                .check(CLASSES);
    }
}
