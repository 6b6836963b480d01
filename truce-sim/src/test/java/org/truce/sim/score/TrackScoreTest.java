package org.truce.sim.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackScoreTest {
    private static final Instant T = Instant.parse("2020-11-19T12:00:00Z");
    private final Map<String, DetectionFact> detections = new LinkedHashMap<>();
    private int seq;

    /** A detection of {@code unit} (null: a false alarm) at {@code minute}; returns its id. */
    private String det(String unit, int minute) {
        String id = "OBS-" + ++seq;
        detections.put(id, new DetectionFact(id, T.plusSeconds(60L * minute), Optional.ofNullable(unit)));
        return id;
    }

    @Test
    void purityIsTheDominantUnitsShareWeightedByDetections() {
        // TRK-1: 3 of A, 1 of B -> 3/4; TRK-2: 2 of B, 1 false alarm -> 2/3; pooled (3 + 2) / (4 + 3)
        List<String> t1 = List.of(det("A", 0), det("A", 1), det("A", 2), det("B", 3));
        List<String> t2 = List.of(det("B", 4), det("B", 5), det(null, 6), "OBS-unknown");
        TrackScore s = TrackScore.score(detections, Map.of("TRK-1", t1, "TRK-2", t2));
        assertThat(s.confirmedTracks()).isEqualTo(2);
        assertThat(s.trackDetections()).isEqualTo(7);
        assertThat(s.dominantDetections()).isEqualTo(5);
        assertThat(s.purity()).isCloseTo(5.0 / 7, within(1e-12));
    }

    @Test
    void completenessIsTheDominantTracksShareOfTheObservedSpan() {
        // A seen from minute 0 to 100; TRK-1 holds minutes 0, 10, 40 (3 detections), TRK-2 holds 60, 100 (2):
        // dominant TRK-1 covers 40 of 100 minutes.
        List<String> a1 = List.of(det("A", 0), det("A", 10), det("A", 40));
        List<String> a2 = List.of(det("A", 60), det("A", 100));
        // B seen at minutes 0..50, all in TRK-3 -> 1; C seen 3 times, in no confirmed track -> 0;
        // D seen twice only -> not observed, not counted.
        List<String> b = List.of(det("B", 0), det("B", 20), det("B", 50));
        det("C", 0); det("C", 5); det("C", 9);
        List<String> d = List.of(det("D", 0), det("D", 30));
        TrackScore s = TrackScore.score(detections, Map.of("TRK-1", a1, "TRK-2", a2, "TRK-3", b, "TRK-4", d));
        assertThat(s.observedUnits()).isEqualTo(3);
        assertThat(s.completeness()).isCloseTo((0.4 + 1.0 + 0.0) / 3, within(1e-12));
        assertThat(s.tracksPerUnit()).isCloseTo((2 + 1 + 0) / 3.0, within(1e-12));
        assertThat(s.purity()).isEqualTo(1.0);
    }

    @Test
    void aUnitSeenAtOneInstantIsCompleteWhenATrackHoldsIt() {
        List<String> a = List.of(det("A", 5), det("A", 5), det("A", 5));
        assertThat(TrackScore.score(detections, Map.of("TRK-1", a)).completeness()).isEqualTo(1.0);
    }

    @Test
    void emptyRunsScoreOneAndPoolingRecomputesTheRatios() {
        TrackScore empty = TrackScore.score(Map.of(), Map.of());
        assertThat(empty.purity()).isEqualTo(1.0);
        assertThat(empty.completeness()).isEqualTo(1.0);
        TrackScore a = new TrackScore(1, 10, 9, 2, 1.5, 2, 0.9, 0.75, 1.0);
        TrackScore b = new TrackScore(3, 30, 15, 2, 0.5, 6, 0.5, 0.25, 3.0);
        TrackScore p = TrackScore.pooled(List.of(a, b, empty));
        assertThat(p.purity()).isCloseTo(24.0 / 40, within(1e-12));
        assertThat(p.completeness()).isCloseTo(2.0 / 4, within(1e-12));
        assertThat(p.confirmedTracks()).isEqualTo(4);
        assertThat(p.tracksPerUnit()).isEqualTo(2.0);
    }

    @Test
    void visitCompletenessSplitsAUnitsDetectionsAtLongGaps() {
        // A: visit 1 at minutes 0, 2, 4 all in TRK-1 -> 1; a 60-minute gap; visit 2 at 64, 66, 68, 72: TRK-2 holds
        // 64 and 66, TRK-3 holds 72, 68 in no track -> dominant TRK-2 covers 2 of 8 minutes.
        List<String> t1 = List.of(det("A", 0), det("A", 2), det("A", 4));
        List<String> t2 = List.of(det("A", 64), det("A", 66));
        det("A", 68);
        List<String> t3 = List.of(det("A", 72));
        // B: two detections only in a visit -> not counted.
        det("B", 0); det("B", 1);
        VisitScore v = VisitScore.score(detections, Map.of("TRK-1", t1, "TRK-2", t2, "TRK-3", t3),
                java.time.Duration.ofMinutes(10));
        assertThat(v.visits()).isEqualTo(2);
        assertThat(v.completeness()).isCloseTo((1.0 + 2.0 / 8) / 2, within(1e-12));
        // Over the whole day the dominant track is TRK-1 (3 detections): 4 of 72 minutes.
        TrackScore s = TrackScore.score(detections, Map.of("TRK-1", t1, "TRK-2", t2, "TRK-3", t3));
        assertThat(s.completeness()).isCloseTo(4.0 / 72, within(1e-12));
        assertThat(VisitScore.pooled(List.of(v, v)).completeness()).isCloseTo(v.completeness(), within(1e-12));
    }
}
