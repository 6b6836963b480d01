package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.IngestPort;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/** {@link IngestGate#submitAll}: each observation is validated, the valid ones reach the port in one call. */
class IngestGateTest {
    final Fixture fx = new Fixture();
    /** The fixture's center, recording each acceptAll call (the batch a store would commit as one group). */
    final List<List<Observation>> batches = new ArrayList<>();
    final IngestPort recording = new IngestPort() {
        @Override
        public Acceptance accept(String channel, Observation o) {
            batches.add(List.of(o));
            return fx.center.accept(channel, o);
        }

        @Override
        public List<Acceptance> acceptAll(String channel, List<? extends Observation> observations) {
            batches.add(List.copyOf(observations));
            List<Acceptance> answers = new ArrayList<>();
            for (Observation o : observations) answers.add(fx.center.accept(channel, o));
            return answers;
        }
    };
    final IngestGate gate = new IngestGate(recording, fx.gate.validator(), fx.gate.metrics(), true);

    Observation.PlatformFix fix(double altitude) {
        return new Observation.PlatformFix(Fixture.UAV, Fixture.T0, GeoPoint.of(39.9, 47.0), altitude, 5, 0, 0);
    }

    @Test
    void aBatchReachesThePortInOneCallWithOnlyItsValidObservationsAndIsAnsweredInOrder() {
        var unknown = new Observation.PlatformFix(AssetId.of("XX-1"), Fixture.T0, GeoPoint.of(1, 1), 0, 1, 0, 0);
        List<Verdict> verdicts = gate.submitAll("test", List.of(fix(600), fix(99_999), unknown, fix(610)));

        assertThat(batches).containsExactly(List.of(fix(600), fix(610)));
        assertThat(verdicts).hasSize(4);
        assertThat(verdicts.get(0)).isInstanceOf(Verdict.Accepted.class);
        assertThat(verdicts.get(1)).isEqualTo(new Verdict.Refused(Reasons.ALTITUDE_RANGE, Optional.of("altitudeM"),
                "altitudeM: 99999.0 m is outside [-500.0, 20000.0] m"));
        assertThat(verdicts.get(2)).isEqualTo(new Verdict.Refused(Reasons.UNKNOWN_ASSET, Optional.of("asset"),
                "asset XX-1 is not registered"));
        assertThat(((Verdict.Accepted) verdicts.get(3)).observation().observation()).isEqualTo(fix(610));
        assertThat(fx.accepted()).containsExactly(fix(600), fix(610));
        assertThat(gate.metrics().acceptedSnapshot()).containsEntry("test", 2L);
        assertThat(gate.metrics().rejected("test", Reasons.ALTITUDE_RANGE)).isEqualTo(1);
        assertThat(gate.metrics().rejected("test", Reasons.UNKNOWN_ASSET)).isEqualTo(1);
    }

    @Test
    void aBatchWithNothingValidDoesNotCallThePort() {
        assertThat(gate.submitAll("test", List.of(fix(-9_000)))).allMatch(v -> !v.accepted());
        assertThat(gate.submitAll("test", List.of())).isEmpty();
        assertThat(batches).isEmpty();
    }

    @Test
    void theCentersOwnRefusalNamesTheFieldAsTheGatesWould() {
        // A port that refuses by itself (a center whose clock moved since the gate looked): the verdict still names
        // the field the gate's own skew check would.
        IngestGate g = new IngestGate((channel, o) -> new Acceptance.Rejected("stale", "too old"),
                fx.gate.validator(), new IngestMetrics(new org.truce.pipeline.RejectionCounter()), false);
        List<Verdict.Refused> told = new ArrayList<>();
        g.addRefusalListener((channel, r) -> told.add(r));
        Verdict v = g.submit("test", fix(600));
        assertThat(v).isEqualTo(new Verdict.Refused("stale", Optional.of("time"), "too old"));
        assertThat(told).containsExactly((Verdict.Refused) v);
        assertThat(g.metrics().rejected("test", "stale")).isEqualTo(1);
    }
}
