package org.truce.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.memory.InMemoryLedgerStore;
import org.truce.reports.daily.DailyReportBuilder;
import org.truce.reports.daily.Edition;
import org.truce.reports.daily.ReportLanguage;
import org.truce.reports.daily.ReportPeriod;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Observation;
import org.truce.store.ForwardingObservationLog;
import org.truce.store.ObservationLog;
import org.truce.store.ObservationQuery;
import org.truce.store.Page;
import org.truce.store.memory.InMemoryStore;
import org.truce.testing.TestAgreements;
import org.truce.time.SimulatedClock;

/**
 * The report endpoint keeps built reports per (period, edition, language, format, checkpoint) and builds them on a
 * pool: the same report is built once however many ask for it, another day does not wait for a build under way,
 * and a new checkpoint or the end of a running period's grace makes the next request build again.
 */
class DailyReportCacheTest {
    private static final ReportPeriod DAY = ReportPeriod.of(LocalDate.parse("2020-11-18"), Optional.empty());
    private static final ReportPeriod OTHER_DAY = ReportPeriod.of(LocalDate.parse("2020-11-17"), Optional.empty());

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2020-11-20T08:00:00Z"));
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch blocked = new CountDownLatch(1);
    /** When set, a build of this period waits in the log until {@link #release}. */
    private volatile Optional<ReportPeriod> hold = Optional.empty();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    private DailyReportModule module(DailyReportModule.Config config) {
        ObservationLog log = holding(store.observations());
        return new DailyReportModule(new DailyReportBuilder.Sources(TestAgreements.karabakh(), store.incidents(), log,
                store.assets(), Optional.empty(), ledger), clock, config);
    }

    @Test
    void theSameReportAskedManyTimesAtOnceIsBuiltOnce() throws Exception {
        DailyReportModule m = module(DailyReportModule.Config.defaults());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<byte[]>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(callers.submit(() -> {
                go.await();
                return m.report(DAY, Edition.PUBLIC, ReportLanguage.EN, false);
            }));
        }
        go.countDown();
        byte[] first = answers.getFirst().get(60, TimeUnit.SECONDS);
        for (Future<byte[]> a : answers) assertThat(a.get(60, TimeUnit.SECONDS)).isSameAs(first);
        assertThat(m.builds()).isEqualTo(1);
        assertThat(m.report(DAY, Edition.PUBLIC, ReportLanguage.EN, false)).isSameAs(first);
        assertThat(m.builds()).isEqualTo(1);
        // Another language is another report, from the same sensor figures.
        m.report(DAY, Edition.PUBLIC, ReportLanguage.RU, false);
        m.report(DAY, Edition.RESTRICTED, ReportLanguage.RU, true);
        assertThat(m.builds()).isEqualTo(3);
        assertThat(m.sensorBuilds()).isEqualTo(1);
    }

    @Test
    void anotherDayDoesNotWaitForABuildUnderWay() throws Exception {
        DailyReportModule m = module(DailyReportModule.Config.defaults());
        hold = Optional.of(DAY);
        Future<byte[]> slow = callers.submit(() -> m.report(DAY, Edition.PUBLIC, ReportLanguage.EN, false));
        assertThat(blocked.await(60, TimeUnit.SECONDS)).isTrue();
        Future<byte[]> other = callers.submit(() -> m.report(OTHER_DAY, Edition.PUBLIC, ReportLanguage.EN, false));
        assertThat(new String(other.get(60, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8)).contains("2020");
        assertThat(slow.isDone()).isFalse();
        release.countDown();
        assertThat(slow.get(60, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(m.builds()).isEqualTo(2);
    }

    @Test
    void aNewCheckpointMakesTheNextRequestBuildAgain() throws Exception {
        DailyReportModule m = module(DailyReportModule.Config.defaults());
        ledger.addCheckpoint(new CheckpointRecord(10, clock.instant(), "not a signed note"));
        byte[] first = m.report(DAY, Edition.PUBLIC, ReportLanguage.EN, false);
        assertThat(m.report(DAY, Edition.PUBLIC, ReportLanguage.EN, false)).isSameAs(first);
        assertThat(m.builds()).isEqualTo(1);
        ledger.addCheckpoint(new CheckpointRecord(25, clock.instant().plusSeconds(5), "not a signed note"));
        assertThat(m.report(DAY, Edition.PUBLIC, ReportLanguage.EN, false)).isNotSameAs(first);
        assertThat(m.builds()).isEqualTo(2);
        assertThat(m.sensorBuilds()).isEqualTo(2);
    }

    @Test
    void aRunningPeriodIsBuiltAgainAfterItsGraceAndTheCacheIsBounded() throws Exception {
        DailyReportModule m = module(new DailyReportModule.Config(2, 2, Duration.ofMinutes(1)));
        ReportPeriod today = ReportPeriod.of(LocalDate.parse("2020-11-20"), Optional.empty());
        m.report(today, Edition.PUBLIC, ReportLanguage.EN, false);
        clock.advance(Duration.ofSeconds(30));
        m.report(today, Edition.PUBLIC, ReportLanguage.EN, false);
        assertThat(m.builds()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(31));
        m.report(today, Edition.PUBLIC, ReportLanguage.EN, false);
        assertThat(m.builds()).isEqualTo(2);
        // A past day does not expire, but at most two reports are kept: a third pushes the oldest out.
        m.report(DAY, Edition.PUBLIC, ReportLanguage.EN, false);
        m.report(OTHER_DAY, Edition.PUBLIC, ReportLanguage.EN, false);
        assertThat(m.builds()).isEqualTo(4);
        m.report(today, Edition.PUBLIC, ReportLanguage.EN, false);
        assertThat(m.builds()).isEqualTo(5);
    }

    /** The log, whose first query for the held period's week waits until released. */
    private ObservationLog holding(ObservationLog log) {
        return new ForwardingObservationLog(log) {
            @Override
            public Page<AcceptedObservation> query(ObservationQuery q) {
                Optional<ReportPeriod> h = hold;
                if (h.isPresent() && q.from().isPresent() && q.from().get().equals(h.get().to().minus(Duration.ofDays(7)))) {
                    blocked.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return log.query(q);
            }
        };
    }
}
