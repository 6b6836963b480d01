package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.codec.TruceJson;
import org.truce.rules.Incident;
import java.time.Duration;
import org.truce.agreement.Agreement;
import org.truce.pipeline.Center;
import org.truce.sim.RunSummary;
import org.truce.sim.Simulation;
import org.truce.sim.score.Evaluation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;
import org.truce.testing.TestAgreements;

/**
 * {@code truce simulate --via mavlink,klv,cot,mqtt} drives a real center ({@code truce serve --clock sensors
 * --simulated-assets}) through its MAVLink, MISB KLV, CoT and MQTT adapters (Mosquitto on localhost:1883), and the
 * center raises exactly the incidents of the in-process run of the same seed and duration.
 */
class SimulateViaTest {
    /** Injected violations start 10 min in and end 90 min + their dwell before the end: 2.5 h leaves 20 min. */
    private static final Duration DURATION = Duration.ofMinutes(150);
    private static final long SEED = 1;

    @Test
    void theRunThroughTheProtocolsRaisesTheIncidentsOfTheInProcessRun(@TempDir Path tmp) throws Exception {
        Path scenario = smallTheater(TestAgreements.scenarioDir("karabakh-2020"), tmp.resolve("scenario"));
        // The in-process run, as truce simulate --headless runs it (in memory: only the target commits to H2).
        Agreement agreement = Scenarios.load(scenario);
        SimulationSetup setup = CenterRuntime.loadSetup(scenario);
        Simulation sim = new Simulation(agreement, setup, SEED, setup.start(), DURATION);
        SimulatedClock clock = new SimulatedClock(setup.start());
        InMemoryStore store = new InMemoryStore();
        Center center = Center.builder(agreement).store(store).clock(clock).build();
        sim.assets().forEach(store.assets()::save);
        RunSummary run = sim.run(DURATION, center, clock, step -> center.tick());
        center.tick();
        List<Incident> expected = store.incidents().all();
        JsonNode expectedScore = TruceJson.mapper().readTree(
                TruceJson.mapper().writeValueAsString(Evaluation.score(sim.groundTruth(), expected)));
        assertThat(expected).as("the in-process run raises incidents to compare").isNotEmpty();

        String unique = "via" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        int mavlink, klv, cot = freeTcpPort();
        try (DatagramSocket a = new DatagramSocket(0); DatagramSocket b = new DatagramSocket(0)) {
            mavlink = a.getLocalPort(); // both held at once, so they differ
            klv = b.getLocalPort();
        }
        Settings settings = Settings.load(Optional.empty(), Map.of(
                "TRUCE_CENTER_CLOCK", "sensors", "TRUCE_INGEST_SIMULATED_ASSETS", "true",
                "TRUCE_INGEST_MAVLINK_PORT", Integer.toString(mavlink), "TRUCE_INGEST_KLV_PORT", Integer.toString(klv),
                "TRUCE_INGEST_COT_TCP_PORT", Integer.toString(cot),
                "TRUCE_INGEST_COT_UDP_PORT", "0", "TRUCE_INGEST_MQTT_HOST", "localhost",
                "TRUCE_INGEST_MQTT_TOPIC_PREFIX", unique, "TRUCE_INGEST_MQTT_CLIENT_ID", unique));
        // A center for real sensors shows its assets, incidents and metrics only to staff and auditors: the sender
        // reads them with an auditor's API token, issued as an operator would before the center starts.
        Path targetData = tmp.resolve("target");
        Cli add = Cli.run("users", "add", "--data", targetData.toString(), "--scenario", scenario.toString(),
                "--user", "via-auditor", "--role", "AUDITOR", "--generate-password");
        assertThat(add.exitCode()).as(add.err()).isZero();
        Cli token = Cli.run("users", "token", "--data", targetData.toString(), "--scenario", scenario.toString(),
                "--user", "via-auditor");
        assertThat(token.exitCode()).as(token.err()).isZero();
        Path tokenFile = tmp.resolve("auditor.token");
        java.nio.file.Files.writeString(tokenFile, token.out().strip());
        var options = new CenterRuntime.Options(scenario, targetData, "127.0.0.1", 0, settings,
                Optional.empty(), Map.of());
        StringWriter log = new StringWriter();
        try (CenterRuntime target = CenterRuntime.start(options, new PrintWriter(log, true))) {
            Cli via = Cli.run("simulate", "--scenario", scenario.toString(), "--seed", Long.toString(SEED),
                    "--duration", DURATION.toString(),
                    "--quiet", "--via", "mavlink,klv,cot,mqtt", "--target", "127.0.0.1:" + target.uri().getPort(),
                    "--mavlink-port", Integer.toString(mavlink), "--klv-port", Integer.toString(klv),
                    "--cot-port", Integer.toString(cot),
                    "--mqtt", "localhost:1883", "--mqtt-prefix", unique,
                    "--api-token-file", tokenFile.toString(),
                    "--report-json", tmp.resolve("via.json").toString());
            assertThat(via.exitCode()).as(via.err() + via.out()).isZero();
            List<Incident> actual = target.center().store().incidents().all();

            assertThat(essentials(actual)).isEqualTo(essentials(expected));
            JsonNode b = TruceJson.mapper().readTree(tmp.resolve("via.json").toFile());
            assertThat(b.get("observations").asLong()).isEqualTo(run.accepted());
            assertThat(b.get("rejected").size()).isZero();
            expectedScore.fieldNames().forEachRemaining(field ->
                    assertThat(b.get(field)).as(field).isEqualTo(expectedScore.get(field)));
            for (String p : List.of("mavlink", "klv", "cot", "mqtt")) {
                assertThat(b.path("via").path(p).path("sent").asLong()).as(p + " messages").isPositive();
                assertThat(b.path("via").path(p).path("accepted").asLong()).as(p + " accepted")
                        .isEqualTo(b.path("via").path(p).path("sent").asLong());
            }
        }
    }

    /**
     * The Karabakh scenario with one sensor of each kind per contingent, slower reporting, a third of the units and
     * violations of 20–30 min: about 1 400 observations and a dozen incidents in 2.5 hours, so the real center
     * (committing each observation to H2) keeps the test short.
     */
    private static Path smallTheater(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("zones"));
        Files.copy(from.resolve("agreement.json"), to.resolve("agreement.json"));
        try (var zones = Files.list(from.resolve("zones"))) {
            for (Path z : zones.toList()) Files.copy(z, to.resolve("zones").resolve(z.getFileName()));
        }
        ObjectNode setup = (ObjectNode) TruceJson.mapper().readTree(from.resolve("simulation.json").toFile());
        for (String list : List.of("drones", "cameras", "acousticArrays", "beacons")) {
            ArrayNode kept = TruceJson.mapper().createArrayNode();
            java.util.Set<String> contingents = new java.util.HashSet<>();
            for (JsonNode a : setup.get(list)) if (contingents.add(a.get("contingent").asText())) kept.add(a);
            setup.set(list, kept);
        }
        ObjectNode sensors = (ObjectNode) setup.get("sensors");
        sensors.put("fixSeconds", 60).put("droneDetectionSeconds", 60).put("cameraDetectionSeconds", 60)
                .put("footprintSeconds", 600).put("heartbeatSeconds", 600).put("beaconFixSeconds", 300);
        ((ObjectNode) setup.get("violations")).put("minDwellMinutes", 20).put("maxDwellMinutes", 30);
        for (JsonNode force : setup.get("forces")) {
            ObjectNode units = (ObjectNode) force.get("units");
            for (String k : fieldNames(units)) units.put(k, Math.max(1, (int) Math.ceil(units.get(k).asInt() * 0.3)));
        }
        TruceJson.mapper().writerWithDefaultPrettyPrinter().writeValue(to.resolve("simulation.json").toFile(), setup);
        return to;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** What must agree: id, rule, subject, times, state, party and the evidence (observation ids). */
    private static List<String> essentials(List<Incident> incidents) {
        return incidents.stream().sorted(Comparator.comparing(Incident::id))
                .map(i -> String.join(" ", i.id(), i.rule().toString(), i.subject(), i.start().toString(),
                        i.end().toString(), i.state().name(), i.party().map(Object::toString).orElse("-"),
                        i.evidence().toString()))
                .toList();
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
