package org.truce.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.RejectionCounter;

class IngestMetricsTest {
    @Test
    void rendersThePrometheusTextFormat() {
        RejectionCounter counter = new RejectionCounter();
        IngestMetrics m = new IngestMetrics(counter);
        m.accepted("cot");
        m.accepted("cot");
        counter.reject("cot", new Acceptance.Rejected("forbidden-dtd", "x"));
        counter.reject("mav\"link\\", new Acceptance.Rejected("unknown-system-id", "y"));
        assertThat(m.render()).isEqualTo("""
                # HELP truce_ingest_accepted_total Observations accepted into the log, by ingest channel.
                # TYPE truce_ingest_accepted_total counter
                truce_ingest_accepted_total{channel="cot"} 2
                # HELP truce_ingest_rejected_total Inputs refused, by ingest channel and reason.
                # TYPE truce_ingest_rejected_total counter
                truce_ingest_rejected_total{channel="cot",reason="forbidden-dtd"} 1
                truce_ingest_rejected_total{channel="mav\\"link\\\\",reason="unknown-system-id"} 1
                """);
        assertThat(m.rejected("cot", "forbidden-dtd")).isEqualTo(1);
        assertThat(m.rejected("cot", "stale")).isZero();
    }

    @Test
    void theCentersOwnRefusalsAreCountedOnceThroughTheGate() {
        Fixture fx = new Fixture();
        // the validator lets an unknown asset through only if the center is asked directly; through the gate it is
        // refused by the validator and counted once
        var r = fx.gate.submit("test", new org.truce.sensing.Observation.PlatformFix(
                org.truce.ground.AssetId.of("XX-1"), Fixture.T0, org.truce.geo.GeoPoint.of(1, 1), 0, 1, 0, 0));
        assertThat(r).isEqualTo(new Verdict.Refused(Reasons.UNKNOWN_ASSET, java.util.Optional.of("asset"),
                "asset XX-1 is not registered"));
        assertThat(fx.rejected("test", Reasons.UNKNOWN_ASSET)).isEqualTo(1);
    }
}
