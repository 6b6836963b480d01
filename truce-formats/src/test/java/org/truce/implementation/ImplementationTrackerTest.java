package org.truce.implementation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.testing.RuleFixtures.AGHDAM;
import static org.truce.testing.RuleFixtures.AGHDAM_DEADLINE;
import static org.truce.testing.RuleFixtures.CORRIDOR;
import static org.truce.testing.RuleFixtures.EFFECTIVE;
import static org.truce.testing.RuleFixtures.KALBAJAR;
import static org.truce.testing.RuleFixtures.KALBAJAR_V1;
import static org.truce.testing.RuleFixtures.KALBAJAR_V2;
import static org.truce.testing.RuleFixtures.LACHIN;
import static org.truce.testing.RuleFixtures.LACHIN_DEADLINE;
import static org.truce.testing.RuleFixtures.P6_V2_FROM;
import static org.truce.testing.RuleFixtures.ceaseFire;
import static org.truce.testing.RuleFixtures.corridor;
import static org.truce.testing.RuleFixtures.provision;
import static org.truce.testing.RuleFixtures.version;
import static org.truce.testing.RuleFixtures.withdrawBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.Provision;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.testing.RuleFixtures;

class ImplementationTrackerTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Provision P2 = provision("¶2", version(1, EFFECTIVE, null,
            withdrawBy("p2-aghdam", AGHDAM, AGHDAM_DEADLINE)));
    private static final Provision P6 = provision("¶6",
            version(1, EFFECTIVE, P6_V2_FROM, withdrawBy("p6-kalbajar", KALBAJAR, KALBAJAR_V1),
                    withdrawBy("p6-lachin", LACHIN, LACHIN_DEADLINE), corridor()),
            version(2, P6_V2_FROM, null, withdrawBy("p6-kalbajar", KALBAJAR, KALBAJAR_V2),
                    withdrawBy("p6-lachin", LACHIN, LACHIN_DEADLINE), corridor()));
    private static final Provision P1 = provision("¶1", version(1, EFFECTIVE, null, ceaseFire()));

    private final List<Incident> incidents = new ArrayList<>();
    private final List<Watched> watches = new ArrayList<>();

    private record Watched(ZoneId zone, ZoneCoverage.Watch watch) { }

    private ImplementationTracker tracker(Provision... provisions) {
        Agreement a = RuleFixtures.agreement(provisions);
        // Like the real adapter: only watches lying wholly inside the asked interval.
        ZoneCoverage coverage = (zone, from, to) -> watches.stream()
                .filter(w -> w.zone().equals(zone) && !w.watch().from().isBefore(from) && !w.watch().to().isAfter(to))
                .map(Watched::watch).toList();
        return new ImplementationTracker(a, IncidentSource.of(incidents), coverage,
                InstantSource.fixed(AGHDAM_DEADLINE), ImplementationTracker.Config.defaults());
    }

    private void watch(ZoneId zone, Instant from, Duration length, double p, String asset) {
        watches.add(new Watched(zone, new ZoneCoverage.Watch(from, from.plus(length), p, List.of(asset))));
    }

    private static Incident incident(String id, Provision p, String rule, String type, ZoneId zone, Instant start,
                                     Instant end, IncidentState state) {
        return new Incident(id, p.id(), 1, RuleId.of(rule), type, zone, start, end, GeoPoint.of(39.9, 46.8), 300,
                Optional.empty(), 0.5, "TRK-1", "test", state, List.of("OBS-1"));
    }

    @Test
    void aWithdrawalIsDueUntilItsDeadlineThenUnverifiedWhenNothingWatchedTheDistrict() {
        ImplementationTracker t = tracker(P2);

        assertThat(t.statusAt(P2, EFFECTIVE.minus(SECOND)).status()).isEqualTo(ProvisionStatus.PENDING);
        assertThat(t.statusAt(P2, EFFECTIVE.minus(SECOND)).change()).isEmpty();
        ProvisionState due = t.statusAt(P2, AGHDAM_DEADLINE.minus(SECOND));
        assertThat(due.status()).isEqualTo(ProvisionStatus.DUE);
        assertThat(due.change().orElseThrow().reason()).isEqualTo(Reason.DEADLINE_RUNNING);
        assertThat(due.change().orElseThrow().deadline()).contains(AGHDAM_DEADLINE);
        // The deadline instant itself counts: forces must be out before it.
        for (Instant at : List.of(AGHDAM_DEADLINE, AGHDAM_DEADLINE.plus(SECOND), AGHDAM_DEADLINE.plus(Duration.ofDays(3)))) {
            ProvisionState s = t.statusAt(P2, at);
            assertThat(s.status()).as("at %s", at).isEqualTo(ProvisionStatus.UNVERIFIED);
            assertThat(s.change().orElseThrow().at()).isEqualTo(AGHDAM_DEADLINE);
            assertThat(s.change().orElseThrow().reason()).isEqualTo(Reason.NO_COVERAGE_SINCE_DEADLINE);
        }
        ProvisionTimeline tl = t.timeline(P2, AGHDAM_DEADLINE.plus(HOUR));
        assertThat(tl.changes()).extracting(StatusChange::status)
                .containsExactly(ProvisionStatus.DUE, ProvisionStatus.UNVERIFIED);
        assertThat(tl.changes()).extracting(StatusChange::at).containsExactly(EFFECTIVE, AGHDAM_DEADLINE);
        assertThat(tl.obligations()).singleElement().satisfies(o -> {
            assertThat(o.rule()).isEqualTo(RuleId.of("p2-aghdam"));
            assertThat(o.ruleType()).isEqualTo("withdraw-by");
            assertThat(o.zone()).isEqualTo(AGHDAM);
        });
    }

    @Test
    void coverageOfTheDistrictAfterTheDeadlineMakesItFulfilledWithThatCoverageAsEvidence() {
        watch(AGHDAM, AGHDAM_DEADLINE.minus(HOUR), HOUR, 0.99, "RU-UAV-09"); // before the deadline: does not count
        watch(AGHDAM, AGHDAM_DEADLINE, HOUR, 0.3, "RU-UAV-01");
        watch(AGHDAM, AGHDAM_DEADLINE.plus(HOUR), HOUR, 0.4, "TR-UAV-02");
        ImplementationTracker t = tracker(P2);

        assertThat(t.statusAt(P2, AGHDAM_DEADLINE.plus(HOUR)).status()).isEqualTo(ProvisionStatus.UNVERIFIED); // 0.3
        assertThat(t.statusAt(P2, AGHDAM_DEADLINE.plus(HOUR).plus(Duration.ofMinutes(59))).status())
                .isEqualTo(ProvisionStatus.UNVERIFIED);
        ProvisionState s = t.statusAt(P2, AGHDAM_DEADLINE.plus(HOUR.multipliedBy(2)));
        assertThat(s.status()).isEqualTo(ProvisionStatus.FULFILLED);
        StatusChange c = s.change().orElseThrow();
        assertThat(c.at()).isEqualTo(AGHDAM_DEADLINE.plus(HOUR.multipliedBy(2)));
        assertThat(c.reason()).isEqualTo(Reason.OBSERVED_CLEAR);
        assertThat(c.evidence()).singleElement().isInstanceOfSatisfying(Evidence.CoverageRef.class, cov -> {
            assertThat(cov.zone()).isEqualTo(AGHDAM);
            assertThat(cov.from()).isEqualTo(AGHDAM_DEADLINE);
            assertThat(cov.probability()).isCloseTo(1 - 0.7 * 0.6, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(cov.assets()).containsExactly("RU-UAV-01", "TR-UAV-02");
        });
        assertThat(t.timeline(P2, AGHDAM_DEADLINE.plus(Duration.ofDays(2))).changes()).extracting(StatusChange::status)
                .containsExactly(ProvisionStatus.DUE, ProvisionStatus.UNVERIFIED, ProvisionStatus.FULFILLED);
    }

    @Test
    void aViolationAtTheDeadlineIsOverdueUntilTheDistrictIsObservedClearAfterItEnded() {
        Instant end = AGHDAM_DEADLINE.plus(HOUR.multipliedBy(2));
        incidents.add(incident("INC-2020-11-19-0007", P2, "p2-aghdam", "withdraw-by", AGHDAM, AGHDAM_DEADLINE, end,
                IncidentState.CLOSED));
        watch(AGHDAM, AGHDAM_DEADLINE, HOUR, 0.9, "RU-UAV-01"); // watched while the violator was there
        watch(AGHDAM, end.plus(HOUR), HOUR, 0.8, "TR-UAV-02");
        ImplementationTracker t = tracker(P2);

        assertThat(t.statusAt(P2, AGHDAM_DEADLINE.minus(SECOND)).status()).isEqualTo(ProvisionStatus.DUE);
        ProvisionState atDeadline = t.statusAt(P2, AGHDAM_DEADLINE);
        assertThat(atDeadline.status()).isEqualTo(ProvisionStatus.OVERDUE);
        assertThat(atDeadline.change().orElseThrow().evidence()).singleElement()
                .isEqualTo(new Evidence.IncidentRef("INC-2020-11-19-0007", AGHDAM_DEADLINE, AGHDAM_DEADLINE,
                        IncidentState.OPEN)); // as known at that instant: still standing
        ProvisionState second = t.statusAt(P2, AGHDAM_DEADLINE.plus(SECOND));
        assertThat(second.status()).isEqualTo(ProvisionStatus.OVERDUE);
        assertThat(second.change().orElseThrow().reason()).isEqualTo(Reason.VIOLATION_STANDING);

        ProvisionState after = t.statusAt(P2, end.plus(SECOND));
        assertThat(after.status()).isEqualTo(ProvisionStatus.OVERDUE);
        assertThat(after.change().orElseThrow().reason()).isEqualTo(Reason.VIOLATION_ENDED_NOT_OBSERVED_CLEAR);
        assertThat(after.change().orElseThrow().at()).isEqualTo(end);
        assertThat(after.since()).contains(AGHDAM_DEADLINE); // overdue since the deadline, whatever changed since
        assertThat(after.obligations().getFirst().since()).contains(AGHDAM_DEADLINE);

        ProvisionState late = t.statusAt(P2, end.plus(HOUR.multipliedBy(2)));
        assertThat(late.status()).isEqualTo(ProvisionStatus.FULFILLED);
        StatusChange c = late.change().orElseThrow();
        assertThat(c.reason()).isEqualTo(Reason.OBSERVED_CLEAR_AFTER_VIOLATION);
        assertThat(c.at()).isEqualTo(end.plus(HOUR.multipliedBy(2)));
        assertThat(c.evidence()).hasSize(2);
        assertThat(c.evidence().get(0)).isInstanceOfSatisfying(Evidence.CoverageRef.class,
                cov -> assertThat(cov.from()).isEqualTo(end));
        assertThat(c.evidence().get(1)).isEqualTo(new Evidence.IncidentRef("INC-2020-11-19-0007", AGHDAM_DEADLINE, end,
                IncidentState.CLOSED));
    }

    @Test
    void aFulfilledWithdrawalBrokenAgainIsViolated() {
        watch(AGHDAM, AGHDAM_DEADLINE, HOUR, 0.9, "RU-UAV-01");
        Instant back = AGHDAM_DEADLINE.plus(Duration.ofDays(1));
        incidents.add(incident("INC-2020-11-20-0003", P2, "p2-aghdam", "withdraw-by", AGHDAM, back, back.plus(HOUR),
                IncidentState.OPEN));
        ImplementationTracker t = tracker(P2);
        assertThat(t.statusAt(P2, back.minus(SECOND)).status()).isEqualTo(ProvisionStatus.FULFILLED);
        assertThat(t.statusAt(P2, back).status()).isEqualTo(ProvisionStatus.VIOLATED);
        assertThat(t.statusAt(P2, back.plus(Duration.ofDays(1))).status()).isEqualTo(ProvisionStatus.VIOLATED);
    }

    @Test
    void anAmendmentMovingTheDeadlineKeepsTheWithdrawalDueAndShowsAsAVersion() {
        ImplementationTracker t = tracker(P6);

        ProvisionTimeline before = t.timeline(P6, KALBAJAR_V1.minus(SECOND));
        assertThat(before.versions()).extracting(VersionView::state)
                .containsExactly(VersionView.State.IN_FORCE, VersionView.State.PENDING);
        ObligationTimeline kalbajar = before.obligations().getFirst();
        assertThat(kalbajar.changeAt(KALBAJAR_V1.minus(SECOND)).orElseThrow().deadline()).contains(KALBAJAR_V1);

        // The old deadline instant is the new version's first instant: the deadline moved, nothing is overdue.
        for (Instant at : List.of(KALBAJAR_V1, KALBAJAR_V1.plus(SECOND))) {
            ProvisionState s = t.statusAt(P6, at);
            ObligationState k = s.obligations().getFirst();
            assertThat(k.rule()).isEqualTo(RuleId.of("p6-kalbajar"));
            assertThat(k.status()).as("at %s", at).isEqualTo(ProvisionStatus.DUE);
            StatusChange c = k.change().orElseThrow();
            assertThat(c.reason()).isEqualTo(Reason.DEADLINE_MOVED);
            assertThat(c.at()).isEqualTo(P6_V2_FROM);
            assertThat(c.version()).contains(2);
            assertThat(c.deadline()).contains(KALBAJAR_V2);
            assertThat(c.evidence()).singleElement().isInstanceOfSatisfying(Evidence.AmendmentRef.class,
                    a -> assertThat(a.version()).isEqualTo(2));
            assertThat(s.status()).isEqualTo(ProvisionStatus.DUE);
            assertThat(s.version()).contains(2);
        }
        // Lachin was not amended: its deadline keeps running, no new reason.
        assertThat(t.statusAt(P6, KALBAJAR_V1).obligations().get(1).change().orElseThrow().reason())
                .isEqualTo(Reason.DEADLINE_RUNNING);

        ProvisionTimeline after = t.timeline(P6, KALBAJAR_V2.plus(SECOND));
        assertThat(after.versions()).extracting(VersionView::state)
                .containsExactly(VersionView.State.SUPERSEDED, VersionView.State.IN_FORCE);
        assertThat(after.versions().getFirst().supersededBy()).contains(2);
        assertThat(after.versions().get(1).changes()).containsExactly(new RuleChange(RuleId.of("p6-kalbajar"),
                RuleChange.Kind.DEADLINE_MOVED, Optional.of(KALBAJAR_V1), Optional.of(KALBAJAR_V2)));
        assertThat(after.obligations().getFirst().statusAt(KALBAJAR_V2.minus(SECOND))).isEqualTo(ProvisionStatus.DUE);
        assertThat(after.obligations().getFirst().statusAt(KALBAJAR_V2)).isEqualTo(ProvisionStatus.UNVERIFIED);
        // The provision shows its most severe obligation: Kalbajar unverified over Lachin and the corridor due.
        assertThat(after.status()).isEqualTo(ProvisionStatus.UNVERIFIED);
        assertThat(after.changeAt(KALBAJAR_V2).orElseThrow().rule()).contains(RuleId.of("p6-kalbajar"));
        assertThat(after.changes()).extracting(StatusChange::status)
                .containsExactly(ProvisionStatus.DUE, ProvisionStatus.DUE, ProvisionStatus.UNVERIFIED);
        assertThat(after.changes().get(1).reason()).isEqualTo(Reason.DEADLINE_MOVED);
    }

    @Test
    void aStandingObligationIsViolatedWhileAnIncidentStandsAndDueAgainAfter() {
        Instant shot = EFFECTIVE.plus(Duration.ofDays(2));
        incidents.add(incident("INC-2020-11-11-0001", P1, "p1-ceasefire", "cease-fire", RuleFixtures.THEATER, shot,
                shot, IncidentState.CLOSED));
        Instant open = shot.plus(Duration.ofDays(1));
        incidents.add(incident("INC-2020-11-12-0002", P1, "p1-ceasefire", "cease-fire", RuleFixtures.THEATER, open,
                open.plus(HOUR), IncidentState.OPEN));
        ImplementationTracker t = tracker(P1);

        ProvisionTimeline tl = t.timeline(P1, open.plus(Duration.ofMinutes(5)));
        assertThat(tl.changes()).extracting(StatusChange::status).containsExactly(ProvisionStatus.DUE,
                ProvisionStatus.VIOLATED, ProvisionStatus.DUE, ProvisionStatus.VIOLATED);
        assertThat(tl.changes().get(1).evidence()).extracting(e -> ((Evidence.IncidentRef) e).id())
                .containsExactly("INC-2020-11-11-0001");
        assertThat(tl.changes().get(2).reason()).isEqualTo(Reason.VIOLATION_ENDED);
        assertThat(t.statusAt(P1, shot).status()).isEqualTo(ProvisionStatus.DUE); // a single shot: over at once
        assertThat(t.statusAt(P1, open).status()).isEqualTo(ProvisionStatus.VIOLATED);
        // The open incident's last known end is the instant asked: what came later is not known then.
        assertThat(t.statusAt(P1, open.plus(Duration.ofMinutes(5))).change().orElseThrow().evidence()).singleElement()
                .isEqualTo(new Evidence.IncidentRef("INC-2020-11-12-0002", open, open.plus(Duration.ofMinutes(5)),
                        IncidentState.OPEN));
    }

    @Test
    void aRuleDroppedByAnAmendmentIsSupersededAndAnEndedProvisionExpired() {
        Instant v2 = EFFECTIVE.plus(Duration.ofDays(3));
        Instant end = EFFECTIVE.plus(Duration.ofDays(15));
        Provision p = provision("¶6",
                version(1, EFFECTIVE, v2, corridor(), withdrawBy("p6-lachin", LACHIN, LACHIN_DEADLINE)),
                version(2, v2, end, withdrawBy("p6-lachin", LACHIN, LACHIN_DEADLINE)));
        ImplementationTracker t = tracker(p);
        ProvisionTimeline tl = t.timeline(p, end.plus(SECOND));
        ObligationTimeline corridor = tl.obligations().getFirst();
        assertThat(corridor.rule()).isEqualTo(RuleId.of("p6-corridor"));
        assertThat(corridor.zone()).isEqualTo(CORRIDOR);
        assertThat(corridor.statusAt(v2.minus(SECOND))).isEqualTo(ProvisionStatus.DUE);
        assertThat(corridor.statusAt(v2)).isEqualTo(ProvisionStatus.SUPERSEDED);
        assertThat(corridor.changeAt(v2).orElseThrow().reason()).isEqualTo(Reason.RULE_REMOVED);
        assertThat(corridor.statusAt(end)).isEqualTo(ProvisionStatus.EXPIRED);
        assertThat(tl.status()).isEqualTo(ProvisionStatus.EXPIRED);
        assertThat(tl.versions().get(1).changes()).containsExactly(new RuleChange(RuleId.of("p6-corridor"),
                RuleChange.Kind.REMOVED, Optional.empty(), Optional.empty()));
        assertThat(tl.versions()).extracting(VersionView::state)
                .containsExactly(VersionView.State.SUPERSEDED, VersionView.State.ENDED);
        // Lachin's deadline falls after the end of the provision's term: the provision ended first.
        assertThat(tl.obligations().get(1).changes()).extracting(StatusChange::status)
                .containsExactly(ProvisionStatus.DUE, ProvisionStatus.DUE, ProvisionStatus.EXPIRED);
        assertThat(tl.obligations().get(1).changes()).extracting(StatusChange::version)
                .containsExactly(Optional.of(1), Optional.of(2), Optional.empty());
    }

    @Test
    void aProvisionWithoutRulesIsNotMonitoredUntilItsTermEnds() {
        Instant end = EFFECTIVE.plus(Duration.ofDays(365));
        Provision p = new Provision(ProvisionId.of("¶4"), "Term", "text", true,
                List.of(version(1, EFFECTIVE, end)));
        ImplementationTracker t = tracker(p);
        assertThat(t.statusAt(p, EFFECTIVE.minus(SECOND)).status()).isEqualTo(ProvisionStatus.PENDING);
        assertThat(t.statusAt(p, EFFECTIVE).status()).isEqualTo(ProvisionStatus.NOT_MONITORED);
        assertThat(t.statusAt(p, end).status()).isEqualTo(ProvisionStatus.EXPIRED);
        assertThat(t.statusAt(p, end).obligations()).isEmpty();
        assertThat(t.statusAt(p, end).version()).isEmpty();
    }

    @Test
    void answersAreDeterministicAndUnknownProvisionsAreEmpty() {
        incidents.add(incident("INC-2020-11-19-0007", P2, "p2-aghdam", "withdraw-by", AGHDAM, AGHDAM_DEADLINE,
                AGHDAM_DEADLINE.plus(HOUR), IncidentState.CLOSED));
        watch(AGHDAM, AGHDAM_DEADLINE.plus(HOUR), HOUR, 0.6, "RU-UAV-01");
        ImplementationTracker t = tracker(P1, P2, P6);
        Instant at = AGHDAM_DEADLINE.plus(Duration.ofDays(1));
        assertThat(t.timeline(P2, at)).isEqualTo(t.timeline(P2, at));
        assertThat(t.statusAll(at)).isEqualTo(tracker(P1, P2, P6).statusAll(at));
        assertThat(t.statusAll(at)).extracting(ProvisionState::id).extracting(ProvisionId::value)
                .containsExactly("¶1", "¶2", "¶6");
        assertThat(t.statusAll()).extracting(ProvisionState::asOf).containsOnly(AGHDAM_DEADLINE); // the clock
        assertThat(t.timeline(ProvisionId.of("¶99"), at)).isEmpty();
        assertThat(t.statusAt(ProvisionId.of("¶99"), at)).isEmpty();
        // Incidents of other provisions do not bear on this one.
        assertThat(t.statusAt(P1, at).status()).isEqualTo(ProvisionStatus.DUE);
    }

    @Test
    void theKarabakhAgreementTheDayAfterTheAghdamDeadlineWithNothingSeen() {
        Agreement karabakh = org.truce.testing.TestAgreements.karabakh();
        ImplementationTracker t = new ImplementationTracker(karabakh, IncidentSource.of(List.of()), ZoneCoverage.none(),
                InstantSource.fixed(Instant.parse("2020-11-20T06:00:00Z")), ImplementationTracker.Config.defaults());
        assertThat(t.statusAll()).extracting(s -> s.id().value() + " " + s.status()).containsExactly(
                "¶1 DUE", "¶2 UNVERIFIED", "¶3 DUE", "¶4 NOT_MONITORED", "¶5 NOT_MONITORED", "¶6 DUE",
                "¶7 NOT_MONITORED", "¶8 NOT_MONITORED", "¶9 NOT_MONITORED", "JMC-1 DUE", "JMC-2 DUE");
        ProvisionTimeline p6 = t.timeline(karabakh.provision(ProvisionId.of("¶6")).orElseThrow());
        // Only the Kalbajar deadline changed; the corridor rule binding from each version's start is not a change.
        assertThat(p6.versions().get(1).changes()).extracting(RuleChange::rule).extracting(RuleId::value)
                .containsExactly("p6-kalbajar");
        assertThat(p6.versions()).extracting(VersionView::state)
                .containsExactly(VersionView.State.SUPERSEDED, VersionView.State.IN_FORCE);
        assertThat(p6.obligations()).extracting(o -> o.rule().value())
                .containsExactly("p6-kalbajar", "p6-lachin", "p6-corridor");
    }
}
