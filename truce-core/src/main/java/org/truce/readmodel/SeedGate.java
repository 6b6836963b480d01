package org.truce.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes a read model's seeding and its following of the pipeline one ordered stream of writes: updates offered
 * before {@link #seed} has loaded the store's state are held, then applied in order after it, so an update the
 * pipeline published while the model read the store is never overwritten by the older stored version. After
 * seeding, every update is applied at once. Thread-safe: at most one thread writes the model at a time (the
 * seeding thread while loading, then whoever holds this gate). Memory: the updates of the seeding period.
 *
 * @param <U> an update of the model
 */
final class SeedGate<U> {
    private final Consumer<U> apply;
    private List<U> pending = new ArrayList<>();

    SeedGate(Consumer<U> apply) {
        this.apply = Objects.requireNonNull(apply);
    }

    /** Applies {@code update} now, or after seeding when the model is still seeding. */
    synchronized void offer(U update) {
        if (pending != null) pending.add(update);
        else apply.accept(update);
    }

    /** Runs {@code load} (which writes the stored state into the model), then the held updates; once only. */
    void seed(Runnable load) {
        synchronized (this) {
            if (pending == null) throw new IllegalStateException("this read model is seeded already");
        }
        load.run();
        synchronized (this) {
            pending.forEach(apply);
            pending = null;
        }
    }

    synchronized boolean seeded() {
        return pending == null;
    }
}
