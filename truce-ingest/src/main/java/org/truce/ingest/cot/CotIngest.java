package org.truce.ingest.cot;

import java.util.Objects;
import java.util.Optional;
import org.truce.ingest.IngestGate;
import org.truce.ingest.RejectedInput;
import org.truce.sensing.Observation;

/**
 * Hands decoded CoT events to the center through the gate, counting every refusal on the {@code cot} channel.
 * Shared by the TCP and UDP listeners. Thread-safe.
 */
public final class CotIngest {
    public static final String CHANNEL = "cot";

    private final IngestGate gate;
    private final CotMapper mapper;

    public CotIngest(IngestGate gate, CotMapper mapper) {
        this.gate = Objects.requireNonNull(gate);
        this.mapper = Objects.requireNonNull(mapper);
    }

    /** Parses and ingests one XML event; returns the parsed event (for control handling) when it was readable. */
    public Optional<CotEvent> xml(byte[] bytes) {
        try {
            gate.validator().frameSize(bytes.length, "CoT XML event");
            CotEvent e = CotXml.parse(bytes);
            ingest(e);
            return Optional.of(e);
        } catch (RejectedInput r) {
            gate.reject(CHANNEL, r);
            return Optional.empty();
        }
    }

    /** Decodes and ingests one TakMessage. */
    public void proto(byte[] takMessage) {
        try {
            TakProto.decode(takMessage).ifPresent(this::ingest);
        } catch (RejectedInput r) {
            gate.reject(CHANNEL, r);
        }
    }

    public void reject(RejectedInput r) {
        gate.reject(CHANNEL, r);
    }

    public int maxFrameBytes() {
        return gate.validator().limits().maxFrameBytes();
    }

    private void ingest(CotEvent e) {
        if (e.type().startsWith("t-")) return;
        try {
            Optional<Observation> o = mapper.map(e);
            o.ifPresent(obs -> gate.submit(CHANNEL, obs));
        } catch (RejectedInput r) {
            gate.reject(CHANNEL, r);
        }
    }
}
