package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.testing.TestAgreements;

/** The acceptance of truce validate and of serve's refusal on a broken agreement. */
class ValidateAndServeTest {
    @Test
    void theShippedScenariosAreValid() {
        for (String name : new String[] {"karabakh-2020", "idlib-2020"}) {
            Cli r = Cli.run("validate", TestAgreements.scenarioDir(name).toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("valid");
        }
    }

    @Test
    void aBrokenAgreementExitsTwoListingEveryErrorWithFilePathAndReason(@TempDir Path dir) throws Exception {
        String json = TestAgreements.exampleAgreementJson()
                .replaceFirst("\"effective\": \"[^\"]*\"", "\"effective\": \"yesterday\"")
                .replaceFirst("\"zone\": \"[^\"]*\"", "\"zone\": \"no-such-zone\"");
        TestAgreements.writeAgreement(dir, json);
        Cli r = Cli.run("validate", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("agreement.json:").contains("$.effective").contains("no-such-zone")
                .contains("2 errors");
    }

    @Test
    void serveRefusesToStartOnABrokenAgreement(@TempDir Path dir) throws Exception {
        TestAgreements.writeAgreement(dir, TestAgreements.exampleAgreementJson()
                .replaceFirst("\"zone\": \"[^\"]*\"", "\"zone\": \"no-such-zone\""));
        Path data = dir.resolve("data");
        Cli r = Cli.run("serve", "--scenario", dir.toString(), "--data", data.toString(), "--port", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not valid; nothing was started").contains("no-such-zone");
        assertThat(Files.exists(data)).as("no store was created").isFalse();
    }

    @Test
    void unknownOptionsAndBadValuesAreUsageErrors(@TempDir Path dir) {
        assertThat(Cli.run("serve", "--no-such-option").exitCode()).isEqualTo(2);
        Cli r = Cli.run("simulate", "--headless", "--duration", "soon", "--scenario",
                TestAgreements.scenarioDir("karabakh-2020").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--duration 'soon'");
    }
}
