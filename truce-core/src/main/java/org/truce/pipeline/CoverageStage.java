package org.truce.pipeline;

import org.truce.topology.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.truce.sensing.AcceptedObservation;

/**
 * The coverage stage: every accepted observation goes to a {@link CoverageRecorder}, which the cases (as their
 * coverage oracle), the server and the reports query. It emits nothing: coverage is read, not listened to. Its
 * state is keyed by time bin, then cell (a line-of-contact segment or a zone), then asset; time passes with the
 * observations themselves, so {@link #advanceTo} has nothing to do. Not thread-safe for writers; the recorder may be
 * read from any thread.
 */
public final class CoverageStage implements Stage<CoverageRecorder.Snapshot, Void> {
    /** This stage's name in a topology snapshot. */
    public static final String NAME = "coverage";

    private final CoverageRecorder recorder;

    public CoverageStage(CoverageRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
    }

    /** The recorder this stage feeds, to query. */
    public CoverageRecorder recorder() {
        return recorder;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Void> process(AcceptedObservation observation) {
        recorder.record(observation);
        return List.of();
    }

    @Override
    public List<Void> advanceTo(Instant now) {
        return List.of();
    }

    @Override
    public CoverageRecorder.Snapshot snapshot() {
        return recorder.snapshot();
    }

    @Override
    public void restore(CoverageRecorder.Snapshot snapshot) {
        recorder.restore(snapshot);
    }
}
