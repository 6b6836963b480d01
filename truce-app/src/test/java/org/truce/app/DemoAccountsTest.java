package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.testing.TestAgreements;

/** A simulated center makes demo accounts with random passwords on its first start, and they sign in. */
class DemoAccountsTest {
    @Test
    void theFirstStartMakesOneAccountPerRoleWithRandomPasswordsInAPrivateFile(@TempDir Path data) throws Exception {
        var options = new CenterRuntime.Options(TestAgreements.scenarioDir("karabakh-2020"), data, "127.0.0.1", 0,
                Settings.load(Optional.empty(), Map.of()),
                Optional.of(new CenterRuntime.SimulationOptions(1, 1, Optional.empty())), Map.of());
        StringWriter log = new StringWriter();
        Path file = data.resolve(AccountsSetup.DEMO_FILE);
        String first;
        try (CenterRuntime runtime = CenterRuntime.start(options, new PrintWriter(log, true))) {
            assertThat(log.toString()).contains("Demo accounts: user names and passwords in " + file);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            first = Files.readString(file);
            List<String> lines = first.lines().filter(l -> !l.startsWith("#")).toList();
            // From the agreement's data: three staff roles per contingent, a liaison officer per party, an auditor.
            var agreement = Scenarios.load(TestAgreements.scenarioDir("karabakh-2020"));
            List<String> expected = new java.util.ArrayList<>();
            agreement.contingents().forEach(c -> List.of("analyst", "duty", "head")
                    .forEach(r -> expected.add(c.id().value().toLowerCase(java.util.Locale.ROOT) + "-" + r)));
            agreement.parties().forEach(p -> expected.add(p.id().value().toLowerCase(java.util.Locale.ROOT) + "-liaison"));
            expected.add("auditor");
            assertThat(expected).contains("ru-analyst", "tr-head", "am-liaison", "az-liaison");
            assertThat(lines).extracting(l -> l.split("\t")[0]).containsExactlyInAnyOrderElementsOf(expected);
            String[] head = lines.stream().filter(l -> l.startsWith("tr-head\t")).findFirst().orElseThrow().split("\t");
            assertThat(head[1]).hasSizeGreaterThanOrEqualTo(12);
            assertThat(head[2]).isEqualTo("HEAD_OF_CONTINGENT");

            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(runtime.uri().resolve("api/session"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"tr-head\",\"password\":\"" + head[1] + "\"}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"role\":\"HEAD_OF_CONTINGENT\"", "\"contingent\":\"TR\"", "\"lang\":\"tr\"");
        }
        try (CenterRuntime runtime = CenterRuntime.start(options, new PrintWriter(log, true))) {
            assertThat(Files.readString(file)).as("made once, on the first start").isEqualTo(first);
        }
    }
}
