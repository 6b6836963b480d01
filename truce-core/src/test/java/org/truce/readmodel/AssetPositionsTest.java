package org.truce.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.truce.ground.ContingentId;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.CenterEvent;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;
import org.truce.store.StoreFixtures;
import org.truce.store.memory.InMemoryStore;

/** The assets read model against the log's own "latest of kind" answer. */
class AssetPositionsTest {
    private static final Instant T0 = Instant.parse("2020-11-14T06:30:00Z");

    @Test
    void seedsFromTheLogAndThenFollowsItToTheSameLastFixAndFootprint() {
        Random r = new Random(5);
        InMemoryStore store = new InMemoryStore();
        List<String> ids = List.of("RU-UAV-01", "RU-UAV-02", "TR-UAV-01", "TR-CAM-01");
        ids.forEach(id -> store.assets().save(new Asset(AssetId.of(id), ContingentId.of(id.substring(0, 2)),
                AssetKind.DRONE, "Orlan-10", new SensorSpec(5000, 60, 40, 40, 1), OptionalInt.empty(),
                Optional.empty(), Optional.empty())));
        for (int i = 0; i < 300; i++) append(store, r, ids, i);

        AssetPositions model = new AssetPositions();
        // A later fix heard before seeding ends is kept: the newer sequence number wins whatever the order.
        AcceptedObservation early = append(store, r, ids, 300);
        model.on(new CenterEvent.ObservationAccepted(early));
        model.seed(store.assets(), store.observations());
        check(model, store, ids);

        for (int i = 301; i < 600; i++) {
            model.on(new CenterEvent.ObservationAccepted(append(store, r, ids, i)));
            if (i % 20 == 0) check(model, store, ids);
        }
        check(model, store, ids);
        assertThat(model.lastFix(AssetId.of("XX-NONE-01"))).isEmpty();
    }

    private static void check(AssetPositions model, InMemoryStore store, List<String> ids) {
        for (String id : ids) {
            AssetId a = AssetId.of(id);
            assertThat(model.lastFix(a)).as(id).isEqualTo(store.observations().latest(a, "fix"));
            assertThat(model.lastFootprint(a)).as(id).isEqualTo(store.observations().latest(a, "footprint"));
        }
    }

    private static AcceptedObservation append(InMemoryStore store, Random r, List<String> ids, int i) {
        AssetId a = AssetId.of(ids.get(r.nextInt(ids.size() - (i < 300 ? 1 : 0))));
        // Measurement times jump back and forth: "last" is the log's order, not the latest time.
        Instant t = T0.plusSeconds(r.nextInt(3600));
        GeoPoint p = GeoPoint.of(39 + r.nextDouble(), 46 + r.nextDouble());
        Observation o = switch (r.nextInt(3)) {
            case 0 -> new Observation.PlatformFix(a, t, p, 1000, 5, 90, 20);
            case 1 -> new Observation.Footprint(a, t, List.of(p, GeoPoint.of(p.lat() + 0.01, p.lon()),
                    GeoPoint.of(p.lat() + 0.01, p.lon() + 0.01), p), 0.8);
            default -> StoreFixtures.fireCue(a.value(), t);
        };
        return store.observations().append(T0.plusSeconds(i), "test", o);
    }
}
