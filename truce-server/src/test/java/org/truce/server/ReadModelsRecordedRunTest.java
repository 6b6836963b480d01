package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.agreement.Agreement;
import org.truce.ground.PartyId;
import org.truce.ground.ZoneId;
import org.truce.agreement.io.AgreementLoader;
import org.truce.pipeline.Center;
import org.truce.readmodel.ReadModels;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sim.Simulation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.IncidentQuery;
import org.truce.store.ObservationQuery;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.TestAgreements;
import org.truce.time.SimulatedClock;

/**
 * The read models on a recorded run (three hours of the simulated Karabakh theater through the real pipeline) give
 * the answers the store's queries gave the API before them: once following the center from the start, and once
 * seeded from the store afterwards, as after a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelsRecordedRunTest {
    private static final Instant START = Instant.parse("2020-11-19T20:00:00Z");
    private static final Instant END = Instant.parse("2020-11-19T23:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private SimulatedClock clock;
    private Center center;
    private ReadModels followed;
    private ReadModels seeded;

    @BeforeAll
    void run() {
        Path dir = TestAgreements.scenarioDir("karabakh-2020");
        Agreement agreement = AgreementLoader.load(dir);
        SimulationSetup setup = SimulationSetup.load(dir.resolve("simulation.json"));
        clock = new SimulatedClock(START);
        center = Center.builder(agreement).store(store).clock(clock).build();
        Simulation sim = new Simulation(agreement, setup, 2, START);
        sim.assets().forEach(store.assets()::save);
        followed = ReadModels.follow(center);
        sim.runUntil(END, center, clock, step -> center.tick());
        center.tick();
        seeded = ReadModels.follow(center);
    }

    @AfterAll
    void close() {
        followed.close();
        seeded.close();
    }

    @Test
    void theRunIsLargeEnoughToMeanSomething() {
        assertThat(store.observations().size()).isGreaterThan(1000);
        assertThat(store.incidents().count()).isGreaterThan(3);
        assertThat(store.tracks().updatedSince(Instant.EPOCH)).hasSizeGreaterThan(3);
    }

    @Test
    void everyAssetsLastFixAndFootprintAreWhatTheOldPagedQueryFound() {
        int withFix = 0;
        for (Asset a : store.assets().all()) {
            for (String kind : List.of("fix", "footprint")) {
                Optional<AcceptedObservation> old = oldLast(a.id(), kind);
                for (ReadModels m : List.of(followed, seeded)) {
                    Optional<AcceptedObservation> now = kind.equals("fix") ? m.assets().lastFix(a.id())
                            : m.assets().lastFootprint(a.id());
                    assertThat(now).as("%s of %s", kind, a.id()).isEqualTo(old);
                }
                if (kind.equals("fix") && old.isPresent()) withFix++;
            }
        }
        assertThat(withFix).isGreaterThan(3);
    }

    @Test
    void tracksUpdatedSinceAnyInstantAreTheStoresWhetherFromMemoryOrBeforeTheHorizon() {
        for (Instant since = START.minusSeconds(60); since.isBefore(END.plusSeconds(120)); since = since.plusSeconds(599)) {
            for (ReadModels m : List.of(followed, seeded)) {
                assertThat(m.tracks().updatedSince(since)).as("since %s", since)
                        .isEqualTo(store.tracks().updatedSince(since));
            }
        }
    }

    @Test
    void incidentQueriesPageAndCountAsTheStore() {
        List<IncidentQuery> queries = new ArrayList<>();
        queries.add(IncidentQuery.all());
        queries.add(new IncidentQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 2, 3));
        queries.add(new IncidentQuery(Optional.of(START.plus(Duration.ofMinutes(70))), Optional.of(END),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 100));
        for (Incident i : store.incidents().all()) {
            queries.add(new IncidentQuery(Optional.empty(), Optional.empty(), Optional.of(i.ruleType()),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 100));
            queries.add(new IncidentQuery(Optional.empty(), Optional.of(i.end()), Optional.empty(),
                    Optional.of(i.zone()), i.party(), Optional.of(i.provision()), Optional.empty(), 0, 100));
            queries.add(new IncidentQuery(Optional.of(i.start()), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(i.state()), 1, 2));
        }
        queries.add(new IncidentQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(ZoneId.of("no-such-zone")), Optional.of(PartyId.of("AM")), Optional.empty(),
                Optional.of(IncidentState.CLOSED), 0, 10));
        for (IncidentQuery q : queries) {
            for (ReadModels m : List.of(followed, seeded)) {
                assertThat(m.incidents().query(q)).as("%s", q).isEqualTo(store.incidents().query(q));
            }
        }
        for (ReadModels m : List.of(followed, seeded)) {
            assertThat(m.incidents().all()).isEqualTo(store.incidents().all());
        }
    }

    /** What {@code ApiHandlers} did before the read models: count the matches, then fetch the last one. */
    private Optional<AcceptedObservation> oldLast(AssetId asset, String kind) {
        var probe = store.observations().query(new ObservationQuery(Optional.of(asset), Optional.of(kind),
                Optional.empty(), Optional.empty(), 0, 1));
        if (probe.total() == 0) return Optional.empty();
        return store.observations().query(new ObservationQuery(Optional.of(asset), Optional.of(kind), Optional.empty(),
                Optional.empty(), (int) (probe.total() - 1), 1)).items().stream().findFirst();
    }
}
