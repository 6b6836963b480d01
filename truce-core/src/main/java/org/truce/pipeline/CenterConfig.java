package org.truce.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the pipeline. Every default is documented in docs/configuration.md.
 *
 * @param attributionConfidence below this probability an incident's party is "undetermined" (default 0.8)
 * @param incidentIdleClose     an ongoing incident closes after this long without new evidence (default 15 min)
 * @param maxPastSkew           observations older than the center clock by more than this are refused (default 24 h)
 * @param maxFutureSkew         observations newer than the center clock by more than this are refused (default 30 s)
 */
public record CenterConfig(double attributionConfidence, Duration incidentIdleClose,
                           Duration maxPastSkew, Duration maxFutureSkew) {
    public CenterConfig {
        if (!(attributionConfidence > 0 && attributionConfidence <= 1)) {
            throw new IllegalArgumentException("attributionConfidence must be in (0, 1]");
        }
        Objects.requireNonNull(incidentIdleClose); Objects.requireNonNull(maxPastSkew); Objects.requireNonNull(maxFutureSkew);
    }

    public static CenterConfig defaults() {
        return new CenterConfig(0.8, Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofSeconds(30));
    }
}
