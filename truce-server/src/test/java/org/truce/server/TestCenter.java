package org.truce.server;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.Center;
import org.truce.ground.AssetId;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;

/** A center on an in-memory store, a scenario clock and {@link TestProcessor}, with helpers to feed it. */
final class TestCenter {
    static final Instant START = Instant.parse("2020-11-20T08:00:00Z");

    final SimulatedClock clock = new SimulatedClock(START);
    final InMemoryStore store = new InMemoryStore();
    final Center center;

    TestCenter() {
        Fixtures.assets().forEach(store.assets()::save);
        var agreement = Fixtures.agreement();
        center = Center.builder(agreement).store(store).clock(clock)
                .processor(c -> new TestProcessor(agreement)).build();
    }

    Observation.FireCue fire(double lat, double lon) {
        return new Observation.FireCue(AssetId.of("TR-ACU-01"), clock.instant(), FireKind.IMPACT,
                Optional.of(GeoPoint.of(lat, lon)), 150, Optional.empty(), 0, 0, 0, Optional.empty());
    }

    Observation.Detection detection(String trackLabel, double lat, double lon, String side) {
        return new Observation.Detection(AssetId.of("RU-UAV-01"), clock.instant(), GeoPoint.of(lat, lon), 20,
                ObjectClass.TANK, 0.9, Optional.of(PartyId.of(side)), 0.92, 1, Optional.of(trackLabel));
    }

    Observation.PlatformFix fix(String asset, double lat, double lon, double heading) {
        return new Observation.PlatformFix(AssetId.of(asset), clock.instant(), GeoPoint.of(lat, lon), 1500, 10,
                heading, 30);
    }

    Observation.Footprint footprint(String asset, double lat, double lon) {
        double d = 0.02;
        return new Observation.Footprint(AssetId.of(asset), clock.instant(), List.of(
                GeoPoint.of(lat - d, lon - d), GeoPoint.of(lat - d, lon + d), GeoPoint.of(lat + d, lon + d),
                GeoPoint.of(lat + d, lon - d), GeoPoint.of(lat - d, lon - d)), 0.8);
    }

    /** Accepts {@code o} and fails loudly if the center refuses it. */
    String accept(Observation o) {
        Acceptance a = center.accept("test", o);
        if (a instanceof Acceptance.Accepted ok) return ok.observation().id();
        throw new AssertionError("refused: " + a);
    }

    void advance(Duration d) {
        clock.advance(d);
    }
}
