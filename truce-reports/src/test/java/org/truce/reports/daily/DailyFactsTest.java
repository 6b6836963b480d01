package org.truce.reports.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.truce.store.ForwardingObservationLog;
import org.truce.store.ObservationLog;

/**
 * The per-day aggregates give a whole-day report the same sensor figures as replaying the log's week, are kept
 * only for days the log has gone past, and read back as written.
 */
class DailyFactsTest {
    private final SimulatedDay day = SimulatedDay.get();
    /** The simulated stretch runs 12:00–21:00 on this day: the log never goes past it. */
    private static final LocalDate RUNNING = LocalDate.parse("2020-11-19");

    @Test
    void aWholeDayFromKeptDaysEqualsTheReplayOfTheWeek() {
        ReportPeriod period = ReportPeriod.of(RUNNING, Optional.empty());
        DailyReportBuilder.SensorFacts replayed = DailyReportBuilder.sensors(day.sources(), period);
        DayFactsStore store = DayFactsStore.inMemory();
        DailyReportBuilder.SensorFacts fromDays = DailyReportBuilder.sensors(day.sources().withDays(store), period);
        assertThat(replayed.coverage().observationsReplayed()).isPositive();
        assertThat(replayed.outages()).isNotEmpty();
        assertThat(fromDays).isEqualTo(replayed);
        // Read back from what was kept, the week before gives the same figures again.
        assertThat(DailyReportBuilder.sensors(day.sources().withDays(store), period)).isEqualTo(replayed);
    }

    @Test
    void aPeriodWithACutOffOnTheHourReplaysItselfAndReadsTheWeekBeforeFromKeptDays() {
        // 2020-11-19 16:00 to 2020-11-20 16:00: the period is replayed, 2020-11-13 .. 2020-11-19 come from days.
        DailyReportBuilder.SensorFacts replayed = DailyReportBuilder.sensors(day.sources(), SimulatedDay.PERIOD);
        DailyReportBuilder.SensorFacts withDays = DailyReportBuilder.sensors(
                day.sources().withDays(DayFactsStore.inMemory()), SimulatedDay.PERIOD);
        assertThat(replayed.implementation()).isNotEmpty();
        assertThat(withDays).isEqualTo(replayed);
        // Off the hour, the period's bins are not the recorder's: that one is replayed whole, as before.
        ReportPeriod offTheHour = ReportPeriod.of(LocalDate.parse("2020-11-20"), Optional.of(java.time.LocalTime.of(15, 30)));
        assertThat(DailyFacts.isWholeHours(offTheHour)).isFalse();
    }

    @Test
    void theReportsOfTheDayBeforeAgreeToo() {
        ReportPeriod before = ReportPeriod.of(RUNNING.minusDays(1), Optional.empty());
        assertThat(DailyReportBuilder.sensors(day.sources().withDays(DayFactsStore.inMemory()), before))
                .isEqualTo(DailyReportBuilder.sensors(day.sources(), before));
    }

    @Test
    void onlyDaysTheLogHasGonePastAreKeptAndKeptDaysAreNotReplayedAgain() {
        DayFactsStore store = DayFactsStore.inMemory();
        assertThat(DailyFacts.keep(day.sources(), store, RUNNING)).isFalse();
        assertThat(store.get(RUNNING)).isEmpty();
        LocalDate past = RUNNING.minusDays(1);
        assertThat(DailyFacts.keep(day.sources(), store, past)).isTrue();
        assertThat(store.get(past)).isPresent();

        AtomicInteger reads = new AtomicInteger();
        ObservationLog counting = counting(day.store.observations(), reads);
        var src = new DailyReportBuilder.Sources(day.agreement, day.store.incidents(), counting, day.store.assets(),
                Optional.empty(), day.ledger, Optional.of(store));
        assertThat(DailyFacts.keep(src, store, past)).isTrue();
        assertThat(reads).hasValue(0);
    }

    @Test
    void theKeeperKeepsTheEndedDaysOnceAndRetriesARunningOneOnlyWhenTheLogGrows() {
        DayFactsStore store = DayFactsStore.inMemory();
        DayFactsKeeper keeper = new DayFactsKeeper(day.sources(), store);
        java.time.Instant now = java.time.Instant.parse("2020-11-21T09:00:00Z");
        // 2020-11-13 .. 2020-11-20 have ended; the log goes past all but the last two.
        assertThat(keeper.tick(now)).isEqualTo(DayFactsKeeper.DAYS);
        for (LocalDate d = LocalDate.parse("2020-11-13"); d.isBefore(RUNNING); d = d.plusDays(1)) {
            assertThat(store.get(d)).as(d.toString()).isPresent();
        }
        assertThat(store.get(RUNNING)).isEmpty();
        assertThat(keeper.tick(now)).isZero();
    }

    @Test
    void factsReadBackAsWrittenAndAnotherVersionIsComputedAgain() {
        SensorReplay r = SensorReplay.forDay(day.agreement, day.store.assets(), ReportPeriod.of(RUNNING, Optional.empty()));
        r.run(day.store.observations());
        DayFacts facts = DayFacts.of(RUNNING, r);
        assertThat(facts.zoneWatches()).isNotEmpty();
        String text = DayFactsCodec.write(facts);
        assertThat(DayFactsCodec.read(RUNNING, text)).contains(facts);
        assertThat(DayFactsCodec.read(RUNNING.plusDays(1), text)).isEmpty();
        assertThat(DayFactsCodec.read(RUNNING, text.replace("\"version\":" + DayFacts.VERSION, "\"version\":0"))).isEmpty();
        assertThat(DayFactsCodec.read(RUNNING, "{not json")).isEmpty();
    }

    private static ObservationLog counting(ObservationLog log, AtomicInteger reads) {
        // Counts every read of the log; a test of reports never appends.
        return new ForwardingObservationLog(log) {
            @Override
            public org.truce.sensing.AcceptedObservation append(java.time.Instant received, String channel,
                                                                 org.truce.sensing.Observation observation) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.List<org.truce.sensing.AcceptedObservation> appendAll(
                    java.util.List<ObservationLog.Arrival> arrivals) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.List<org.truce.sensing.AcceptedObservation> read(long fromSeq, int limit) {
                reads.incrementAndGet();
                return super.read(fromSeq, limit);
            }

            @Override
            public org.truce.store.Page<org.truce.sensing.AcceptedObservation> query(org.truce.store.ObservationQuery q) {
                reads.incrementAndGet();
                return super.query(q);
            }

            @Override
            public Optional<org.truce.sensing.AcceptedObservation> latest(org.truce.ground.AssetId asset, String kind) {
                reads.incrementAndGet();
                return super.latest(asset, kind);
            }
        };
    }
}
