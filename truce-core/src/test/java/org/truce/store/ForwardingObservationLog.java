package org.truce.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.AssetId;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Observation;

/**
 * An {@link ObservationLog} that forwards every call to another one, for tests that break, count or hold one call:
 * override that call and leave the rest. One shared fixture, so a method added to the port is forwarded here once
 * instead of in every test double (as Guava's {@code Forwarding*} classes do). Thread-safe as the log it wraps.
 */
public class ForwardingObservationLog implements ObservationLog {
    private final ObservationLog delegate;

    public ForwardingObservationLog(ObservationLog delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The log calls are forwarded to. */
    protected ObservationLog delegate() {
        return delegate;
    }

    @Override
    public AcceptedObservation append(Instant received, String channel, Observation observation) {
        return delegate.append(received, channel, observation);
    }

    @Override
    public List<AcceptedObservation> appendAll(List<Arrival> arrivals) {
        return delegate.appendAll(arrivals);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public List<AcceptedObservation> read(long fromSeq, int limit) {
        return delegate.read(fromSeq, limit);
    }

    @Override
    public Optional<AcceptedObservation> find(String id) {
        return delegate.find(id);
    }

    @Override
    public Page<AcceptedObservation> query(ObservationQuery query) {
        return delegate.query(query);
    }

    @Override
    public Optional<AcceptedObservation> latest(AssetId asset, String kind) {
        return delegate.latest(asset, kind);
    }
}
