package org.truce.app.via;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;
import org.truce.geo.GeoPoint;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;

/** Which protocol carries which observation, and the parsing of --via. */
class ProtocolTest {
    static final Instant T = Instant.parse("2020-11-19T12:00:00Z");
    static final GeoPoint P = new GeoPoint(39.8, 46.7);

    static Asset asset(String id, AssetKind kind, OptionalInt systemId) {
        return new Asset(AssetId.of(id), ContingentId.of("RU"), kind, "m", new SensorSpec(1000, 60, 40, 0, 5),
                systemId, Optional.empty(), Optional.empty());
    }

    final Asset drone = asset("RU-UAV-01", AssetKind.DRONE, OptionalInt.of(11));
    final Asset beacon = asset("RU-OBS-01", AssetKind.STAFF_BEACON, OptionalInt.empty());
    final Asset array = asset("RU-ACU-01", AssetKind.ACOUSTIC_ARRAY, OptionalInt.empty());
    final Observation.PlatformFix fix = new Observation.PlatformFix(drone.id(), T, P, 3000, 5, 90, 30);
    final Observation.Detection detection = new Observation.Detection(drone.id(), T, P, 20, ObjectClass.TANK, 0.8,
            Optional.empty(), 0, 1, Optional.empty());
    final Observation.FireCue cue = new Observation.FireCue(array.id(), T, FireKind.LAUNCH, Optional.of(P), 150,
            Optional.empty(), 0, 0, 0, Optional.empty());
    final Observation.Footprint footprint = new Observation.Footprint(drone.id(), T, List.of(P,
            new GeoPoint(39.81, 46.7), new GeoPoint(39.81, 46.71), P), 0.8);

    @Test
    void eachKindGoesByTheFirstChosenProtocolThatCarriesIt() {
        var all = EnumSet.of(Protocol.MAVLINK, Protocol.COT, Protocol.MQTT);
        assertThat(Protocol.route(drone, fix, all)).isEqualTo(Protocol.MAVLINK);
        assertThat(Protocol.route(drone, detection, all)).isEqualTo(Protocol.COT);
        assertThat(Protocol.route(drone, footprint, all)).isEqualTo(Protocol.MQTT);
        assertThat(Protocol.route(array, cue, all)).isEqualTo(Protocol.MQTT);
        assertThat(Protocol.route(beacon, new Observation.PlatformFix(beacon.id(), T, P, 0, 5, 0, 0), all))
                .isEqualTo(Protocol.COT);
        assertThat(Protocol.route(array, new Observation.PlatformFix(array.id(), T, P, 0, 5, 0, 0), all))
                .isEqualTo(Protocol.MQTT);
        assertThat(Protocol.route(drone, fix, EnumSet.of(Protocol.COT))).isEqualTo(Protocol.COT);
        // KLV carries a drone's four-cornered footprint, and nothing else.
        var withKlv = EnumSet.of(Protocol.MAVLINK, Protocol.KLV, Protocol.COT, Protocol.MQTT);
        Observation.Footprint quad = new Observation.Footprint(drone.id(), T, List.of(P, new GeoPoint(39.81, 46.7),
                new GeoPoint(39.81, 46.71), new GeoPoint(39.8, 46.71), P), 0.7);
        assertThat(Protocol.route(drone, quad, withKlv)).isEqualTo(Protocol.KLV);
        assertThat(Protocol.route(drone, footprint, withKlv)).as("three corners").isEqualTo(Protocol.MQTT);
        assertThat(Protocol.route(drone, fix, withKlv)).isEqualTo(Protocol.MAVLINK);
        assertThat(Protocol.route(drone, detection, withKlv)).isEqualTo(Protocol.COT);
        Observation.Footprint cameraQuad = new Observation.Footprint(array.id(), T, quad.ring(), 0.7);
        assertThat(Protocol.route(array, cameraQuad, withKlv)).isEqualTo(Protocol.MQTT);
        assertThatThrownBy(() -> Protocol.route(drone, fix, EnumSet.of(Protocol.KLV)))
                .hasMessageContaining("[mavlink, mqtt, http, cot]");
        assertThatThrownBy(() -> Protocol.route(array, cue, EnumSet.of(Protocol.MAVLINK, Protocol.COT)))
                .hasMessageContaining("fire").hasMessageContaining("[mqtt, http]");
    }

    @Test
    void theListIsParsedWithAReasonForWhatIsNotAProtocol() {
        assertThat(Protocol.parse("mavlink, COT,mqtt")).containsExactly(Protocol.MAVLINK, Protocol.COT, Protocol.MQTT);
        assertThatThrownBy(() -> Protocol.parse("mavlink,smoke")).hasMessageContaining("'smoke'");
        assertThat(Protocol.parse("cot,klv")).containsExactly(Protocol.KLV, Protocol.COT);
        assertThatThrownBy(() -> Protocol.parse(" , ")).hasMessageContaining("names no protocol");
    }
}
