package org.truce.app.via;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.geo.GeoPoint;
import org.truce.ingest.Ingest;
import org.truce.ingest.IngestConfig;
import org.truce.ingest.ValidationLimits;
import org.truce.ingest.klv.KlvSettings;
import org.truce.ingest.mavlink.MavlinkSettings;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.Center;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.sim.Simulation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.TestAgreements;
import org.truce.time.SimulatedClock;

/**
 * The simulator's drone footprints, encoded by {@link KlvSender} with jmisb and sent over UDP, come out of the
 * center's real KLV adapter as the same footprints: one each (no platform fix beside it), same asset and time, the
 * corners within ST 0601's 4-byte resolution, the detection probability the adapter's.
 */
class KlvSenderTest {
    /** Half a step of ST 0601's full-precision latitude and longitude (jmisb's DELTA), plus rounding of doubles. */
    static final double LAT_STEP = 2.1e-8 + 1e-12;
    static final double LON_STEP = 4.2e-8 + 1e-12;

    @Test
    void droneFootprintsComeBackFromTheKlvAdapterAsSent() {
        Agreement agreement = TestAgreements.karabakh();
        SimulationSetup setup = SimulationSetup.load(TestAgreements.scenarioDir("karabakh-2020").resolve("simulation.json"));
        Duration length = Duration.ofMinutes(45);
        Simulation sim = new Simulation(agreement, setup, 5, setup.start(), length);
        Map<AssetId, Asset> assets = new LinkedHashMap<>();
        sim.assets().forEach(a -> assets.put(a.id(), a));
        List<Observation.Footprint> sent = new ArrayList<>();
        long[] seq = {0};
        sim.run(length, (channel, o) -> {
            if (Protocol.route(assets.get(o.asset()), o, EnumSet.allOf(Protocol.class)) == Protocol.KLV) {
                sent.add((Observation.Footprint) o);
            }
            seq[0]++;
            return new Acceptance.Accepted(new AcceptedObservation(seq[0], AcceptedObservation.idFor(seq[0]), o.time(),
                    channel, o));
        }, new SimulatedClock(setup.start()), step -> { });
        assertThat(sent).as("drone footprints in 45 minutes").hasSizeGreaterThan(100);

        InMemoryStore store = new InMemoryStore();
        Center center = Center.builder(agreement).store(store).clock(new SimulatedClock(sim.now())).build();
        assets.values().forEach(store.assets()::save);
        IngestConfig klvOnly = new IngestConfig(ValidationLimits.defaults(), OptionalInt.empty(),
                MavlinkSettings.defaults(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Map.of(),
                Optional.empty(), List.of(new IngestConfig.KlvFeed(0, KlvSettings.defaults())));
        try (Ingest ingest = Ingest.start(center, klvOnly);
             KlvSender sender = new KlvSender(new InetSocketAddress("127.0.0.1", ingest.klv().getFirst().boundPort()))) {
            // Several small runs, as ViaRun sends them, and one big one that takes more than a datagram.
            int single = 20;
            for (int i = 0; i < single; i++) {
                sender.send(List.of(sent.get(i)));
                await(store, i + 1);
            }
            List<Observation.Footprint> rest = List.copyOf(sent.subList(single, sent.size()));
            assertThat(rest.stream().mapToInt(f -> KlvSender.encode(f).length).sum())
                    .isGreaterThan(KlvSender.MAX_DATAGRAM);
            sender.send(List.copyOf(rest));
            await(store, sent.size());
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            assertThat(store.observations().size()).as("one observation per set, no fix").isEqualTo(sent.size());
        }
        List<AcceptedObservation> got = store.observations().read(1, sent.size());
        assertThat(got.stream().map(a -> a.observation().asset() + " " + a.observation().time()).toList())
                .as("assets and times, in order")
                .isEqualTo(sent.stream().map(f -> f.asset() + " " + f.time()).toList());
        for (int i = 0; i < sent.size(); i++) {
            Observation.Footprint want = sent.get(i);
            assertThat(got.get(i).channel()).isEqualTo("klv");
            assertThat(got.get(i).observation()).isInstanceOf(Observation.Footprint.class);
            Observation.Footprint f = (Observation.Footprint) got.get(i).observation();
            assertThat(f.asset()).isEqualTo(want.asset());
            assertThat(f.time()).isEqualTo(want.time());
            assertThat(f.detectionProbability()).isEqualTo(KlvSettings.defaults().detectionProbability());
            assertThat(f.ring()).hasSize(5);
            for (int c = 0; c < 5; c++) {
                GeoPoint a = f.ring().get(c);
                GeoPoint b = want.ring().get(c);
                assertThat(a.lat()).as("footprint %d corner %d latitude", i, c).isCloseTo(b.lat(), within(LAT_STEP));
                assertThat(a.lon()).as("footprint %d corner %d longitude", i, c).isCloseTo(b.lon(), within(LON_STEP));
            }
        }
    }

    @Test
    void onlyFourCorneredFootprintsGoByKlv() {
        try (KlvSender sender = new KlvSender(new InetSocketAddress("127.0.0.1", 9))) {
            AssetId uav = AssetId.of("RU-UAV-01");
            GeoPoint p = new GeoPoint(39.8, 46.7);
            assertThatThrownBy(() -> sender.send(List.of(new Observation.PlatformFix(uav, ProtocolTest.T, p, 3000, 5,
                    90, 30)))).hasMessageContaining("not a fix");
            Observation.Footprint triangle = new Observation.Footprint(uav, ProtocolTest.T,
                    List.of(p, new GeoPoint(39.81, 46.7), new GeoPoint(39.81, 46.71), p), 0.8);
            assertThat(KlvSender.carries(triangle)).isFalse();
            assertThatThrownBy(() -> sender.send(List.of(triangle))).hasMessageContaining("3 corners");
        }
    }

    private static void await(InMemoryStore store, long n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.observations().size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the KLV adapter accepted " + store.observations().size() + " of " + n);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
