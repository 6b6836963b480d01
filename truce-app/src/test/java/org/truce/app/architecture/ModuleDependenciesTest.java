package org.truce.app.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between Truce's modules point inwards: the core depends on nothing of ours, the formats only on the
 * core, the adapters (store, ingest, simulator) and the reports on those two, the server on the reports, the
 * ingest gate and the store, and only the application (and the benchmarks) wires everything. Checked on the compiled main
 * classes of every module on this test's class path; a module is told by where its classes come from (its
 * {@code target/classes} in a reactor build, or its jar), because several modules share Java package names.
 */
class ModuleDependenciesTest {
    private static final JavaClasses TRUCE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.truce");

    @Test
    void dependenciesPointInwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy(module("truce-core"))
                .layer("formats").definedBy(module("truce-formats"))
                .layer("store").definedBy(module("truce-store"))
                .layer("ingest").definedBy(module("truce-ingest"))
                .layer("sim").definedBy(module("truce-sim"))
                .layer("reports").definedBy(module("truce-reports"))
                .layer("server").definedBy(module("truce-server"))
                .layer("app").definedBy(module("truce-app"))
                .whereLayer("core").mayNotAccessAnyLayer()
                .whereLayer("formats").mayOnlyAccessLayers("core")
                .whereLayer("store").mayOnlyAccessLayers("core", "formats")
                .whereLayer("ingest").mayOnlyAccessLayers("core", "formats")
                .whereLayer("sim").mayOnlyAccessLayers("core", "formats")
                .whereLayer("reports").mayOnlyAccessLayers("core", "formats")
                .whereLayer("server").mayOnlyAccessLayers("core", "formats", "reports", "ingest", "store")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .because("the domain core stays free of formats and adapters, and wiring happens in one place")
                .check(TRUCE);
    }

    /** The main classes of one module: its reactor output folder or its jar. */
    private static DescribedPredicate<JavaClass> module(String artifact) {
        Pattern where = Pattern.compile(".*/" + Pattern.quote(artifact) + "(/target/classes/|-[^/]*\\.jar!/).*");
        return DescribedPredicate.describe("classes of " + artifact, c -> c.getSource()
                .map(s -> where.matcher(s.getUri().toString()).matches()).orElse(false));
    }
}
