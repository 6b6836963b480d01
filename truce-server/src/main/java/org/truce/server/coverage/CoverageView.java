package org.truce.server.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.truce.pipeline.CoverageRecorder;

/**
 * What the server needs from a coverage source (the core's {@link CoverageRecorder}, kept live by the pipeline):
 * the cells, their coverage over an interval, and the daily summary. Implementations must be thread-safe: the
 * server reads from request threads while the pipeline writes.
 */
public interface CoverageView {
    /** The line-of-contact segments and zones reported on, in WGS 84; never changes. */
    List<CoverageRecorder.Cell> cells();

    /** Each cell's coverage over the time bins overlapping [from, to), in {@link #cells()} order; from &lt; to. */
    List<CoverageRecorder.CellCoverage> coverage(Instant from, Instant to);

    /** Per cell, the share of the UTC day's bins in which it was observed. */
    CoverageRecorder.DaySummary summary(LocalDate date);

    /** The recorder as a view. */
    static CoverageView of(CoverageRecorder recorder) {
        Objects.requireNonNull(recorder, "recorder");
        return new CoverageView() {
            @Override
            public List<CoverageRecorder.Cell> cells() {
                return recorder.cells();
            }

            @Override
            public List<CoverageRecorder.CellCoverage> coverage(Instant from, Instant to) {
                return recorder.coverage(from, to);
            }

            @Override
            public CoverageRecorder.DaySummary summary(LocalDate date) {
                return recorder.summary(date);
            }
        };
    }
}
