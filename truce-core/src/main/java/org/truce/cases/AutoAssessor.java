package org.truce.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.rules.Incident;

/**
 * A simulated analyst for one contingent: judges an incident from its evidence, wrong with probability
 * {@code errorRate}, and leaning by {@code bias} (added to the attribution confidence per party; positive = readier
 * to blame). The random draw depends only on the config's seed and the incident id, never on the contingent, so
 * two assessors with swapped configs give swapped assessments: symmetry by construction. Immutable, thread-safe.
 */
public final class AutoAssessor {
    /**
     * @param errorRate probability in [0, 1] of judging "happened" wrongly (NO or UNDETERMINED instead of YES)
     * @param bias      per party, a confidence shift in [-1, 1]; parties absent get 0
     * @param minDelay  shortest time from case opening to submission
     * @param maxDelay  longest (≥ minDelay)
     */
    public record Config(long seed, double errorRate, Map<PartyId, Double> bias, Duration minDelay, Duration maxDelay) {
        public Config {
            if (!(errorRate >= 0 && errorRate <= 1)) throw new IllegalArgumentException("errorRate not in [0, 1]: " + errorRate);
            bias = java.util.Collections.unmodifiableMap(new TreeMap<>(bias));
            bias.forEach((p, b) -> {
                if (!(b >= -1 && b <= 1)) throw new IllegalArgumentException("bias for " + p + " not in [-1, 1]: " + b);
            });
            Objects.requireNonNull(minDelay); Objects.requireNonNull(maxDelay);
            if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
                throw new IllegalArgumentException("delays must satisfy 0 <= minDelay <= maxDelay");
            }
        }
    }

    private final ContingentId contingent;
    private final Config config;

    public AutoAssessor(ContingentId contingent, Config config) {
        this.contingent = Objects.requireNonNull(contingent);
        this.config = Objects.requireNonNull(config);
    }

    public ContingentId contingent() {
        return contingent;
    }

    /** How long after the case opens this assessor submits on {@code incident}. */
    public Duration delay(Incident incident) {
        SplittableRandom r = random(incident, 1);
        long span = config.maxDelay().toMillis() - config.minDelay().toMillis();
        return config.minDelay().plusMillis(span == 0 ? 0 : r.nextLong(span + 1));
    }

    /** The assessment of {@code incident}, submitted at {@code at}, authored {@code auto-<contingent>}. */
    public Assessment assess(Incident incident, Instant at) {
        SplittableRandom r = random(incident, 0);
        Happened happened = Happened.YES;
        if (r.nextDouble() < config.errorRate()) happened = r.nextBoolean() ? Happened.NO : Happened.UNDETERMINED;
        double noise = (r.nextDouble() - 0.5) * 0.1;
        Optional<PartyId> party = happened == Happened.YES ? incident.party() : Optional.empty();
        double confidence = party.map(p -> clamp(incident.attributionConfidence() + config.bias().getOrDefault(p, 0.0) + noise))
                .orElse(0.0);
        return new Assessment(contingent, "auto-" + contingent, happened, incident.provision(), party, confidence,
                incident.evidence(), "automatic assessment of " + incident.id() + " (" + incident.summary() + ")", at);
    }

    private SplittableRandom random(Incident incident, int stream) {
        long h = 0xcbf29ce484222325L;
        for (byte b : incident.id().getBytes(StandardCharsets.UTF_8)) h = (h ^ b) * 0x100000001b3L;
        return new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L ^ h ^ ((long) stream << 61));
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }
}
