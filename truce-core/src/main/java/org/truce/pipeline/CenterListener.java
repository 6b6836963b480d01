package org.truce.pipeline;

/** Receives pipeline events in order, on the pipeline's thread: keep it quick and never throw. */
@FunctionalInterface
public interface CenterListener {
    void on(CenterEvent event);
}
