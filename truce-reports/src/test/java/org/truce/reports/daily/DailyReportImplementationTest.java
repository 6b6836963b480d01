package org.truce.reports.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.Provision;
import org.truce.pipeline.CoverageRecorder;
import org.truce.implementation.ImplementationTracker;
import org.truce.implementation.IncidentSource;
import org.truce.implementation.ProvisionState;
import org.truce.implementation.ProvisionStatus;
import org.truce.implementation.RecordedZoneCoverage;
import org.truce.ledger.memory.InMemoryLedgerStore;
import org.truce.pipeline.Center;
import org.truce.sim.Simulation;
import org.truce.sim.setup.SimulationSetup;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.TestAgreements;
import org.truce.time.SimulatedClock;

/**
 * The report's implementation section says what the running center's tracker (the provisions page) says at the
 * period's end, even when the coverage that decided a withdrawal fell on an earlier day than the period.
 */
class DailyReportImplementationTest {
    /** A run across the Aghdam withdrawal deadline (19 November 2020, 21:00 UTC). */
    private static final Instant START = Instant.parse("2020-11-19T19:00:00Z");
    private static final Duration RUN = Duration.ofHours(4);

    @Test
    void statusesAtThePeriodEndMatchTheLiveTrackerAndUseCoverageFromBeforeThePeriod() {
        Agreement agreement = TestAgreements.karabakh();
        SimulationSetup setup = SimulationSetup.load(TestAgreements.scenarioDir("karabakh-2020").resolve("simulation.json"));
        Simulation sim = new Simulation(agreement, setup, 3, START, RUN);
        SimulatedClock clock = new SimulatedClock(START);
        InMemoryStore store = new InMemoryStore();
        Center center = Center.builder(agreement).store(store).clock(clock).build();
        CoverageRecorder live = new CoverageRecorder(agreement, store.assets()::find, CoverageRecorder.Config.defaults());
        center.addListener(live);
        sim.assets().forEach(store.assets()::save);
        sim.run(RUN, center, clock, step -> center.tick());
        center.tick();

        // The day after the run: nothing observed in the period itself.
        ReportPeriod period = ReportPeriod.of(LocalDate.parse("2020-11-21"), Optional.empty());
        var sources = new DailyReportBuilder.Sources(agreement, store.incidents(), store.observations(), store.assets(),
                Optional.empty(), new InMemoryLedgerStore());
        DailyReport report = DailyReportBuilder.build(sources, period, Edition.PUBLIC, period.to());

        List<ProvisionState> expected = new ImplementationTracker(agreement, IncidentSource.of(store.incidents().all()),
                new RecordedZoneCoverage(live), InstantSource.fixed(period.to()), ImplementationTracker.Config.defaults())
                .statusAll(period.to());
        assertThat(report.coverage().observationsReplayed()).isZero();
        assertThat(report.implementation()).extracting(ProvisionState::id)
                .containsExactlyElementsOf(agreement.provisions().stream().map(Provision::id).toList());
        assertThat(report.implementation()).isEqualTo(expected);

        ProvisionState aghdam = report.implementation().stream().filter(s -> s.id().value().equals("¶2")).findFirst().orElseThrow();
        // Decided by what was seen after 21:00 on the 19th, two days before the period: observed clear, or overdue
        // on a violation; never UNVERIFIED as it would be if only the period's (empty) coverage were replayed.
        assertThat(aghdam.status()).isIn(ProvisionStatus.FULFILLED, ProvisionStatus.OVERDUE);
        assertThat(aghdam.change().orElseThrow().evidence()).isNotEmpty();
    }

    @Test
    void everyStatusAndReasonIsWordedInEachLanguage() {
        for (ReportLanguage lang : ReportLanguage.values()) {
            ReportMessages m = new ReportMessages(lang);
            for (ProvisionStatus s : ProvisionStatus.values()) assertThat(m.has("impl_status." + s)).as(lang + " " + s).isTrue();
            for (org.truce.implementation.Reason r : org.truce.implementation.Reason.values()) {
                assertThat(m.has("impl_reason." + r)).as(lang + " " + r).isTrue();
            }
        }
    }
}
