package org.truce.implementation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.ZoneId;
import org.truce.pipeline.CoverageRecorder;

/**
 * {@link ZoneCoverage} read from the live coverage projection: one {@link ZoneCoverage.Watch} per time bin of the
 * recorder in which the zone's cell was observed. Only bins starting at or after {@code from} count, so that looks
 * before a deadline never vouch for after it; the bin containing {@code to} counts, cut at {@code to}, only when
 * the recorder has seen nothing after {@code to} (asking about the past must not use what came later).
 *
 * <p>Bins older than the recorder's horizon are gone: a withdrawal decided on them shows UNVERIFIED again once
 * they are dropped. Thread-safe (the recorder is).
 */
public final class RecordedZoneCoverage implements ZoneCoverage {
    private final CoverageRecorder recorder;

    public RecordedZoneCoverage(CoverageRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    @Override
    public List<Watch> watches(ZoneId zone, Instant from, Instant to) {
        Optional<Instant> retained = recorder.retainedFrom();
        Optional<Instant> newest = recorder.newest();
        if (retained.isEmpty() || newest.isEmpty() || !to.isAfter(from)) return List.of();
        Duration bin = recorder.config().grid().bin();
        Instant origin = recorder.config().grid().origin();
        Instant start = from.isBefore(retained.get()) ? retained.get() : from;
        Instant b = ceil(start, origin, bin);
        List<Watch> out = new ArrayList<>();
        for (; b.isBefore(to) && !b.isAfter(newest.get()); b = b.plus(bin)) {
            Instant end = b.plus(bin);
            if (end.isAfter(to)) {
                if (newest.get().isAfter(to)) break;
                end = to;
            }
            for (CoverageRecorder.CellCoverage c : recorder.coverage(b, b.plus(bin))) {
                if (c.kind() == CoverageRecorder.CellKind.ZONE && c.id().equals(zone.value()) && c.observed()) {
                    out.add(new Watch(b, end, c.probability(), c.assets()));
                }
            }
        }
        return out;
    }

    /** The first bin start at or after {@code t}. */
    private static Instant ceil(Instant t, Instant origin, Duration bin) {
        long n = Math.floorDiv(Duration.between(origin, t).toMillis(), bin.toMillis());
        Instant b = origin.plus(bin.multipliedBy(n));
        return b.isBefore(t) ? b.plus(bin) : b;
    }
}
