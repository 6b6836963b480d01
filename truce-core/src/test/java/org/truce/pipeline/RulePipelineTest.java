package org.truce.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.truce.testing.RuleFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;

/** The whole pipeline through a {@link Center}, driven by the {@link PipelineTestDriver}. */
class RulePipelineTest {
    private static final Instant DAY = Instant.parse("2020-11-12T08:00:00Z");

    private static PipelineTestDriver driver(Agreement agreement, Instant start) {
        PipelineTestDriver d = new PipelineTestDriver(agreement, start);
        registerAll(d);
        return d;
    }

    @Test
    void theDriverRunsTheStagesAddedToTheCentersTopologyOverEveryAcceptedObservation() {
        Agreement agreement = agreement();
        CoverageRecorder recorder = new CoverageRecorder(agreement, id -> java.util.Optional.empty(),
                CoverageRecorder.Config.defaults());
        PipelineTestDriver d = new PipelineTestDriver(agreement, CenterConfig.defaults(), DAY,
                b -> b.stage(new CoverageStage(recorder)));
        registerAll(d);
        List<Observation.Detection> seen = stay(DAY, DAY.plusSeconds(60), 10, 0, 0, ObjectClass.TANK, AM);
        assertThat(d.pipeAll(seen)).allMatch(Acceptance::accepted);
        assertThat(d.center().stageNames()).containsExactly("rules", "coverage");
        assertThat(d.center().stage(CoverageStage.class)).isPresent();
        assertThat(d.center().position()).isEqualTo(seen.size());
    }

    private static List<Incident> incidentsOf(PipelineTestDriver d, String rule) {
        return d.incidents().stream().filter(i -> i.rule().value().equals(rule)).toList();
    }

    /** A stationary object seen every {@code stepSeconds} from {@code from} to {@code to} inclusive. */
    private static List<Observation.Detection> stay(Instant from, Instant to, long stepSeconds, double e, double n,
                                                    ObjectClass c, PartyId side) {
        List<Observation.Detection> out = new ArrayList<>();
        for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(stepSeconds)) {
            out.add(detection("RU-UAV-01", t, at(e, n), c, side, 0.9));
        }
        return out;
    }

    @Test
    void withdrawalIsOneGrowingIncidentFromTheDeadlineThatClosesWhenIdle() {
        PipelineTestDriver d = driver(agreement(), AGHDAM_DEADLINE.minus(Duration.ofHours(1)));
        d.pipeAll(stay(AGHDAM_DEADLINE.minus(Duration.ofMinutes(10)), AGHDAM_DEADLINE.plus(Duration.ofMinutes(10)), 60,
                30_000, 5_000, ObjectClass.TANK, AM));
        List<Incident> inc = incidentsOf(d, "p2-aghdam");
        assertThat(inc).hasSize(1);
        Incident i = inc.getFirst();
        assertThat(i.id()).isEqualTo("INC-2020-11-19-0001");
        assertThat(i.start()).as("at the deadline instant").isEqualTo(AGHDAM_DEADLINE);
        assertThat(i.end()).isEqualTo(AGHDAM_DEADLINE.plus(Duration.ofMinutes(10)));
        assertThat(i.party()).contains(AM);
        assertThat(i.provisionVersion()).isEqualTo(1);
        assertThat(i.subject()).isEqualTo("TRK-1");
        assertThat(i.state()).isEqualTo(IncidentState.OPEN);
        assertThat(i.summary()).contains("TRK-1").contains("aghdam-handover").endsWith("; 12 observations");
        assertThat(d.incidentEvents()).filteredOn(CenterEvent.IncidentChanged::opened).hasSize(1);

        d.advance(Duration.ofMinutes(15));
        Incident closed = d.incident(i.id()).orElseThrow();
        assertThat(closed.state()).isEqualTo(IncidentState.CLOSED);
        CenterEvent.IncidentChanged last = d.incidentEvents().getLast();
        assertThat(last.opened()).isFalse();
        assertThat(last.incident().state()).isEqualTo(IncidentState.CLOSED);
    }

    @Test
    void anAmendmentMovesTheDeadlineAndIncidentsRecordTheVersion() {
        Instant v2From = Instant.parse("2020-11-20T00:00:00Z");
        Agreement a = agreement(provision("¶6", version(1, EFFECTIVE, v2From, withdrawBy("p6-kalbajar", KALBAJAR, KALBAJAR_V1)),
                version(2, v2From, null, withdrawBy("p6-kalbajar", KALBAJAR, KALBAJAR_V2))));
        PipelineTestDriver d = driver(a, KALBAJAR_V1.minus(Duration.ofHours(1)));
        Instant nov15 = Instant.parse("2020-11-15T10:00:00Z");
        d.pipeAll(stay(KALBAJAR_V1.minus(Duration.ofMinutes(6)), KALBAJAR_V1.minusSeconds(1), 60, 10_000, 30_000,
                ObjectClass.APC, AM));
        assertThat(d.incidents()).as("before the v1 deadline").isEmpty();
        d.pipeAll(stay(nov15, nov15.plus(Duration.ofMinutes(5)), 60, 10_000, 30_000, ObjectClass.APC, AM));
        // The track seen a second before the v1 deadline was there at the deadline; the next day's track again.
        assertThat(d.incidents()).extracting(Incident::start)
                .containsExactly(KALBAJAR_V1, nov15.plus(Duration.ofMinutes(2)));
        assertThat(d.incidents()).extracting(Incident::provisionVersion).containsOnly(1);
        Instant nov21 = Instant.parse("2020-11-21T10:00:00Z");
        d.pipeAll(stay(nov21, nov21.plus(Duration.ofMinutes(5)), 60, 10_000, 30_000, ObjectClass.APC, AM));
        assertThat(d.incidents()).as("v2 is in force and its deadline is later").hasSize(2);
        d.pipeAll(stay(KALBAJAR_V2.minus(Duration.ofMinutes(5)), KALBAJAR_V2.plus(Duration.ofMinutes(5)), 60,
                10_000, 30_000, ObjectClass.APC, AM));
        assertThat(d.incidents()).hasSize(3);
        Incident second = d.incidents().getLast();
        assertThat(second.provisionVersion()).isEqualTo(2);
        assertThat(second.provision()).isEqualTo(ProvisionId.of("¶6"));
        assertThat(second.start()).isEqualTo(KALBAJAR_V2);
    }

    @Test
    void theScenarioAmendmentSuppressesTheOldKalbajarDeadline() {
        PipelineTestDriver d = driver(agreement(), KALBAJAR_V1.minus(Duration.ofHours(1)));
        d.pipeAll(stay(KALBAJAR_V1.minus(Duration.ofMinutes(5)), KALBAJAR_V1.plus(Duration.ofMinutes(30)), 60,
                10_000, 30_000, ObjectClass.APC, AM));
        assertThat(incidentsOf(d, "p6-kalbajar")).isEmpty();
    }

    @Test
    void outsidePartyCrossingTheLineIsOneIncidentAttributedToItsSide() {
        PipelineTestDriver d = driver(agreement(), DAY);
        d.pipeAll(path("RU-UAV-01", DAY, 30, 21, -3_000, 10_000, 3_000, 10_000, ObjectClass.APC, AZ, 0.9));
        List<Incident> inc = incidentsOf(d, "p1-hold-positions");
        assertThat(inc).singleElement().satisfies(i -> {
            assertThat(i.party()).contains(AZ);
            assertThat(i.attributionConfidence()).isGreaterThan(0.99);
            assertThat(i.ruleType()).isEqualTo("hold-positions");
            assertThat(i.zone()).isEqualTo(AM_HELD);
            assertThat(i.summary()).contains("entered am-held");
        });
        assertThat(d.tracks()).extracting(Track::id).containsExactly("TRK-1");
        // On the crossing observation: accepted, then the track update, then the incident.
        List<CenterEvent> ev = d.events();
        int opened = ev.indexOf(ev.stream().filter(e -> e instanceof CenterEvent.IncidentChanged c
                && c.incident().rule().value().equals("p1-hold-positions")).findFirst().orElseThrow());
        assertThat(ev.get(opened - 1)).isInstanceOfSatisfying(CenterEvent.TrackUpdated.class,
                u -> assertThat(u.track().id()).isEqualTo("TRK-1"));
    }

    @Test
    void jitterAlongTheLineRaisesNothing() {
        // At 3 km north the line of contact borders lachin-handover, where AZ forces are not concerned.
        PipelineTestDriver d = driver(agreement(), DAY);
        for (int i = 0; i < 40; i++) {
            double e = (i % 2 == 0 ? 1 : -1) * 120;
            d.pipe(new Observation.Detection(AssetId.of("RU-UAV-01"), DAY.plusSeconds(30L * i), at(e, 3_000), 100,
                    ObjectClass.APC, 0.9, Optional.of(AZ), 0.9, 1, Optional.empty()));
        }
        assertThat(d.tracks()).hasSize(1);
        assertThat(d.incidents()).isEmpty();
    }

    @Test
    void weakSideEvidenceLeavesTheAttributionUndetermined() {
        PipelineTestDriver d = driver(agreement(), DAY);
        d.pipeAll(path("RU-UAV-01", DAY, 30, 21, -3_000, 10_000, 3_000, 10_000, ObjectClass.APC, AZ, 0.51));
        assertThat(incidentsOf(d, "p1-hold-positions")).singleElement().satisfies(i -> {
            assertThat(i.party()).isEmpty();
            assertThat(i.attributionConfidence()).isBetween(0.5, 0.8);
            assertThat(i.summary()).contains("undetermined");
        });
    }

    @Test
    void corridorControlIgnoresThePeacekeepersAndReportsOthers() {
        PipelineTestDriver d = driver(agreement(), DAY);
        d.pipeAll(stay(DAY, DAY.plus(Duration.ofMinutes(5)), 30, -15_000, 10_000, ObjectClass.APC, RU_PK));
        assertThat(incidentsOf(d, "p6-corridor")).isEmpty();
        d.pipeAll(stay(DAY.plus(Duration.ofMinutes(6)), DAY.plus(Duration.ofMinutes(10)), 30, -25_000, 10_000,
                ObjectClass.TANK, AZ));
        assertThat(incidentsOf(d, "p6-corridor")).singleElement()
                .satisfies(i -> assertThat(i.party()).contains(AZ));
    }

    @Test
    void forceCapCountsDistinctTracks() {
        Agreement a = agreement(provision("¶3", version(1, EFFECTIVE, null, forceCap(Map.of("APC", 2), 3600))));
        PipelineTestDriver d = driver(a, DAY);
        for (int k = 0; k < 3; k++) {
            d.pipeAll(stay(DAY.plusSeconds(k * 200L), DAY.plusSeconds(k * 200L + 120), 30, 2_000 + 5_000 * k, 5_000,
                    ObjectClass.APC, RU_PK));
        }
        assertThat(d.tracks()).hasSize(3);
        assertThat(d.incidents()).singleElement().satisfies(i -> {
            assertThat(i.subject()).isEqualTo("cap:APC");
            assertThat(i.summary()).contains("3 APC");
        });
    }

    @Test
    void staffExcursionsAreOneIncidentEach() {
        PipelineTestDriver d = driver(agreement(), DAY);
        double[] east = {30_100, 30_400, 30_500, 30_400, 30_100, 30_100, 31_000, 31_000};
        for (int i = 0; i < east.length; i++) d.pipe(fix("TR-OBS-01", DAY.plusSeconds(60L * i), at(east[i], -19_900)));
        List<Incident> inc = incidentsOf(d, "jmc1-tr-staff");
        assertThat(inc).extracting(Incident::id).containsExactly("INC-2020-11-12-0001", "INC-2020-11-12-0002");
        assertThat(inc.getFirst().evidence()).containsExactly("OBS-2", "OBS-3", "OBS-4");
        assertThat(inc.getFirst().state()).isEqualTo(IncidentState.CLOSED);
        assertThat(inc.get(1).evidence()).containsExactly("OBS-7", "OBS-8");
        assertThat(inc.get(1).subject()).isEqualTo("TR-OBS-01");
    }

    @Test
    void cuesOfOneFireEventFromTwoSensorsAreOneIncident() {
        PipelineTestDriver d = driver(agreement(), DAY);
        d.pipe(bearingCue("RU-ACU-01", DAY, FireKind.LAUNCH, 90, 2, 9_000, 11_000));
        d.pipe(bearingCue("TR-ACU-01", DAY.plusSeconds(40), FireKind.LAUNCH, 0, 2, 12_000, 14_000));
        assertThat(d.incidents()).singleElement().satisfies(i -> {
            assertThat(i.ruleType()).isEqualTo("cease-fire");
            assertThat(i.evidence()).containsExactly("OBS-1", "OBS-2");
            assertThat(i.subject()).isEqualTo("fire:OBS-1");
            assertThat(i.start()).as("from the first cue, raised by the second").isEqualTo(DAY);
            assertThat(i.end()).isEqualTo(DAY.plusSeconds(40));
            assertThat(i.summary()).contains("2 cues");
            assertThat(i.party()).contains(AM);
            // Two shots 40 s apart, each one bearing band: the incident shows one, 2.45 × 2000/√12 deep.
            assertThat(i.uncertaintyM()).isCloseTo(2.4477 * 2_000 / Math.sqrt(12), within(1.0));
            assertThat(i.fire()).hasValueSatisfying(f -> assertThat(f.events()).isEqualTo(2));
        });
    }

    @Test
    void aSingleUncorroboratedCueRaisesNoIncident() {
        PipelineTestDriver d = driver(agreement(), DAY);
        d.pipe(bearingCue("RU-ACU-01", DAY, FireKind.LAUNCH, 90, 2, 9_000, 11_000));
        d.pipe(bearingCue("TR-ACU-01", DAY.plusSeconds(300), FireKind.LAUNCH, 0, 2, 12_000, 14_000));
        d.advance(Duration.ofMinutes(30));
        assertThat(d.incidents()).as("two lone cues, five minutes apart").isEmpty();
        assertThat(d.center().store().observations().size()).as("both stay in the log").isEqualTo(2);
    }

    @Test
    void confirmedTracksArePublishedAndTheirDeletionToo() {
        PipelineTestDriver d = driver(agreement(), DAY);
        d.pipe(detection("RU-UAV-01", DAY, at(-40_000, -40_000), ObjectClass.TRUCK, null, 0));
        d.pipeAll(stay(DAY, DAY.plusSeconds(90), 30, -30_000, -30_000, ObjectClass.TRUCK, null));
        assertThat(d.tracks()).extracting(Track::id).containsExactly("TRK-2");
        d.advance(Duration.ofMinutes(11));
        assertThat(d.tracks()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(TrackStatus.DELETED));
        assertThat(d.events()).filteredOn(e -> e instanceof CenterEvent.TrackUpdated).hasSize(3);
    }

    @Test
    void sameInputsGiveIdenticalIncidentsAndEvents() {
        assertThat(runMixedScenario()).isEqualTo(runMixedScenario());
        assertThat(runMixedScenario().incidents()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void replayingTheLogRebuildsTheSameIncidents() {
        PipelineTestDriver live = new PipelineTestDriver(agreement(), AGHDAM_DEADLINE.minus(Duration.ofHours(1)));
        registerAll(live);
        pipeMixed(live);
        List<Incident> before = live.incidents();
        Center fresh = Center.builder(agreement()).store(live.center().store()).clock(live.clock()).build();
        fresh.replay();
        assertThat(live.center().store().incidents().all()).isEqualTo(before);
    }

    private record Outcome(List<Incident> incidents, List<CenterEvent> events) { }

    private Outcome runMixedScenario() {
        PipelineTestDriver d = driver(agreement(), AGHDAM_DEADLINE.minus(Duration.ofHours(1)));
        pipeMixed(d);
        return new Outcome(d.incidents(), d.events());
    }

    private static void registerAll(PipelineTestDriver d) {
        d.register(asset("RU-UAV-01", RU, AssetKind.DRONE))
                .register(asset("TR-UAV-01", TR, AssetKind.DRONE))
                .register(asset("TR-OBS-01", TR, AssetKind.STAFF_BEACON))
                .register(fixedSensor("RU-ACU-01", RU, AssetKind.ACOUSTIC_ARRAY, at(-5_000, 10_000)))
                .register(fixedSensor("TR-ACU-01", TR, AssetKind.ACOUSTIC_ARRAY, at(5_000, -3_000)));
    }

    /** Crossing, withdrawal deadline, staff excursion and a fire event, interleaved; ends 30 min later. */
    private static void pipeMixed(PipelineTestDriver d) {
        Instant t = AGHDAM_DEADLINE.minus(Duration.ofMinutes(5));
        List<Observation> obs = new ArrayList<>();
        obs.addAll(path("RU-UAV-01", t, 30, 21, -3_000, 10_000, 3_000, 10_000, ObjectClass.APC, AZ, 0.9));
        obs.addAll(path("TR-UAV-01", t.plusSeconds(7), 30, 21, 30_000, 4_000, 30_500, 4_000, ObjectClass.TANK, AM, 0.8));
        for (int i = 0; i < 10; i++) obs.add(fix("TR-OBS-01", t.plusSeconds(13 + 60L * i), at(30_100 + 100 * i, -19_900)));
        obs.add(locatedCue("RU-ACU-01", t.plusSeconds(100), FireKind.LAUNCH, at(-4_000, 2_000), 150));
        obs.add(locatedCue("TR-ACU-01", t.plusSeconds(130), FireKind.LAUNCH, at(-4_200, 2_100), 300));
        obs.sort(java.util.Comparator.comparing(Observation::time));
        d.pipeAll(obs);
        d.advance(Duration.ofMinutes(30));
    }
}
