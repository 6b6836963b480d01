package org.truce.ingest;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.Center;
import org.truce.pipeline.IngestPort;
import org.truce.sensing.Observation;

/**
 * The one way every channel hands observations to the center (MAVLink, CoT, MQTT, KLV and HTTP alike): validates
 * with the {@link ObservationValidator}, passes the observation to the {@link IngestPort}, counts every acceptance
 * by channel and every refusal by channel and reason, and logs each refusal.
 *
 * <p>An {@link Verdict.Accepted} answer means the observation is durable in the accepted-input log; adapters
 * acknowledge (where their protocol can) only after it. A {@link RuntimeException} from the port (the store failed)
 * propagates: the input was neither accepted nor refused, and must not be acknowledged. Thread-safe.
 */
public final class IngestGate {
    private static final System.Logger LOG = System.getLogger(IngestGate.class.getName());

    private final IngestPort port;
    private final ObservationValidator validator;
    private final IngestMetrics metrics;
    private final boolean portCountsRejections;
    private final List<RefusalListener> listeners = new CopyOnWriteArrayList<>();

    /** Told of every refusal the gate counts, with the field at fault (a diagnostics view, a test). */
    @FunctionalInterface
    public interface RefusalListener {
        /** Called on the thread that refused; keep it quick, and do not throw. */
        void refused(String channel, Verdict.Refused refusal);
    }

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

    public void addRefusalListener(RefusalListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeRefusalListener(RefusalListener listener) {
        listeners.remove(listener);
    }

    /** Validates and submits one observation; never throws {@link RejectedInput}. */
    public Verdict submit(String channel, Observation observation) {
        try {
            validator.check(observation);
        } catch (RejectedInput e) {
            return reject(channel, e);
        }
        return answered(channel, port.accept(channel, observation));
    }

    /**
     * Validates each observation of a batch that arrived together (one HTTP request, one datagram's worth) and hands
     * the valid ones to {@link IngestPort#acceptAll} in one call, so a store that group-commits pays for durability
     * once per batch. Answers each input in order; never throws {@link RejectedInput}.
     *
     * <p>Every observation is checked before any is accepted, so a center on its sensors' time
     * ({@code SensorClock}) measures the whole batch's skew from the time before the batch; the center checks each
     * again as it accepts it.
     */
    public List<Verdict> submitAll(String channel, List<? extends Observation> observations) {
        Verdict[] verdicts = new Verdict[observations.size()];
        List<Observation> valid = new ArrayList<>(observations.size());
        int[] at = new int[observations.size()];
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            try {
                validator.check(o);
                at[valid.size()] = i;
                valid.add(o);
            } catch (RejectedInput e) {
                verdicts[i] = reject(channel, e);
            }
        }
        if (!valid.isEmpty()) {
            List<Acceptance> answers = port.acceptAll(channel, valid);
            if (answers.size() != valid.size()) {
                throw new IllegalStateException("the ingest port answered " + answers.size() + " of "
                        + valid.size() + " observations");
            }
            for (int k = 0; k < answers.size(); k++) verdicts[at[k]] = answered(channel, answers.get(k));
        }
        return Arrays.asList(verdicts);
    }

    /** Counts and logs an input refused before it became an observation (malformed frame, unknown system id …). */
    public Verdict.Refused reject(String channel, RejectedInput e) {
        metrics.rejections().reject(channel, e.toRejected());
        return told(channel, e.toVerdict());
    }

    private Verdict answered(String channel, Acceptance a) {
        switch (a) {
            case Acceptance.Accepted ok -> {
                metrics.accepted(channel);
                return Verdict.of(a);
            }
            case Acceptance.Rejected r -> {
                if (!portCountsRejections) metrics.rejections().reject(channel, r);
                return told(channel, (Verdict.Refused) Verdict.of(a));
            }
        }
    }

    private Verdict.Refused told(String channel, Verdict.Refused r) {
        LOG.log(Level.INFO, "rejected on {0}: {1}{2} — {3}", channel, r.reason(),
                r.field().map(f -> " (" + f + ")").orElse(""), r.detail());
        for (RefusalListener l : listeners) {
            try {
                l.refused(channel, r);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "refusal listener failed", e);
            }
        }
        return r;
    }
}
