package org.truce.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.agreement.Agreement;
import org.truce.ground.ContingentId;
import org.truce.agreement.ParityRule;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.agreement.Zone;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.Center;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.Processor;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;
import org.truce.store.memory.InMemoryStore;
import org.truce.time.SimulatedClock;

/**
 * A center for adapter tests: in-memory store, simulated clock at {@link #T0}, a few registered assets, one zone,
 * and a test processor that raises an incident for each detection (the real rule pipeline is written elsewhere).
 */
public final class Fixture {
    public static final Instant T0 = Instant.parse("2020-11-14T08:00:00Z");
    public static final AssetId UAV = AssetId.of("RU-UAV-01");
    public static final int UAV_SYSTEM_ID = 7;
    public static final AssetId CAM = AssetId.of("TR-CAM-01");
    public static final AssetId OBS = AssetId.of("TR-OBS-01");

    public final SimulatedClock clock = new SimulatedClock(T0);
    public final InMemoryStore store = new InMemoryStore();
    public final Center center;
    public final IngestGate gate;
    public final List<CenterEvent> events = new CopyOnWriteArrayList<>();

    public Fixture() {
        this(ValidationLimits.defaults());
    }

    public Fixture(ValidationLimits limits) {
        store.assets().save(new Asset(UAV, new ContingentId("RU"), AssetKind.DRONE, "Orlan-10",
                new SensorSpec(3000, 60, 40, 40, 1), OptionalInt.of(UAV_SYSTEM_ID), Optional.empty(), Optional.empty()));
        store.assets().save(new Asset(CAM, new ContingentId("TR"), AssetKind.CAMERA, "PTZ",
                new SensorSpec(5000, 30, 20, 0, 10), OptionalInt.empty(), Optional.of(GeoPoint.of(39.93, 47.06)),
                Optional.empty()));
        store.assets().save(new Asset(OBS, new ContingentId("TR"), AssetKind.STAFF_BEACON, "ATAK phone",
                new SensorSpec(100, 0, 0, 30, 30), OptionalInt.empty(), Optional.empty(), Optional.empty()));
        center = Center.builder(agreement()).store(store).clock(clock).processor(c -> new DetectionIncidents()).build();
        center.addListener(events::add);
        gate = IngestGate.forCenter(center, limits);
    }

    public List<Observation> accepted() {
        return store.observations().read(1, 10_000).stream().map(AcceptedObservation::observation).toList();
    }

    public <T extends Observation> List<T> accepted(Class<T> kind) {
        return accepted().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public long rejected(String channel, String reason) {
        return gate.metrics().rejected(channel, reason);
    }

    /** Polls until {@code condition} holds or 5 s pass; network tests deliver asynchronously. */
    public static void await(String what, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static Agreement agreement() {
        var gf = new GeometryFactory();
        var premises = gf.createPolygon(new Coordinate[] {new Coordinate(47.060, 39.931), new Coordinate(47.063, 39.931),
                new Coordinate(47.063, 39.934), new Coordinate(47.060, 39.934), new Coordinate(47.060, 39.931)});
        Zone zone = new Zone(new ZoneId("center-premises"), "Center premises", ZoneRole.PREMISES, premises,
                Optional.empty(), "test", "test outline");
        return new Agreement("test", "Test agreement", Instant.parse("2020-11-09T21:00:00Z"),
                "+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs", List.of(), List.of(), List.of(),
                new ParityRule(0, 60, true, true), Map.of(zone.id(), zone), List.of());
    }

    /** Raises one incident per detection, at the detection's place. */
    static final class DetectionIncidents implements Processor {
        private final AtomicInteger seq = new AtomicInteger();

        @Override
        public List<CenterEvent> process(AcceptedObservation a) {
            List<CenterEvent> out = new ArrayList<>();
            if (a.observation() instanceof Observation.Detection d) {
                String id = String.format("INC-2020-11-14-%04d", seq.incrementAndGet());
                out.add(new CenterEvent.IncidentChanged(new Incident(id, new ProvisionId("p1-ceasefire"), 1,
                        new RuleId("p1-ceasefire"), "cease-fire", new ZoneId("center-premises"), d.time(), d.time(),
                        d.position(), d.cepM() * 2.08, Optional.empty(), 0.5, d.sensorTrackId().orElse(a.id()),
                        "armed " + d.objectClass() + " seen by " + d.asset(), IncidentState.OPEN, List.of(a.id())), true));
            }
            return out;
        }

        @Override
        public List<CenterEvent> advanceTo(Instant now) {
            return List.of();
        }
    }
}
