package org.truce.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A clock that follows its sensors: set by the first report, moved only forward, bounds from the sensor time. */
class SensorClockTest {
    static final Instant T0 = Instant.parse("2020-11-19T12:00:00Z");
    static final Duration PAST = Duration.ofHours(24);

    final SimulatedClock wall = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
    final SensorClock clock = new SensorClock(Optional.empty(), Duration.ofHours(1), wall);

    @Test
    void theFirstReportSetsTheTimeAndLaterOnesOnlyMoveItForward() {
        assertThat(clock.latest()).isEmpty();
        assertThat(clock.outOfBounds(T0, PAST)).as("nothing to check the first report against").isEmpty();
        clock.advanceTo(T0);
        assertThat(clock.instant()).isEqualTo(T0);
        clock.advanceTo(T0.minusSeconds(5));
        assertThat(clock.instant()).as("never goes back").isEqualTo(T0);
        clock.advanceTo(T0.plusSeconds(5));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void boundsAreMeasuredFromTheSensorTimeAndAQuietSpellWidensTheFutureOne() {
        clock.advanceTo(T0);
        assertThat(clock.outOfBounds(T0.minus(PAST).minusSeconds(1), PAST).orElseThrow().reason()).isEqualTo("stale");
        assertThat(clock.outOfBounds(T0.plus(Duration.ofMinutes(59)), PAST)).isEmpty();
        assertThat(clock.outOfBounds(T0.plus(Duration.ofMinutes(61)), PAST).orElseThrow().reason()).isEqualTo("future");
        wall.advance(Duration.ofMinutes(30));
        assertThat(clock.futureReference()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(clock.outOfBounds(T0.plus(Duration.ofMinutes(61)), PAST)).as("30 min of silence").isEmpty();
        assertThat(clock.instant()).as("wall time never moves the clock itself").isEqualTo(T0);
    }
}
