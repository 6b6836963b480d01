package org.truce.ingest.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.ingest.cot.CotSamples.bytes;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.ground.ObjectClass;

class CotXmlTest {
    static final Instant T = Instant.parse("2020-11-14T08:00:00Z");

    @Test
    void readsAnEventWithItsDetail() {
        CotEvent e = CotXml.parse(bytes(CotSamples.detection("det-1", T, 39.81, 46.75)));
        assertThat(e.uid()).isEqualTo("det-1");
        assertThat(e.type()).isEqualTo("a-h-G-E-V-A-T");
        assertThat(e.time()).isEqualTo(T);
        assertThat(e.lat()).isEqualTo(39.81);
        assertThat(e.ce()).isEqualTo(25);
        assertThat(e.detail().linkParent()).contains("TR-CAM-01");
        assertThat(e.detail().truce()).containsEntry("side", "AZ").containsEntry("count", "2");
        assertThat(e.detail().remarks()).contains("two tanks moving north");
    }

    @Test
    void writtenEventsReadBack() {
        CotEvent e = new CotEvent("INC-1", "b-m-p-s-p-i", "h-e", T, T, T.plusSeconds(60), 39.8, 46.7, 0, 12, 3,
                CotEvent.Detail.ofXml("<contact callsign=\"a &amp; b\"/><remarks>x &lt; y</remarks>"));
        CotEvent back = CotXml.parse(bytes(CotXml.write(e)));
        assertThat(back.uid()).isEqualTo("INC-1");
        assertThat(back.detail().callsign()).contains("a & b");
        assertThat(back.detail().remarks()).contains("x < y");
        assertThat(back.ce()).isEqualTo(12);
    }

    @Test
    void externalEntitiesAreRefusedBeforeAnythingIsResolved() {
        assertThatThrownBy(() -> CotXml.parse(bytes(CotSamples.XXE))).isInstanceOf(RejectedInput.class)
                .satisfies(e -> assertThat(((RejectedInput) e).reason()).isEqualTo(Reasons.FORBIDDEN_DTD))
                .hasMessageNotContaining("root:");
    }

    @Test
    void entityExpansionIsRefused() {
        assertThatThrownBy(() -> CotXml.parse(bytes(CotSamples.BILLION_LAUGHS)))
                .satisfies(e -> assertThat(((RejectedInput) e).reason()).isEqualTo(Reasons.FORBIDDEN_DTD));
    }

    @Test
    void truncatedAndForeignXmlIsMalformed() {
        String full = CotSamples.detection("det-1", T, 39.81, 46.75);
        assertThatThrownBy(() -> CotXml.parse(bytes(full.substring(0, full.length() / 2))))
                .satisfies(e -> assertThat(((RejectedInput) e).reason()).isEqualTo(Reasons.MALFORMED));
        assertThatThrownBy(() -> CotXml.parse(bytes("<html/>")))
                .hasMessageContaining("expected <event>");
        assertThatThrownBy(() -> CotXml.parse(bytes(full.replace(T.toString(), "yesterday"))))
                .hasMessageContaining("not an ISO-8601 UTC time");
    }

    @Test
    void the2525FunctionGivesTheObjectClass() {
        assertThat(CotMapper.classify("a-h-G-E-V-A-T")).isEqualTo(ObjectClass.TANK);
        assertThat(CotMapper.classify("a-h-G-E-V-A-A")).isEqualTo(ObjectClass.APC);
        assertThat(CotMapper.classify("a-u-G-U-C-F")).isEqualTo(ObjectClass.ARTILLERY);
        assertThat(CotMapper.classify("a-h-G-U-C-I")).isEqualTo(ObjectClass.INFANTRY);
        assertThat(CotMapper.classify("a-n-G-E-V-C")).isEqualTo(ObjectClass.CIVILIAN_VEHICLE);
        assertThat(CotMapper.classify("a-h-G")).isEqualTo(ObjectClass.UNKNOWN);
        assertThat(CotMapper.classify("a-h-A-M-F")).isEqualTo(ObjectClass.UNKNOWN);
    }

    @Test
    void takProtobufRoundTrips() {
        CotEvent e = CotXml.parse(bytes(CotSamples.detection("det-2", T, 39.81, 46.75)));
        CotEvent out = new CotEvent(e.uid(), e.type(), e.how(), e.time(), e.start(), e.stale(), e.lat(), e.lon(),
                e.hae(), e.ce(), e.le(), CotEvent.Detail.ofXml("<link uid=\"TR-CAM-01\" relation=\"p-p\"/>"));
        CotEvent back = TakProto.decode(TakProto.encode(out)).orElseThrow();
        assertThat(back.uid()).isEqualTo("det-2");
        assertThat(back.time()).isEqualTo(T);
        assertThat(back.lat()).isEqualTo(39.81);
        assertThat(back.detail().linkParent()).contains("TR-CAM-01");
        assertThatThrownBy(() -> TakProto.decode(new byte[] {0x12, 0x7f, 1, 2}))
                .satisfies(x -> assertThat(((RejectedInput) x).reason()).isEqualTo(Reasons.MALFORMED));
    }
}
