package org.truce.fusion.coverage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answer to "was this place observed in [from, to), by whom, with what probability". "Not seen" differs from
 * "not there": an absence can only be claimed with {@link Observed} coverage of enough probability.
 */
public sealed interface Coverage {
    Instant from();

    Instant to();

    /** Probability that a vehicle in the place during the interval would have been detected (0 when not covered). */
    double probability();

    /** No look touched the place during the interval. */
    record NotCovered(Instant from, Instant to) implements Coverage {
        public NotCovered {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
        }

        @Override
        public double probability() {
            return 0;
        }
    }

    /**
     * Some looks touched the place.
     *
     * @param probability 1 - prod(1 - p_i) over the looks, each p_i the look's detection probability times the share
     *                    of the place it covered (area share for areas, length share for lines, 1 for points);
     *                    the looks are taken as independent
     * @param byAsset     per asset, the same combination over that asset's looks; keys sorted
     * @param looks       the contributing looks, in time order (then asset)
     */
    record Observed(Instant from, Instant to, double probability, SortedMap<String, Double> byAsset,
                    List<Contribution> looks) implements Coverage {
        public Observed {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            byAsset = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byAsset));
            looks = List.copyOf(looks);
            if (looks.isEmpty()) {
                throw new IllegalArgumentException("observed coverage needs at least one look");
            }
        }

        /** The assets that looked, sorted. */
        public List<String> assets() {
            return List.copyOf(byAsset.keySet());
        }

        public Instant firstLook() {
            return looks.getFirst().time();
        }

        public Instant lastLook() {
            return looks.getLast().time();
        }
    }

    /**
     * One look's share in a coverage answer.
     *
     * @param share       fraction of the place inside the footprint, in (0, 1]
     * @param probability the look's detection probability times {@code share}
     */
    record Contribution(String asset, Instant time, double share, double probability) {
        public Contribution {
            Objects.requireNonNull(asset);
            Objects.requireNonNull(time);
        }
    }

    /** Combines contributions as independent looks, 1 - prod(1 - p); {@link NotCovered} when there are none. */
    static Coverage of(Instant from, Instant to, List<Contribution> contributions) {
        if (contributions.isEmpty()) {
            return new NotCovered(from, to);
        }
        List<Contribution> sorted = contributions.stream()
                .sorted(java.util.Comparator.comparing(Contribution::time).thenComparing(Contribution::asset))
                .toList();
        double miss = 1;
        TreeMap<String, Double> missByAsset = new TreeMap<>();
        for (Contribution c : sorted) {
            miss *= 1 - c.probability();
            missByAsset.merge(c.asset(), 1 - c.probability(), (a, b) -> a * b);
        }
        TreeMap<String, Double> byAsset = new TreeMap<>();
        missByAsset.forEach((asset, m) -> byAsset.put(asset, 1 - m));
        return new Observed(from, to, 1 - miss, byAsset, sorted);
    }
}
