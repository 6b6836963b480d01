package org.truce.fusion.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.ground.uncertainty.Covariance2;

class CueGrouperTest {
    private static final Instant T0 = Instant.parse("2020-11-15T22:40:00Z");
    private static final double[][] ARRAYS = {{0, 0}, {6000, 0}, {6000, -6000}, {0, -6000}};

    private final CueGrouper grouper = new CueGrouper(LocatorConfig.defaults());
    private final EventLocator locator = new EventLocator(LocatorConfig.defaults());

    @Test
    void twoShotsHeardByFourArraysFormTwoGroupsThatEachLocate() {
        List<Cue> cues = new ArrayList<>();
        cues.addAll(heard("A", 1500, -2000, T0));
        cues.addAll(heard("B", 4800, -4500, T0.plusSeconds(4)));
        cues.add(new Cue.Bearing("OBS-P1", "TR-OBS-01", T0.plusSeconds(4), -2000, -2000,
                Math.toDegrees(Math.atan2(4800 + 2000, -4500 + 2000)), 1, Optional.empty()));

        List<List<Cue>> groups = grouper.group(cues);

        // Groups come in order of their first cue: the sighting of shot B (light is fast) precedes A's sound.
        assertThat(groups).extracting(g -> g.stream().map(Cue::id).toList()).containsExactly(
                List.of("OBS-P1", "OBS-B2", "OBS-B1", "OBS-B3", "OBS-B0"),
                List.of("OBS-A0", "OBS-A3", "OBS-A1", "OBS-A2"));
        LocatedEvent a = ((LocationResult.Located) locator.locate(groups.get(1))).event();
        LocatedEvent b = ((LocationResult.Located) locator.locate(groups.get(0))).event();
        assertThat(a.x()).isCloseTo(1500, within(0.01));
        assertThat(b.y()).isCloseTo(-4500, within(0.01));
        assertThat(b.time()).isBetween(T0.plusSeconds(4).minusMillis(1), T0.plusSeconds(4).plusMillis(1));
    }

    @Test
    void threeShotsSecondsApartAcrossAWideArrayAreSeparatedByTheirArrivals() {
        List<Cue> cues = new ArrayList<>();
        cues.addAll(heard("A", 1000, -1000, T0));
        cues.addAll(heard("B", 5000, -5000, T0.plusSeconds(2)));
        cues.addAll(heard("C", 3000, -4000, T0.plusSeconds(3)));
        List<List<Cue>> groups = grouper.group(cues);
        assertThat(groups).hasSize(3);
        for (List<Cue> g : groups) {
            assertThat(g).hasSize(4);
            assertThat(g.stream().map(c -> c.id().charAt(4)).distinct()).hasSize(1);
            assertThat(locator.locate(g)).isInstanceOf(LocationResult.Located.class);
        }
    }

    @Test
    void anArrayHearsOneEventOnceSoARepeatStartsAnotherGroup() {
        Cue first = new Cue.Arrival("OBS-1", "RU-ACU-01", T0, 0, 0, 0.002);
        Cue again = new Cue.Arrival("OBS-2", "RU-ACU-01", T0.plusSeconds(2), 0, 0, 0.002);
        assertThat(grouper.group(List.of(again, first))).hasSize(2);
    }

    @Test
    void arrivalsFurtherApartThanSoundCanTravelBetweenTheSensorsAreTwoEvents() {
        Cue near = new Cue.Arrival("OBS-1", "RU-ACU-01", T0, 0, 0, 0.002);
        Cue late = new Cue.Arrival("OBS-2", "RU-ACU-02", T0.plusSeconds(4), 1000, 0, 0.002);
        assertThat(grouper.consistent(near, late)).isFalse(); // 1000 m is 2.9 s of sound
        assertThat(grouper.group(List.of(near, late))).hasSize(2);
    }

    @Test
    void simultaneousFixesFarApartAreTwoEventsAndNearbyOnesOne() {
        Cue a = new Cue.Fix("OBS-1", "RU-UAV-01", T0, 0, 0, Covariance2.fromCep(40));
        Cue b = new Cue.Fix("OBS-2", "TR-UAV-01", T0.plusSeconds(1), 60, -30, Covariance2.fromCep(40));
        Cue c = new Cue.Fix("OBS-3", "TR-UAV-02", T0.plusSeconds(1), 9000, 0, Covariance2.fromCep(40));
        assertThat(grouper.group(List.of(c, b, a))).extracting(g -> g.stream().map(Cue::id).toList())
                .containsExactly(List.of("OBS-1", "OBS-2"), List.of("OBS-3"));
    }

    @Test
    void bearingsPointingAwayFromEachOtherAreNotOneEvent() {
        Cue east = new Cue.Bearing("OBS-1", "RU-OBS-01", T0, 0, 0, 90, 1, Optional.empty());
        Cue west = new Cue.Bearing("OBS-2", "TR-OBS-01", T0, 1000, 500, 270 + 45, 1, Optional.empty());
        Cue crossing = new Cue.Bearing("OBS-3", "TR-OBS-02", T0, 3000, 3000, 180, 1, Optional.empty());
        assertThat(grouper.consistent(east, west)).isFalse();
        assertThat(grouper.consistent(east, crossing)).isTrue();
    }

    @Test
    void soundArrivesAfterTheSightingButNotLongAfter() {
        Cue sighting = new Cue.Bearing("OBS-1", "TR-OBS-01", T0, 0, 0, 90, 1, Optional.empty());
        assertThat(grouper.consistent(sighting, new Cue.Arrival("OBS-2", "RU-ACU-01", T0.plusSeconds(12), 0, 0, 0.002)))
                .isTrue();
        assertThat(grouper.consistent(new Cue.Arrival("OBS-3", "RU-ACU-01", T0.plusSeconds(90), 0, 0, 0.002), sighting))
                .isFalse();
        assertThat(grouper.consistent(sighting, new Cue.Arrival("OBS-4", "RU-ACU-01", T0.minusSeconds(30), 0, 0, 0.002)))
                .isFalse();
    }

    @Test
    void aFixAgreesWithABearingThatPointsAtIt() {
        Cue fix = new Cue.Fix("OBS-1", "RU-UAV-01", T0, 3000, 3000, Covariance2.fromCep(50));
        Cue toward = new Cue.Bearing("OBS-2", "TR-OBS-01", T0, 0, 0, 45.5, 1, Optional.of(new Cue.RangeBand(3000, 6000)));
        Cue away = new Cue.Bearing("OBS-3", "TR-OBS-01", T0, 0, 0, 60, 1, Optional.empty());
        Cue tooNear = new Cue.Bearing("OBS-4", "TR-OBS-01", T0, 0, 0, 45, 1, Optional.of(new Cue.RangeBand(500, 1000)));
        assertThat(grouper.consistent(fix, toward)).isTrue();
        assertThat(grouper.consistent(away, fix)).isFalse();
        assertThat(grouper.consistent(fix, tooNear)).isFalse();
    }

    private static List<Cue> heard(String tag, double x, double y, Instant emitted) {
        List<Cue> out = new ArrayList<>();
        for (int i = 0; i < ARRAYS.length; i++) {
            double travel = Math.hypot(x - ARRAYS[i][0], y - ARRAYS[i][1]) / 343;
            out.add(new Cue.Arrival("OBS-" + tag + i, "RU-ACU-0" + (i + 1),
                    emitted.plusNanos(Math.round(travel * 1e9)), ARRAYS[i][0], ARRAYS[i][1], 0.002));
        }
        return out;
    }
}
