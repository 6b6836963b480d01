package org.truce.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's shape, checked on its compiled classes: domain logic only (no JSON mapping, no files, network or SQL),
 * no package loops, and fusion free of the pipeline, cases and store that use it. A rule broken here names the
 * offending class and dependency, so the fix is to move that code out (to truce-formats or an adapter), not to
 * relax the rule.
 */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.truce");

    @Test
    void fusionImportsNeitherPipelineNorCasesNorStore() {
        noClasses().that().resideInAPackage("org.truce.fusion..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.truce.pipeline..", "org.truce.cases..", "org.truce.store..")
                .because("fusion is the inner domain that the pipeline, cases and store use, never the other way")
                .check(CORE);
    }

    @Test
    void theGroundVocabularyDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.truce.ground..")
                .should().dependOnClassesThat(resideInAPackage("org.truce..").and(resideOutsideOfPackage("org.truce.ground..")))
                .because("ids and uncertainty are what agreement, geo, sensing and fusion share: importing any of them "
                        + "from here would make a loop")
                .check(CORE);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        slices().matching("org.truce.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void subpackagesAreFreeOfCycles() {
        slices().matching("org.truce.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void coreHasNoJsonMappingNorFileNetworkOrSqlAccess() {
        noClasses().that().resideInAPackage("org.truce..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.fasterxml..", "java.nio.file..", "java.net..", "java.sql..")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*")
                .because("the core holds domain logic only: formats live in truce-formats, I/O in the adapters")
                .check(CORE);
    }
}
