package org.truce.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.testing.RuleFixtures.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.Provision;
import org.truce.agreement.RuleSpec;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.agreement.ZoneIndex;
import org.truce.ground.ObjectClass;

/** Edge cases of the track-based rules, on exactly placed track estimates (the tracker is bypassed). */
class TrackRulesTest {
    private static final Instant T = Instant.parse("2020-11-12T10:00:00Z");
    private static final Agreement AGREEMENT = agreement();
    private static final RuleContext CTX = new RuleContext(AGREEMENT, new ZoneIndex(AGREEMENT), 0.8, java.time.Duration.ofMinutes(10));

    private static RuleEvaluator evaluator(String provision, RuleSpec rule) {
        Provision p = AGREEMENT.provision(org.truce.ground.ProvisionId.of(provision)).orElseThrow();
        return RuleEvaluators.create(new RuleBinding(p, 1, rule), CTX);
    }

    private static int step;

    private static List<Violation> see(RuleEvaluator e, String id, double east, double north, ObjectClass c,
                                       org.truce.ground.PartyId side) {
        Track t = confirmed(id, T.plusSeconds(++step), at(east, north), c, side);
        return e.onTrack(t, "OBS-" + step);
    }

    // ---- hold-positions: am-held is [0, 20 km]², the line at east = 0; tolerance 200 m -----------------------

    @Test
    void outsidePartyEnteringCountsOnlyBeyondTheTolerance() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        assertThat(see(e, "TRK-1", -1_000, 10_000, ObjectClass.APC, AZ)).isEmpty();
        assertThat(see(e, "TRK-1", 0, 10_000, ObjectClass.APC, AZ)).as("on the line").isEmpty();
        assertThat(see(e, "TRK-1", 199, 10_000, ObjectClass.APC, AZ)).as("just inside, within tolerance").isEmpty();
        assertThat(see(e, "TRK-1", 199.9, 10_000, ObjectClass.APC, AZ)).as("a hair inside the tolerance").isEmpty();
        List<Violation> v = see(e, "TRK-1", 201, 10_000, ObjectClass.APC, AZ);
        assertThat(v).hasSize(1);
        assertThat(v.getFirst().newEpisode()).isTrue();
        assertThat(v.getFirst().party()).contains(AZ);
        assertThat(v.getFirst().description()).contains("entered am-held");
        assertThat(see(e, "TRK-1", 1_000, 10_000, ObjectClass.APC, AZ)).as("once per crossing").isEmpty();
    }

    @Test
    void insidePartyLeavingCountsOnceAndJitterOnTheLineNeverFlaps() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        assertThat(see(e, "TRK-2", 1_000, 10_000, ObjectClass.TANK, AM)).isEmpty();
        for (double east : new double[] {150, -150, 0, -199, 199, -150, 100}) {
            assertThat(see(e, "TRK-2", east, 10_000, ObjectClass.TANK, AM)).isEmpty();
        }
        assertThat(see(e, "TRK-2", -201, 10_000, ObjectClass.TANK, AM)).hasSize(1);
        assertThat(see(e, "TRK-2", -150, 10_000, ObjectClass.TANK, AM)).isEmpty();
        assertThat(see(e, "TRK-2", 201, 10_000, ObjectClass.TANK, AM)).as("back in: allowed for AM").isEmpty();
        assertThat(see(e, "TRK-2", -300, 10_000, ObjectClass.TANK, AM)).as("a second crossing").hasSize(1);
    }

    @Test
    void trackFirstSeenConfidentlyBeyondTheLineIsReportedOnceAsFoundBeyond() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        List<Violation> v = see(e, "TRK-3", 5_000, 10_000, ObjectClass.APC, AZ);
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.party()).contains(AZ);
            assertThat(x.attributionConfidence()).isEqualTo(0.95);
            assertThat(x.newEpisode()).isTrue();
            assertThat(x.subject()).isEqualTo("TRK-3");
            assertThat(x.description())
                    .isEqualTo("TRK-3 (APC of AZ) found 5000 m beyond the line of am-held (crossing not seen)");
        });
        assertThat(see(e, "TRK-3", 6_000, 10_000, ObjectClass.APC, AZ)).as("once per track").isEmpty();
        // Out and back in: that crossing was seen, and counts as a crossing.
        assertThat(see(e, "TRK-3", -1_000, 10_000, ObjectClass.APC, AZ)).isEmpty();
        assertThat(see(e, "TRK-3", 1_000, 10_000, ObjectClass.APC, AZ)).singleElement()
                .satisfies(x -> assertThat(x.description()).contains("entered am-held"));
        // The inside party found beyond the line, away from every exceptIn zone: ~20.6 km south-west of the corner.
        assertThat(see(e, "TRK-30", -5_000, -20_000, ObjectClass.TANK, AM)).singleElement().satisfies(x -> {
            assertThat(x.party()).contains(AM);
            assertThat(x.description()).isEqualTo("TRK-30 (TANK of AM) found 20616 m beyond the line of am-held"
                    + " (crossing not seen)");
        });
    }

    @Test
    void aTrackOnceSeenOnItsOwnSideIsJudgedByItsCrossingsOnly() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        // First seen inside am-held with an unsure side: not reported; then seen outside (its own side), then back in.
        assertThat(e.onTrack(track("TRK-38", T, at(3_000, 18_000), 10, ObjectClass.APC, AZ, 0.6,
                TrackStatus.CONFIRMED), "OBS-1")).isEmpty();
        assertThat(see(e, "TRK-38", -1_000, 18_000, ObjectClass.APC, AZ)).isEmpty();
        assertThat(see(e, "TRK-38", 1_000, 18_000, ObjectClass.APC, AZ)).singleElement()
                .satisfies(x -> assertThat(x.description()).contains("entered am-held"));
        assertThat(see(e, "TRK-38", 3_000, 18_000, ObjectClass.APC, AZ)).as("the crossing was seen: not found beyond too")
                .isEmpty();
    }

    @Test
    void firstSightingWhileTentativeCountsWhenTheTrackIsConfirmedBeyondTheLine() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        assertThat(e.onTrack(track("TRK-31", T, at(5_000, 12_000), 10, ObjectClass.APC, AZ, 0.95,
                TrackStatus.TENTATIVE), "OBS-1")).as("a tentative track reports nothing").isEmpty();
        assertThat(e.onTrack(confirmed("TRK-31", T.plusSeconds(60), at(5_100, 12_000), ObjectClass.APC, AZ), "OBS-2"))
                .singleElement().satisfies(x -> assertThat(x.observationId()).isEqualTo("OBS-2"));
    }

    @Test
    void foundBeyondNeedsConfidenceDistanceAndAPlaceNoOtherProvisionGoverns() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        assertThat(e.onTrack(track("TRK-32", T, at(5_000, 14_000), 10, ObjectClass.APC, AZ, 0.79,
                TrackStatus.CONFIRMED), "OBS-1")).as("side confidence below the attribution confidence").isEmpty();
        assertThat(see(e, "TRK-33", 150, 16_000, ObjectClass.APC, AZ)).as("within the tolerance").isEmpty();
        assertThat(see(e, "TRK-33", 199, 16_000, ObjectClass.APC, AZ)).as("still within the tolerance").isEmpty();
        assertThat(see(e, "TRK-34", -150, 16_000, ObjectClass.APC, AM)).as("inside party within the tolerance").isEmpty();
        assertThat(see(e, "TRK-35", 30_000, 5_000, ObjectClass.TANK, AM)).as("in aghdam-handover").isEmpty();
        assertThat(see(e, "TRK-36", -10_000, 10_000, ObjectClass.TANK, AM)).as("in the corridor").isEmpty();
        assertThat(see(e, "TRK-37", -10_000, 0, ObjectClass.TANK, AM)).as("in lachin-handover").isEmpty();

        RuleEvaluator noExceptions = evaluator("¶1", holdPositions(List.of()));
        assertThat(see(noExceptions, "TRK-35", 30_000, 5_000, ObjectClass.TANK, AM))
                .as("the same place without exceptIn").hasSize(1);
        assertThat(see(noExceptions, "TRK-36", -10_000, 10_000, ObjectClass.TANK, AM)).hasSize(1);
    }

    @Test
    void tentativeTracksAndOwnSideMovesAreNotCrossings() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        assertThat(e.onTrack(track("TRK-4", T, at(-1_000, 10_000), 10, ObjectClass.APC, AZ, 0.95,
                TrackStatus.TENTATIVE), "OBS-1")).isEmpty();
        assertThat(e.onTrack(track("TRK-4", T.plusSeconds(30), at(1_000, 10_000), 10, ObjectClass.APC, AZ, 0.95,
                TrackStatus.TENTATIVE), "OBS-2")).as("a tentative track reports nothing").isEmpty();
        // First seen 1 km outside am-held, in the corridor: beyond the line, but the corridor is exceptIn.
        assertThat(see(e, "TRK-5", -1_000, 10_000, ObjectClass.APC, AM)).isEmpty();
        assertThat(see(e, "TRK-5", 1_000, 10_000, ObjectClass.APC, AM)).as("AM entering its own area").isEmpty();
        assertThat(see(e, "TRK-5", 5_000, 10_000, ObjectClass.APC, AM)).as("AM moving inside its own area").isEmpty();
    }

    @Test
    void crossingWhileTentativeIsReportedOnConfirmationIfStillAcross() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        e.onTrack(track("TRK-40", T, at(-500, 10_000), 10, ObjectClass.APC, AZ, 0.95, TrackStatus.TENTATIVE), "OBS-1");
        e.onTrack(track("TRK-40", T.plusSeconds(30), at(300, 10_000), 10, ObjectClass.APC, AZ, 0.95, TrackStatus.TENTATIVE), "OBS-2");
        List<Violation> v = e.onTrack(confirmed("TRK-40", T.plusSeconds(60), at(600, 10_000), ObjectClass.APC, AZ), "OBS-3");
        assertThat(v).hasSize(1);
        assertThat(v.getFirst().observationId()).isEqualTo("OBS-3");
        e.onTrack(track("TRK-41", T, at(-500, 12_000), 10, ObjectClass.APC, AZ, 0.95, TrackStatus.TENTATIVE), "OBS-4");
        e.onTrack(track("TRK-41", T.plusSeconds(30), at(300, 12_000), 10, ObjectClass.APC, AZ, 0.95, TrackStatus.TENTATIVE), "OBS-5");
        assertThat(e.onTrack(confirmed("TRK-41", T.plusSeconds(60), at(-300, 12_000), ObjectClass.APC, AZ), "OBS-6"))
                .as("went back before confirmation").isEmpty();
    }

    @Test
    void attributionBelowTheConfidenceIsUndeterminedButKeepsTheEstimate() {
        RuleEvaluator e = evaluator("¶1", holdPositions());
        e.onTrack(track("TRK-6", T, at(-1_000, 10_000), 10, ObjectClass.APC, AZ, 0.7, TrackStatus.CONFIRMED), "OBS-1");
        List<Violation> v = e.onTrack(track("TRK-6", T.plusSeconds(60), at(1_000, 10_000), 10, ObjectClass.APC, AZ,
                0.7, TrackStatus.CONFIRMED), "OBS-2");
        assertThat(v).hasSize(1);
        assertThat(v.getFirst().party()).isEmpty();
        assertThat(v.getFirst().attributionConfidence()).isEqualTo(0.7);
        assertThat(v.getFirst().description()).contains("undetermined party");
    }

    // ---- withdraw-by: aghdam-handover [25, 35] x [0, 10] km, deadline at/after -----------------------------

    private static List<Violation> aghdam(RuleEvaluator e, Instant t, double east, double north) {
        return e.onTrack(confirmed("TRK-7", t, at(east, north), ObjectClass.TANK, AM), "OBS-" + t.getEpochSecond());
    }

    @Test
    void withdrawalDeadlineInstantCountsAsViolated() {
        RuleEvaluator e = evaluator("¶2", withdrawBy("p2-aghdam", AGHDAM, AGHDAM_DEADLINE));
        assertThat(aghdam(e, AGHDAM_DEADLINE.minusSeconds(1), 30_000, 5_000)).as("one second before").isEmpty();
        assertThat(aghdam(e, AGHDAM_DEADLINE, 30_000, 5_000)).as("at the deadline").hasSize(1);
        assertThat(aghdam(e, AGHDAM_DEADLINE.plusSeconds(1), 30_000, 5_000)).as("one second after").hasSize(1);
    }

    @Test
    void withdrawalZoneBoundaryCountsAsInside() {
        RuleEvaluator e = evaluator("¶2", withdrawBy("p2-aghdam", AGHDAM, AGHDAM_DEADLINE));
        Instant t = AGHDAM_DEADLINE.plusSeconds(60);
        assertThat(aghdam(e, t, 24_999, 5_000)).as("1 m outside").isEmpty();
        assertThat(aghdam(e, t.plusSeconds(1), 25_000, 5_000)).as("on the line").hasSize(1);
        assertThat(aghdam(e, t.plusSeconds(2), 25_001, 5_000)).as("1 m inside").hasSize(1);
    }

    @Test
    void tracksAlreadyInsideWhenTheDeadlinePassesAreReportedAtTheDeadline() {
        RuleEvaluator e = evaluator("¶2", withdrawBy("p2-aghdam", AGHDAM, AGHDAM_DEADLINE));
        Track inside = confirmed("TRK-8", AGHDAM_DEADLINE.minusSeconds(120), at(30_000, 5_000), ObjectClass.APC, AM);
        Track civilian = confirmed("TRK-9", AGHDAM_DEADLINE.minusSeconds(120), at(30_000, 6_000),
                ObjectClass.CIVILIAN_VEHICLE, AM);
        Track other = confirmed("TRK-10", AGHDAM_DEADLINE.minusSeconds(120), at(30_000, 7_000), ObjectClass.APC, AZ);
        for (Track t : List.of(inside, civilian, other)) assertThat(e.onTrack(t, "OBS-1")).isEmpty();
        assertThat(e.advanceTo(AGHDAM_DEADLINE.minusSeconds(1), List.of(inside, civilian, other))).isEmpty();
        List<Violation> v = e.advanceTo(AGHDAM_DEADLINE, List.of(inside, civilian, other));
        assertThat(v).extracting(Violation::subject).containsExactly("TRK-8");
        assertThat(v.getFirst().time()).isEqualTo(AGHDAM_DEADLINE);
        assertThat(e.advanceTo(AGHDAM_DEADLINE.plusSeconds(10), List.of(inside))).as("swept once").isEmpty();
    }

    // ---- corridor-control: lachin-corridor [-30, 0] x [8, 13] km, only RU-PK --------------------------------

    @Test
    void corridorIsReservedToTheAllowedParty() {
        RuleEvaluator e = evaluator("¶6", corridor());
        assertThat(see(e, "TRK-11", -10_000, 10_000, ObjectClass.APC, RU_PK)).isEmpty();
        assertThat(see(e, "TRK-12", -10_000, 10_000, ObjectClass.APC, AZ)).hasSize(1);
        assertThat(see(e, "TRK-13", -10_000, 10_000, ObjectClass.APC, null)).as("no side estimate").isEmpty();
        assertThat(see(e, "TRK-14", -10_000, 10_000, ObjectClass.CIVILIAN_VEHICLE, AM)).as("unarmed").isEmpty();
        assertThat(see(e, "TRK-15", -10_000, 13_001, ObjectClass.APC, AZ)).as("1 m outside").isEmpty();
        assertThat(see(e, "TRK-16", -10_000, 13_000, ObjectClass.APC, AM)).as("on the edge").hasSize(1);
    }

    // ---- force-cap: RU-PK in pk-zone ([-2, 22] km² rounded) ∪ corridor --------------------------------------

    @Test
    void peacekeeperOutsideAllowedZonesBeyondTwoSigmas() {
        RuleEvaluator e = evaluator("¶3", forceCap(Map.of("APC", 90), 3600));
        // Track sigma 10 m: tolerance 20 m beyond the pk-zone edge at east = 22 km.
        assertThat(see(e, "TRK-20", 22_019, 10_000, ObjectClass.APC, RU_PK)).as("19 m out").isEmpty();
        List<Violation> v = see(e, "TRK-21", 22_021, 10_000, ObjectClass.APC, RU_PK);
        assertThat(v).hasSize(1);
        assertThat(v.getFirst().newEpisode()).isTrue();
        assertThat(see(e, "TRK-21", 22_500, 10_000, ObjectClass.APC, RU_PK).getFirst().newEpisode())
                .as("the same excursion grows").isFalse();
        assertThat(see(e, "TRK-22", 22_100, 10_000, ObjectClass.APC, AZ)).as("not the capped party").isEmpty();
        assertThat(see(e, "TRK-23", -10_000, 10_000, ObjectClass.APC, RU_PK)).as("in the corridor").isEmpty();
    }

    @Test
    void capCountsSizesOfDistinctTracksWithinTheWindow() {
        RuleEvaluator e = evaluator("¶3", forceCap(Map.of("APC", 2, "VEHICLES", 3), 600));
        Instant t0 = T;
        assertThat(e.onTrack(confirmed("TRK-30", t0, at(5_000, 5_000), ObjectClass.APC, RU_PK), "OBS-1")).isEmpty();
        assertThat(e.onTrack(confirmed("TRK-31", t0.plusSeconds(10), at(6_000, 5_000), ObjectClass.APC, RU_PK), "OBS-2")).isEmpty();
        assertThat(e.onTrack(confirmed("TRK-30", t0.plusSeconds(20), at(5_010, 5_000), ObjectClass.APC, RU_PK), "OBS-3"))
                .as("the same track again is not a new one").isEmpty();
        assertThat(e.onTrack(confirmed("TRK-32", t0.plusSeconds(30), at(7_000, 5_000), ObjectClass.TRUCK, RU_PK), "OBS-4"))
                .as("3 vehicles: at the cap").isEmpty();
        List<Violation> v = e.onTrack(confirmed("TRK-33", t0.plusSeconds(40), at(8_000, 5_000), ObjectClass.APC, RU_PK), "OBS-5");
        assertThat(v).extracting(Violation::subject).containsExactly("cap:APC", "cap:VEHICLES");
        assertThat(v.getFirst().description()).contains("3 APC").contains("cap of 2");
        // 20 minutes later the old sightings have left the 10-minute window.
        assertThat(e.onTrack(confirmed("TRK-34", t0.plusSeconds(1240), at(9_000, 5_000), ObjectClass.APC, RU_PK), "OBS-6")).isEmpty();
    }

}
