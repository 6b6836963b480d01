package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cases.CaseFixtures.AM;
import static org.truce.cases.CaseFixtures.CEASEFIRE;
import static org.truce.cases.CaseFixtures.RU;
import static org.truce.cases.CaseFixtures.head;
import static org.truce.testing.RuleFixtures.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.truce.cases.memory.InMemoryAllegationRepository;
import org.truce.cases.memory.InMemoryAuditLog;
import org.truce.cases.memory.InMemoryOutbox;
import org.truce.pipeline.CoverageRecorder;
import org.truce.geo.LocalProjection;
import org.truce.pipeline.CenterEvent;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;
import org.truce.testing.RuleFixtures;
import org.truce.time.SimulatedClock;

/** The allegation desk judging on the live coverage recorder: "not corroborated" needs a look, else "unverifiable". */
class AllegationCoverageTest {
    static final Instant T = Instant.parse("2020-11-20T10:00:00Z");
    static final Principal LO_AM = Principal.liaison("lo-am", AM);

    final Asset drone = new Asset(AssetId.of("RU-UAV-01"), RU, AssetKind.DRONE, "test",
            new SensorSpec(3000, 30, 20, 40, 1), OptionalInt.empty(), Optional.empty(), Optional.empty());
    final CoverageRecorder recorder = new CoverageRecorder(RuleFixtures.agreement(List.of()),
            id -> id.equals(drone.id()) ? Optional.of(drone) : Optional.empty(), CoverageRecorder.Config.defaults());
    final AllegationDesk desk = new AllegationDesk(new InMemoryAllegationRepository(), new InMemoryOutbox(),
            new InMemoryAuditLog(), new AllegationMatcher(LocalProjection.utm38n(), Duration.ofMinutes(30)), recorder,
            0.5, new SimulatedClock(T.plusSeconds(7200)));

    @Test
    void observedWithNothingFoundIsNotCorroboratedUnobservedIsUnverifiable() {
        // The drone watched a 2 km square around (5 km, 5 km) at 10:10 with detection probability 0.9.
        Observation.Footprint look = new Observation.Footprint(drone.id(), T.plusSeconds(600),
                List.of(at(4_000, 4_000), at(4_000, 6_000), at(6_000, 6_000), at(6_000, 4_000), at(4_000, 4_000)), 0.9);
        recorder.on(new CenterEvent.ObservationAccepted(new AcceptedObservation(1, "OBS-1", look.time(), "sim", look)));

        desk.file(LO_AM, T, T.plusSeconds(1800), new Area.Circle(at(5_000, 5_000), 300), "shelling in the watched square",
                CEASEFIRE, List.of());
        desk.file(LO_AM, T, T.plusSeconds(1800), new Area.Circle(at(15_000, 15_000), 300), "shelling elsewhere",
                CEASEFIRE, List.of());
        desk.file(LO_AM, T.plusSeconds(3600), T.plusSeconds(5400), new Area.Circle(at(5_000, 5_000), 300),
                "shelling in the watched square, an hour later", CEASEFIRE, List.of());
        List<Allegation> reviewed = desk.review(head(RU), List.of(), id -> Optional.empty());

        assertThat(reviewed).extracting(Allegation::status).containsExactly(AllegationStatus.NOT_CORROBORATED,
                AllegationStatus.UNVERIFIABLE, AllegationStatus.UNVERIFIABLE);
        assertThat(reviewed.get(0).reason()).contains("0.90", "RU-UAV-01");
        assertThat(reviewed.get(1).reason()).contains("no coverage");
        assertThat(reviewed.get(2).reason()).contains("no coverage");
    }
}
