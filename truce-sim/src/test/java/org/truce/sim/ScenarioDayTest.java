package org.truce.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.truce.agreement.RuleSpec;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;
import org.truce.sim.truth.TruthViolation;

/** One simulated day of the Karabakh scenario (seed 1): violations, truth, speed. */
class ScenarioDayTest {
    @Test
    void aDayRunsEveryStepAndEmitsEveryObservationKind() {
        var day = Runs.day(1);
        System.out.printf("24 h simulated day: %d ms wall, %d observations, %.0fx real time%n",
                day.summary().wallMillis(), day.summary().emitted(), day.summary().speedup());
        // Speed is measured end to end in docs/BENCHMARKS.md, never asserted against the wall clock here.
        assertThat(day.summary().steps()).isEqualTo(24 * 3600 / 5);
        assertThat(day.observations().stream().map(Observation::kind).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("fix", "detection", "fire", "footprint");
    }

    @Test
    void everyRuleTypeBindingInTheRunGetsInjectedViolations() {
        var day = Runs.day(1);
        Instant start = Scenario.setup().start(), end = start.plusSeconds(day.truth().durationSeconds());
        Set<String> expected = new TreeSet<>();
        for (var p : KarabakhFixture.agreement().provisions()) {
            for (var v : p.versions()) {
                for (RuleSpec r : v.rules()) {
                    Instant binds = r instanceof RuleSpec.WithdrawBy w ? w.deadline() : start;
                    if (v.inForceAt(binds.isAfter(start) ? binds : start) && binds.isBefore(end)) expected.add(r.id().value());
                }
            }
        }
        Set<String> injected = day.truth().violations().stream().filter(TruthViolation::injected)
                .map(v -> v.rule().value()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(injected).isEqualTo(expected);
        assertThat(injected).contains("p1-ceasefire", "p1-hold-positions", "p2-aghdam", "p6-corridor", "p3-force-cap",
                "jmc1-staff", "jmc2-ru-drones", "jmc2-tr-drones").doesNotContain("p6-kalbajar", "p6-lachin");
        var types = day.truth().violations().stream().map(TruthViolation::ruleType).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder("cease-fire", "hold-positions", "withdraw-by", "corridor-control",
                "force-cap", "restricted-movement");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void legitimateBehaviourViolatesNothing(long seed) {
        var day = Runs.day(seed);
        assertThat(day.truth().violations()).isNotEmpty().allMatch(TruthViolation::injected);
    }

    @Test
    void mostViolationsAreObservableAndTheFlagFollowsTheReports() {
        var day = Runs.day(1);
        int min = Scenario.setup().violations().observableMinReports();
        for (TruthViolation v : day.truth().violations()) {
            if (!v.ruleType().equals("cease-fire")) assertThat(v.observable()).isEqualTo(v.trueReports() >= min);
            else if (v.observable()) assertThat(v.trueReports()).isGreaterThanOrEqualTo(min);
        }
        long observable = day.truth().violations().stream().filter(TruthViolation::observable).count();
        assertThat(observable).isGreaterThanOrEqualTo(day.truth().violations().size() / 2);
    }

    @Test
    void theAghdamDeadlinePassesWithAllLegitimateUnitsGone() {
        var day = Runs.day(1);
        Instant deadline = Instant.parse("2020-11-19T21:00:00Z");
        var aghdam = day.truth().violations().stream().filter(v -> v.rule().value().equals("p2-aghdam")).toList();
        assertThat(aghdam).isNotEmpty().allMatch(v -> v.start().equals(deadline));
        assertThat(day.truth().entities()).anyMatch(e -> e.role().equals("WITHDRAWING"));
    }

    @Test
    void peacekeepersHold23PostsInTwoSectors() {
        var day = Runs.day(1);
        long postUnits = day.truth().entities().stream().filter(e -> e.role().equals("POST")).count();
        var pk = Scenario.setup().peacekeepers();
        assertThat(pk.sectors()).hasSize(2);
        assertThat(pk.sectors().get(0).posts().size() + pk.sectors().get(1).posts().size()).isEqualTo(23);
        assertThat(postUnits).isEqualTo(23L * pk.unitsPerPost().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void patrolsDriveAlongTheirSectorRoutes() {
        var day = Runs.day(1);
        var proj = new org.truce.geo.LocalProjection(KarabakhFixture.UTM38N);
        var line = proj.toLocal(KarabakhFixture.agreement().zone(org.truce.ground.ZoneId.of("am-held")).orElseThrow()
                .geometry()).getBoundary();
        var patrols = day.truth().entities().stream().filter(e -> e.role().equals("PATROL")).toList();
        assertThat(patrols).hasSize(4);
        for (var p : patrols) {
            for (var s : p.samples()) {
                var c = proj.toLocal(s.position());
                assertThat(line.distance(new org.locationtech.jts.geom.GeometryFactory().createPoint(c)))
                        .as("%s at %s", p.id(), s.time()).isLessThan(1.0);
            }
        }
    }

    @Test
    void dronesFlySortiesAndReportFixesEveryFewSeconds() {
        var day = Runs.day(1);
        var sim = day.simulation();
        var drones = sim.assets().stream().filter(a -> a.kind() == AssetKind.DRONE).map(a -> a.id()).toList();
        assertThat(drones).hasSize(8);
        for (var id : drones) {
            var fixes = day.observations().stream().filter(o -> o instanceof Observation.PlatformFix && o.asset().equals(id))
                    .map(o -> (Observation.PlatformFix) o).toList();
            assertThat(fixes.size()).isGreaterThan(24 * 3600 / 5 / 2);
            assertThat(fixes).anyMatch(f -> f.altitudeM() > 1000);
            assertThat(day.observations()).anyMatch(o -> o instanceof Observation.Footprint && o.asset().equals(id));
        }
    }
}
