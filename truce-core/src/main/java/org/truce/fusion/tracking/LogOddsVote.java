package org.truce.fusion.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuses repeated categorical reports ("APC, 0.8") into a posterior by adding log-odds.
 *
 * <p>Each hypothesis k keeps a log-odds score L_k. A report of k with confidence p adds logit(p) to L_k and
 * subtracts it from every other hypothesis already reported (the hypotheses exclude each other). Confidences are
 * clamped to [0.01, 0.99] and scores to [-{@value #LIMIT}, {@value #LIMIT}] so that a track can still change its
 * mind after a long run of one answer. The estimate is the highest score; its confidence is sigmoid(L), and below
 * 0.5 there is no estimate. Ties break by first report. Not thread-safe (owned by one track).
 *
 * @param <K> the hypothesis type (an object class, a party)
 */
final class LogOddsVote<K> {
    static final double LIMIT = 9.0;

    private final Map<K, Double> scores = new LinkedHashMap<>();

    /** An independent vote with the same scores. */
    LogOddsVote<K> copy() {
        LogOddsVote<K> c = new LogOddsVote<>();
        c.scores.putAll(scores);
        return c;
    }

    void report(K value, double confidence) {
        double p = Math.min(0.99, Math.max(0.01, confidence));
        double logit = Math.log(p / (1 - p));
        List<K> keys = new ArrayList<>(scores.keySet());
        for (K k : keys) {
            if (!k.equals(value)) {
                scores.put(k, clamp(scores.get(k) - logit));
            }
        }
        scores.put(value, clamp(scores.getOrDefault(value, 0.0) + logit));
    }

    /** The most probable hypothesis if its posterior exceeds 0.5. */
    Optional<K> best() {
        return scores.entrySet().stream()
                .max(Comparator.comparingDouble(Map.Entry<K, Double>::getValue))
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey);
    }

    /** Posterior probability of {@link #best()}, 0 when there is none. */
    double confidence() {
        return best().map(k -> 1 / (1 + Math.exp(-scores.get(k)))).orElse(0.0);
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
