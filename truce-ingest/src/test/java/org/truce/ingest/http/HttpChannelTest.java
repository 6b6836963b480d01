package org.truce.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.codec.TruceJson;
import org.truce.ingest.Fixture;
import org.truce.ingest.IngestGate;
import org.truce.ingest.Reasons;
import org.truce.ingest.RejectedInput;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.IngestPort;
import org.truce.sensing.Observation;

/** The HTTP channel without HTTP: items mapped, one batch per request through the gate, results in item order. */
class HttpChannelTest {
    final Fixture fx = new Fixture();
    final List<Integer> batchSizes = new ArrayList<>();
    final IngestGate gate = new IngestGate(new IngestPort() {
        @Override
        public Acceptance accept(String channel, Observation o) {
            batchSizes.add(1);
            return fx.center.accept(channel, o);
        }

        @Override
        public List<Acceptance> acceptAll(String channel, List<? extends Observation> os) {
            batchSizes.add(os.size());
            return os.stream().map(o -> fx.center.accept(channel, o)).toList();
        }
    }, fx.gate.validator(), fx.gate.metrics(), true);
    final HttpChannel channel = new HttpChannel(gate, fx.store.assets(), Set.of("AM", "AZ"), TruceJson.mapper());

    static JsonNode json(String s) {
        try {
            return TruceJson.mapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String fix(double lat) {
        return "{\"kind\":\"fix\",\"time\":\"2020-11-14T08:00:00Z\",\"position\":{\"lat\":" + lat
                + ",\"lon\":47.0},\"altitudeM\":600,\"cepM\":5,\"headingDeg\":0,\"speedMps\":0}";
    }

    @Test
    void aRequestIsOneBatchAndEachItemIsAnsweredInOrder() {
        var sender = fx.store.assets().find(Fixture.UAV).orElseThrow();
        IngestReport r = channel.observations(sender, json("[" + fix(39.9) + ",42," + fix(91) + "," + fix(39.91) + "]"));

        assertThat(batchSizes).containsExactly(2);
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.results()).extracting(ItemResult::index).containsExactly(0, 1, 2, 3);
        assertThat(r.results()).extracting(ItemResult::status)
                .containsExactly("accepted", "rejected", "rejected", "accepted");
        assertThat(r.results().get(1).reason()).contains(Reasons.MALFORMED);
        assertThat(r.results().get(2).reason()).contains(Reasons.COORDINATE_RANGE);
        assertThat(r.results().get(2).field()).contains("position.lat");
        assertThat(fx.store.observations().read(1, 10)).allMatch(a -> a.channel().equals(HttpChannel.CHANNEL));
        assertThat(gate.metrics().acceptedSnapshot()).containsEntry("http", 2L);
        assertThat(gate.metrics().rejected("http", Reasons.COORDINATE_RANGE)).isEqualTo(1);
    }

    @Test
    void geoJsonDetectionsAreCheckedByTheSameValidator() {
        var sender = fx.store.assets().find(Fixture.CAM).orElseThrow();
        String feature = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[47.0,39.9,%s]},"
                + "\"properties\":{\"time\":\"%s\",\"objectClass\":\"tank\",\"cepM\":20}}";
        IngestReport r = channel.geoJson(sender, json("{\"type\":\"FeatureCollection\",\"features\":["
                + feature.formatted("600", "2020-11-14T08:00:00Z") + ","
                + feature.formatted("99999", "2020-11-14T08:00:00Z") + ","
                + feature.formatted("600", "2020-11-14T09:00:00Z") + "]}"));
        assertThat(batchSizes).as("the future one is the gate's to refuse").containsExactly(1);
        assertThat(r.results()).extracting(x -> x.reason().orElse("") + " " + x.field().orElse(""))
                .containsExactly(" ", "altitude-range geometry.coordinates", "future time");
    }

    @Test
    void aBodyOfTheWrongShapeIsRefusedAsAWholeAndCounted() {
        var sender = fx.store.assets().find(Fixture.UAV).orElseThrow();
        assertThatThrownBy(() -> channel.observations(sender, json("{\"items\":[]}")))
                .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.field()).contains("observations"));
        assertThatThrownBy(() -> channel.geoJson(sender, json("[]"))).isInstanceOf(RejectedInput.class);
        assertThat(gate.metrics().rejected("http", Reasons.MALFORMED)).isEqualTo(2);
        assertThat(batchSizes).isEmpty();
    }
}
