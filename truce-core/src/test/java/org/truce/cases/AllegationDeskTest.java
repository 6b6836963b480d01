package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.cases.CaseFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.cases.memory.InMemoryAllegationRepository;
import org.truce.cases.memory.InMemoryAuditLog;
import org.truce.cases.memory.InMemoryOutbox;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.rules.Incident;
import org.truce.time.SimulatedClock;

class AllegationDeskTest {
    static final Principal LO_AM = Principal.liaison("lo-am", AM);
    static final CoverageOracle WATCHED = (area, from, to) -> List.of(
            new CoverageOracle.Observer(RU, "RU-UAV-01", 0.6), new CoverageOracle.Observer(TR, "TR-CAM-02", 0.4));
    static final CoverageOracle BLIND = (area, from, to) -> List.of();
    static final CoverageOracle GLIMPSE = (area, from, to) -> List.of(new CoverageOracle.Observer(TR, "TR-UAV-03", 0.2));

    final SimulatedClock clock = new SimulatedClock(T0.plusSeconds(3600));
    final InMemoryAllegationRepository repo = new InMemoryAllegationRepository();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final AllegationMatcher matcher = new AllegationMatcher(LocalProjection.utm38n(), Duration.ofMinutes(30));

    AllegationDesk desk(CoverageOracle coverage) {
        return new AllegationDesk(repo, outbox, audit, matcher, coverage, 0.5, clock);
    }

    /** Shelling near the incident's place (39.85 N 46.78 E), 1 km radius, around its time. */
    Allegation fileNearIncident(AllegationDesk d) {
        return d.file(LO_AM, T0.minusSeconds(900), T0.minusSeconds(300), new Area.Circle(GeoPoint.of(39.855, 46.785), 1000),
                "shelling of Martuni outskirts", CEASEFIRE, List.of("witness statement 14/11"));
    }

    static Case caseWith(Incident i, Verdict verdict, boolean published) {
        var lifecycle = new CaseLifecycle(POLICY);
        Case c = lifecycle.open(i, BOTH, T0);
        Happened h = verdict == Verdict.CONFIRMED ? Happened.YES : Happened.NO;
        Optional<org.truce.ground.PartyId> p = h == Happened.YES ? Optional.of(AZ) : Optional.empty();
        c = lifecycle.submit(c, new Assessment(RU, "a", h, CEASEFIRE, p, 0.9, List.of(), "t", T0), T0);
        c = lifecycle.submit(c, new Assessment(TR, "b", h, CEASEFIRE, p, 0.9, List.of(), "t", T0), T0);
        if (!published) return c;
        c = lifecycle.approve(c, new Case.Approval(RU, "h", Role.HEAD_OF_CONTINGENT, T0), T0);
        c = lifecycle.approve(c, new Case.Approval(TR, "h", Role.HEAD_OF_CONTINGENT, T0), T0);
        return lifecycle.publish(c, T0);
    }

    @Test
    void corroboratedWhenItMatchesAnIncidentWithAPublishedConfirmedFinding() {
        var d = desk(BLIND);
        Allegation a = fileNearIncident(d);
        assertThat(a.id().value()).isEqualTo("ALG-AM-0001");
        assertThat(a.status()).isEqualTo(AllegationStatus.UNDER_REVIEW);
        Incident i = incident();
        List<Allegation> changed = d.review(duty(TR), List.of(i), id -> Optional.of(caseWith(i, Verdict.CONFIRMED, true)));
        assertThat(changed).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(AllegationStatus.CORROBORATED);
            assertThat(r.matchedIncidents()).containsExactly(i.id());
        });
        assertThat(d.notifications(LO_AM, AM)).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(AllegationStatus.CORROBORATED);
            assertThat(n.message()).contains("ALG-AM-0001", i.id());
        });
        assertThat(outbox.forParty(AZ)).isEmpty();
    }

    @Test
    void staysUnderReviewWhileTheMatchedCaseIsUnpublishedThenSettles() {
        var d = desk(WATCHED);
        fileNearIncident(d);
        Incident i = incident();
        assertThat(d.review(duty(RU), List.of(i), id -> Optional.of(caseWith(i, Verdict.CONFIRMED, false)))).isEmpty();
        assertThat(repo.all().get(0).status()).isEqualTo(AllegationStatus.UNDER_REVIEW);
        assertThat(outbox.all()).isEmpty();
        d.review(duty(RU), List.of(i), id -> Optional.of(caseWith(i, Verdict.CONFIRMED, true)));
        assertThat(repo.all().get(0).status()).isEqualTo(AllegationStatus.CORROBORATED);
    }

    @Test
    void notCorroboratedWhenThePlaceWasObservedAndNothingConfirmedWasSeen() {
        var d = desk(WATCHED);
        fileNearIncident(d);
        Incident i = incident();
        Allegation r = d.review(head(RU), List.of(i), id -> Optional.of(caseWith(i, Verdict.NOT_CONFIRMED, true))).get(0);
        assertThat(r.status()).isEqualTo(AllegationStatus.NOT_CORROBORATED);
        assertThat(r.reason()).contains("0.76", "RU-UAV-01", "TR-CAM-02");
        assertThat(outbox.forParty(AM)).extracting(Notification::status).containsExactly(AllegationStatus.NOT_CORROBORATED);
    }

    @Test
    void unverifiableWithoutEnoughCoverage() {
        var d = desk(GLIMPSE);
        fileNearIncident(d);
        Allegation r = d.review(head(TR), List.of(), id -> Optional.empty()).get(0);
        assertThat(r.status()).isEqualTo(AllegationStatus.UNVERIFIABLE);
        assertThat(r.reason()).contains("0.20 < 0.50");
        var blind = desk(BLIND);
        blind.file(LO_AM, T0, T0, new Area.Circle(GeoPoint.of(39.9, 46.9), 100), "tank movement", HOLD, List.of());
        assertThat(blind.review(head(TR), List.of(), id -> Optional.empty()).get(0).reason()).contains("no coverage");
    }

    @Test
    void matchingNeedsTheSameProvisionOverlappingTimeAndIntersectingPlace() {
        var d = desk(BLIND);
        Allegation a = fileNearIncident(d);
        Incident i = incident();
        assertThat(matcher.matches(a, i)).isTrue();
        Incident elsewhere = new Incident(i.id(), i.provision(), 1, i.rule(), i.ruleType(), i.zone(), i.start(), i.end(),
                GeoPoint.of(39.95, 46.90), 450, i.party(), 0.9, i.subject(), i.summary(), i.state(), i.evidence());
        assertThat(matcher.matches(a, elsewhere)).isFalse();
        Incident later = incident("INC-2020-11-14-0050", T0.plusSeconds(7200), T0.plusSeconds(7300));
        assertThat(matcher.matches(a, later)).isFalse();
        Allegation hold = a.reviewed(a.status(), List.of(), "x");
        hold = new Allegation(hold.id(), AM, "lo", T0, hold.from(), hold.to(), hold.area(), "x", HOLD, List.of(),
                AllegationStatus.UNDER_REVIEW, List.of(), "x");
        assertThat(matcher.matches(hold, i)).isFalse();
        var ring = new Area.Ring(List.of(GeoPoint.of(39.84, 46.77), GeoPoint.of(39.84, 46.79), GeoPoint.of(39.86, 46.79),
                GeoPoint.of(39.86, 46.77), GeoPoint.of(39.84, 46.77)));
        Allegation inRing = new Allegation(a.id(), AM, "lo", T0, a.from(), a.to(), ring, "x", CEASEFIRE, List.of(),
                AllegationStatus.UNDER_REVIEW, List.of(), "x");
        assertThat(matcher.matches(inRing, i)).isTrue();
    }

    @Test
    void onlyTheLiaisonOfficerFilesAndBadInputIsRefused() {
        var d = desk(BLIND);
        assertThatThrownBy(() -> d.file(analyst(RU), T0, T0, new Area.Circle(GeoPoint.of(39.9, 46.9), 10), "x", HOLD, List.of()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThatThrownBy(() -> d.file(LO_AM, T0, T0.minusSeconds(1), new Area.Circle(GeoPoint.of(39.9, 46.9), 10), "x", HOLD, List.of()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID))
                .hasMessageContaining("allegation.to");
        assertThatThrownBy(() -> new Area.Ring(List.of(GeoPoint.of(1, 1), GeoPoint.of(1, 2), GeoPoint.of(2, 2), GeoPoint.of(2, 1))))
                .hasMessageContaining("closed");
        Allegation a = fileNearIncident(d);
        assertThat(d.view(Principal.liaison("lo-az", AZ), a.id())).isEmpty();
        assertThat(d.view(LO_AM, a.id())).isPresent();
        assertThatThrownBy(() -> d.notifications(Principal.liaison("lo-az", AZ), AM)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> d.review(analyst(RU), List.of(), id -> Optional.empty())).isInstanceOf(Refusal.class);
        assertThat(audit.entries()).extracting(AuditEntry::action).containsOnly(Action.FILE_ALLEGATION);
    }
}
