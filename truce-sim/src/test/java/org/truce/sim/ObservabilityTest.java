package org.truce.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.sensing.Observation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.sim.truth.TruthViolation;

/** Observability is decided by what the sensors actually emitted. */
class ObservabilityTest {
    @Test
    void withoutImagingOrAcousticSensorsGroundAndFireViolationsAreUnobservable() {
        SimulationSetup full = Scenario.setup();
        SimulationSetup blind = new SimulationSetup(full.note(), full.start(), 8, full.stepSeconds(), full.standoffM(),
                full.base(), full.truthSampleSeconds(), full.forces(), full.peacekeepers(), List.of(), List.of(),
                List.of(), full.beacons(), full.sensors(), full.violations());
        var run = Runs.run(blind, 5, Duration.ofHours(8));
        var ground = run.truth().violations().stream()
                .filter(v -> !v.ruleType().equals("restricted-movement")).toList();
        assertThat(ground).isNotEmpty();
        assertThat(ground).allSatisfy(v -> {
            assertThat(v.observable()).isFalse();
            assertThat(v.trueReports()).isZero();
        });
        var staff = run.truth().violations().stream().filter(v -> v.rule().value().equals("jmc1-staff")).toList();
        assertThat(staff).isNotEmpty().allMatch(TruthViolation::observable);
        assertThat(run.observations()).allMatch(o -> o instanceof Observation.PlatformFix);
    }

    @Test
    void assetsAreSilentDuringTheirOutages() {
        var day = Runs.day(1);
        var outages = day.truth().outages();
        int assets = day.simulation().assets().size();
        double expected = assets * Scenario.setup().sensors().outagesPerAssetDay();
        assertThat((double) outages.size()).isBetween(expected - 3 * Math.sqrt(expected), expected + 3 * Math.sqrt(expected));
        for (var o : outages) {
            assertThat(day.observations()).noneMatch(obs -> obs.asset().equals(o.asset())
                    && obs.time().isAfter(o.start()) && obs.time().isBefore(o.end()));
        }
    }
}
