package org.truce.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.Processor;
import org.truce.sensing.AcceptedObservation;
import org.truce.topology.Stage;

/**
 * A {@link Processor} that is not a {@link Stage} (a test's stand-in for tracking and rules) run as the rules stage
 * of a topology. It cannot snapshot: {@link #snapshot()} refuses, so a center built on it replays the whole log.
 */
public final class ProcessorStage implements Stage<Void, CenterEvent> {
    private final Processor processor;

    public ProcessorStage(Processor processor) {
        this.processor = Objects.requireNonNull(processor, "processor");
    }

    @Override
    public String name() {
        return RulePipeline.NAME;
    }

    @Override
    public List<CenterEvent> process(AcceptedObservation observation) {
        return processor.process(observation);
    }

    @Override
    public List<CenterEvent> advanceTo(Instant now) {
        return processor.advanceTo(now);
    }

    @Override
    public Void snapshot() {
        throw new UnsupportedOperationException("the processor " + processor.getClass().getName()
                + " cannot snapshot its state (it is no Stage): replay the whole log instead");
    }

    @Override
    public void restore(Void snapshot) {
        throw new UnsupportedOperationException("the processor " + processor.getClass().getName()
                + " cannot restore a snapshot (it is no Stage)");
    }
}
