package org.truce.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.truce.codec.TruceJson;

class DeterminismTest {
    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    @Test
    void theSameSeedGivesTheSameObservationsAndTruth() throws Exception {
        var a = Runs.run(Scenario.setup(), 7, FOUR_HOURS);
        var b = Runs.run(Scenario.setup(), 7, FOUR_HOURS);
        assertThat(a.truth().violations()).isNotEmpty();
        assertThat(a.observations()).isNotEmpty();
        assertThat(b.observations()).isEqualTo(a.observations());
        var json = TruceJson.mapper();
        assertThat(json.writeValueAsString(b.truth())).isEqualTo(json.writeValueAsString(a.truth()));
    }

    @Test
    void anotherSeedGivesAnotherRun() {
        var a = Runs.run(Scenario.setup(), 7, FOUR_HOURS);
        var c = Runs.run(Scenario.setup(), 8, FOUR_HOURS);
        assertThat(c.observations()).isNotEqualTo(a.observations());
        assertThat(c.truth().violations()).isNotEqualTo(a.truth().violations());
    }

    @Test
    void observationsReachThePortInTimeOrderAndTheClockFollows() {
        var a = Runs.run(Scenario.setup(), 3, Duration.ofHours(2));
        for (int i = 1; i < a.observations().size(); i++) {
            assertThat(a.observations().get(i).time()).isAfterOrEqualTo(a.observations().get(i - 1).time());
        }
        assertThat(a.simulation().now()).isEqualTo(Scenario.setup().start().plus(Duration.ofHours(2)));
    }

    @Test
    void runUntilInPiecesEqualsOneRun() {
        var setup = Scenario.setup();
        var whole = Runs.run(setup, 11, Duration.ofHours(2));
        Simulation sim = new Simulation(KarabakhFixture.agreement(), setup, 11, setup.start(), Duration.ofHours(2));
        var clock = new org.truce.time.SimulatedClock(setup.start());
        var obs = new java.util.ArrayList<org.truce.sensing.Observation>();
        int[] steps = {0};
        for (int h = 1; h <= 2; h++) {
            sim.runUntil(setup.start().plus(Duration.ofHours(h)), (ch, o) -> {
                obs.add(o);
                return new org.truce.pipeline.Acceptance.Rejected("test", "not stored");
            }, clock, s -> steps[0]++);
        }
        assertThat(obs).isEqualTo(whole.observations());
        assertThat(steps[0]).isEqualTo(2 * 3600 / 5);
        assertThat(clock.instant()).isEqualTo(setup.start().plus(Duration.ofHours(2)));
    }
}
