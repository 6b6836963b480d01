package org.truce.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.store.StoreFixtures;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.RuleFixtures;
import org.truce.time.SensorClock;
import org.truce.time.SimulatedClock;

/** A center on its sensors' time accepts reports at their own time and measures the skew from the latest one. */
class SensorTimeCenterTest {
    static final Instant T0 = Instant.parse("2020-11-19T12:00:00Z");

    @Test
    void eachReportIsAcceptedAtItsOwnTimeAndOneFarAheadIsRefused() {
        InMemoryStore store = new InMemoryStore();
        store.assets().save(StoreFixtures.drone("RU-UAV-01", "RU", 7));
        SensorClock clock = new SensorClock(Optional.empty(), Duration.ofHours(1),
                new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z")));
        Center center = Center.builder(RuleFixtures.agreement()).store(store).clock(clock).build();

        var first = center.accept("test", StoreFixtures.fix("RU-UAV-01", T0));
        var later = center.accept("test", StoreFixtures.fix("RU-UAV-01", T0.plusSeconds(90)));
        var earlier = center.accept("test", StoreFixtures.fix("RU-UAV-01", T0.plusSeconds(30)));
        var far = center.accept("test", StoreFixtures.fix("RU-UAV-01", T0.plus(Duration.ofHours(2))));

        assertThat(((Acceptance.Accepted) first).observation().received()).isEqualTo(T0);
        assertThat(((Acceptance.Accepted) later).observation().received()).isEqualTo(T0.plusSeconds(90));
        assertThat(((Acceptance.Accepted) earlier).observation().received()).as("the clock never goes back")
                .isEqualTo(T0.plusSeconds(90));
        assertThat(far).isInstanceOfSatisfying(Acceptance.Rejected.class, r -> assertThat(r.reason()).isEqualTo("future"));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(90));
    }
}
