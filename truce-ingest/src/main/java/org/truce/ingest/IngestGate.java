package org.truce.ingest;

import java.lang.System.Logger.Level;
import java.util.Objects;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.Center;
import org.truce.pipeline.IngestPort;

/**
 * The one way adapters hand observations to the center: validates with the {@link ObservationValidator}, passes
 * the observation to the {@link IngestPort}, and counts and logs every refusal by channel and reason.
 *
 * <p>An {@link Acceptance.Accepted} answer means the observation is durable in the accepted-input log; adapters
 * acknowledge (where their protocol can) only after it. A {@link RuntimeException} from the port (the store failed)
 * propagates: the input was neither accepted nor refused, and must not be acknowledged. Thread-safe.
 */
public final class IngestGate {
    private static final System.Logger LOG = System.getLogger(IngestGate.class.getName());

    private final IngestPort port;
    private final ObservationValidator validator;
    private final IngestMetrics metrics;
    private final boolean portCountsRejections;

    /**
     * @param portCountsRejections true when the port counts its own refusals in {@code metrics.rejections()}
     *                             (the {@link Center} does), so they are not counted twice
     */
    public IngestGate(IngestPort port, ObservationValidator validator, IngestMetrics metrics,
                      boolean portCountsRejections) {
        this.port = Objects.requireNonNull(port);
        this.validator = Objects.requireNonNull(validator);
        this.metrics = Objects.requireNonNull(metrics);
        this.portCountsRejections = portCountsRejections;
    }

    /** A gate in front of a center, sharing its rejection counter, asset registry and clock. */
    public static IngestGate forCenter(Center center, ValidationLimits limits) {
        return new IngestGate(center, new ObservationValidator(center.store().assets(), center.clock(), limits),
                new IngestMetrics(center.rejections()), true);
    }

    public ObservationValidator validator() {
        return validator;
    }

    public IngestMetrics metrics() {
        return metrics;
    }

    /** Validates and submits; never throws {@link RejectedInput}. */
    public Acceptance submit(String channel, org.truce.sensing.Observation observation) {
        try {
            validator.check(observation);
        } catch (RejectedInput e) {
            return reject(channel, e);
        }
        Acceptance a = port.accept(channel, observation);
        switch (a) {
            case Acceptance.Accepted ok -> metrics.accepted(channel);
            case Acceptance.Rejected r -> {
                if (!portCountsRejections) metrics.rejections().reject(channel, r);
                LOG.log(Level.INFO, "rejected on {0}: {1} — {2}", channel, r.reason(), r.detail());
            }
        }
        return a;
    }

    /** Counts and logs an input refused before it became an observation (malformed frame, unknown system id …). */
    public Acceptance.Rejected reject(String channel, RejectedInput e) {
        Acceptance.Rejected r = metrics.rejections().reject(channel, e.toRejected());
        LOG.log(Level.INFO, "rejected on {0}: {1} — {2}", channel, r.reason(), r.detail());
        return r;
    }
}
