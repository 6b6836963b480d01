package org.truce.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.ingest.Fixture;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/** The Truce CoT extension's {@code class}: what 2525 types cannot tell apart. */
class CotMapperTest {
    final Fixture fx = new Fixture();
    final CotMapper mapper = new CotMapper(fx.gate.validator(), Map.of());

    @Test
    void theExtensionsClassOverridesTheTypesAndAWrongOneIsRefused() {
        String tank = CotSamples.detection("TR-CAM-01.t1", Fixture.T0, 39.81, 46.75);
        var d = (Observation.Detection) mapper.map(CotXml.parse(CotSamples.bytes(tank))).orElseThrow();
        assertThat(d.objectClass()).isEqualTo(ObjectClass.TANK);

        String people = tank.replace("<_truce ", "<_truce class=\"personnel\" ");
        var p = (Observation.Detection) mapper.map(CotXml.parse(CotSamples.bytes(people))).orElseThrow();
        assertThat(p.objectClass()).isEqualTo(ObjectClass.PERSONNEL);
        assertThat(p.classConfidence()).isEqualTo(0.9);

        String wrong = tank.replace("<_truce ", "<_truce class=\"spaceship\" ");
        assertThatThrownBy(() -> mapper.map(CotXml.parse(CotSamples.bytes(wrong))))
                .isInstanceOf(RejectedInput.class)
                .satisfies(e -> assertThat(((RejectedInput) e).toRejected().reason()).isEqualTo(Reasons.INVALID_VALUE))
                .hasMessageContaining("spaceship");
    }

    @Test
    void aLookInTheExtensionIsReadAndABadOneRefused() {
        String tank = CotSamples.detection("TR-CAM-01.t1", Fixture.T0, 39.81, 46.75);
        String seen = tank.replace("<_truce ", "<_truce appearance=\"0.5 -1.25 2\" appearanceSigma=\"0.7\" ");
        var d = (Observation.Detection) mapper.map(CotXml.parse(CotSamples.bytes(seen))).orElseThrow();
        assertThat(d.appearance()).contains(new org.truce.sensing.Appearance(java.util.List.of(0.5, -1.25, 2.0), 0.7));
        assertThat(((Observation.Detection) mapper.map(CotXml.parse(CotSamples.bytes(tank))).orElseThrow()).appearance())
                .isEmpty();

        String garbled = tank.replace("<_truce ", "<_truce appearance=\"0.5 x\" appearanceSigma=\"0.7\" ");
        assertThatThrownBy(() -> mapper.map(CotXml.parse(CotSamples.bytes(garbled))))
                .isInstanceOf(RejectedInput.class)
                .satisfies(e -> assertThat(((RejectedInput) e).toRejected().reason()).isEqualTo(Reasons.MALFORMED))
                .hasMessageContaining("appearance");
        String noNoise = tank.replace("<_truce ", "<_truce appearance=\"0.5 1\" ");
        assertThatThrownBy(() -> mapper.map(CotXml.parse(CotSamples.bytes(noNoise))))
                .isInstanceOf(RejectedInput.class).hasMessageContaining("appearanceSigma");
        String zeroNoise = tank.replace("<_truce ", "<_truce appearance=\"0.5 1\" appearanceSigma=\"0\" ");
        assertThatThrownBy(() -> mapper.map(CotXml.parse(CotSamples.bytes(zeroNoise))))
                .isInstanceOf(RejectedInput.class)
                .satisfies(e -> assertThat(((RejectedInput) e).toRejected().reason()).isEqualTo(Reasons.INVALID_VALUE))
                .hasMessageContaining("appearance.sigma");
    }
}
