package org.truce.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.setup.SimulationSetup.SetupException;

class SetupTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        Path p = dir.resolve("simulation.json");
        Files.writeString(p, json);
        return p;
    }

    private String scenarioText() throws IOException {
        return Files.readString(Scenario.file());
    }

    @Test
    void theScenarioFileLoads() {
        SimulationSetup s = Scenario.setup();
        assertThat(s.start()).isEqualTo(Instant.parse("2020-11-19T12:00:00Z"));
        assertThat(s.note()).containsIgnoringCase("simulation");
        assertThat(s.drones()).extracting(SimulationSetup.Drone::id).contains("RU-UAV-01", "TR-UAV-01");
        assertThat(s.drones()).anyMatch(d -> d.model().equals("TR UAV (type assumed)"));
        assertThat(s.beacons()).extracting(SimulationSetup.Beacon::id).contains("TR-OBS-01", "RU-OBS-01");
    }

    @Test
    void aBadValueIsReportedWithFileJsonPathAndReason() throws IOException {
        Path p = write(scenarioText().replaceFirst("\"speedMps\": 6", "\"speedMps\": -6"));
        assertThatThrownBy(() -> SimulationSetup.load(p)).isInstanceOf(SetupException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining("$.forces[0]")
                .hasMessageContaining("'speedMps' must be > 0");
    }

    @Test
    void anUnknownFieldIsRefused() throws IOException {
        Path p = write(scenarioText().replaceFirst("\"stepSeconds\"", "\"stepSecs\": 5, \"stepSeconds\""));
        assertThatThrownBy(() -> SimulationSetup.load(p)).isInstanceOf(SetupException.class)
                .hasMessageContaining("stepSecs").hasMessageContaining("line");
    }

    @Test
    void aMissingNumberIsNamed() throws IOException {
        Path p = write(scenarioText().replaceFirst("\"stepSeconds\": 5,", ""));
        assertThatThrownBy(() -> SimulationSetup.load(p)).isInstanceOf(SetupException.class)
                .hasMessageContaining("$.stepSeconds").hasMessageContaining("missing");
    }

    @Test
    void brokenJsonNamesTheLine() throws IOException {
        Path p = write("{\n \"note\": \"x\",\n \"start\": \n}");
        assertThatThrownBy(() -> SimulationSetup.load(p)).isInstanceOf(SetupException.class)
                .hasMessageContaining("line 4");
    }

    @Test
    void aMissingFileIsReported() {
        Path p = dir.resolve("absent.json");
        assertThatThrownBy(() -> SimulationSetup.load(p)).hasMessageContaining("absent.json").hasMessageContaining("cannot read");
    }

    @Test
    void referencesToTheAgreementAreChecked() throws IOException {
        Path p = write(scenarioText().replaceFirst("\"zone\": \"kalbajar-handover\"", "\"zone\": \"nowhere\""));
        SimulationSetup s = SimulationSetup.load(p);
        assertThatThrownBy(() -> new Simulation(KarabakhFixture.agreement(), s, 1, s.start()))
                .isInstanceOf(SetupException.class).hasMessageContaining("forces[2].area.zone").hasMessageContaining("nowhere");
        Path q = write(scenarioText().replaceFirst("\"contingent\": \"TR\"", "\"contingent\": \"XX\""));
        SimulationSetup t = SimulationSetup.load(q);
        assertThatThrownBy(() -> new Simulation(KarabakhFixture.agreement(), t, 1, t.start()))
                .isInstanceOf(SetupException.class).hasMessageContaining("contingent 'XX'");
    }

    @Test
    void aPostOutsideThePeacekeepersZoneIsRefused() throws IOException {
        Path p = write(scenarioText().replaceFirst("\"posts\": \\[\\s*\\[[^]]*]", "\"posts\": [[39.5, 47.5]"));
        SimulationSetup s = SimulationSetup.load(p);
        assertThatThrownBy(() -> new Simulation(KarabakhFixture.agreement(), s, 1, s.start()))
                .isInstanceOf(SetupException.class).hasMessageContaining("peacekeepers.sectors[0].posts[0]");
    }
}
