package org.truce.fusion.tracking;

import java.util.ArrayList;
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
 * 0.5 there is no estimate. Ties break by first report. The estimate is cached between reports: trackers ask for it
 * for every candidate pairing. Not thread-safe (owned by one track).
 *
 * @param <K> the hypothesis type (an object class, a party)
 */
final class LogOddsVote<K> {
    static final double LIMIT = 9.0;

    private final Map<K, Double> scores = new LinkedHashMap<>();
    /** {@link #best()} since the last report, null when it must be worked out again. */
    private Optional<K> best;
    private double bestConfidence;

    /** An independent vote with the same scores. */
    LogOddsVote<K> copy() {
        LogOddsVote<K> c = new LogOddsVote<>();
        c.scores.putAll(scores);
        c.best = best;
        c.bestConfidence = bestConfidence;
        return c;
    }

    /** Adds another vote's scores to this one's (two tracks found to be one object), each clamped. */
    void absorb(LogOddsVote<K> other) {
        other.scores.forEach((k, v) -> scores.put(k, clamp(scores.getOrDefault(k, 0.0) + v)));
        best = null;
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
        best = null;
    }

    /** The most probable hypothesis if its posterior exceeds 0.5. */
    Optional<K> best() {
        if (best == null) {
            K top = null;
            double high = 0;
            // Strictly greater: the first reported of equal scores wins.
            for (var e : scores.entrySet()) {
                if (e.getValue() > high) {
                    top = e.getKey();
                    high = e.getValue();
                }
            }
            best = Optional.ofNullable(top);
            bestConfidence = top == null ? 0.0 : sigmoid(high);
        }
        return best;
    }

    /** Posterior probability of {@link #best()}, 0 when there is none. */
    double confidence() {
        best();
        return bestConfidence;
    }

    /**
     * Posterior probability that {@code value} is right, among {@code hypotheses} exclusive answers: sigmoid of its
     * score if it was ever reported, else an equal share of what the reported ones leave; {@code 1 / hypotheses}
     * before any report.
     */
    double probability(K value, int hypotheses) {
        Double score = scores.get(value);
        if (score != null) return sigmoid(score);
        if (scores.isEmpty()) return 1.0 / hypotheses;
        double left = 1 - confidence();
        return Math.max(left, 1 - sigmoid(LIMIT)) / Math.max(1, hypotheses - 1);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
