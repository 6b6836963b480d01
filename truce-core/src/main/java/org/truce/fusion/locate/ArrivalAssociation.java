package org.truce.fusion.locate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits acoustic arrivals into the events that caused them (package-private helper of {@link CueGrouper}).
 *
 * <p>Pairwise time bounds alone cannot separate two shots a few seconds apart heard across a wide array, so this
 * works by hypothesis and support, deterministically: the earliest unassigned arrival seeds an event (it was heard
 * first, so the event is near its sensor); every pair of other candidate arrivals (other assets, within the acoustic
 * window, pairwise consistent) with the seed is located; each located hypothesis predicts when the sound reached
 * every other candidate sensor, and the arrivals within three sigmas of the prediction support it. The hypothesis
 * with most support (then lowest residual, then earliest ids) wins (at most {@value #MAX_CANDIDATES} candidates,
 * the earliest, are considered per seed) and its arrivals form one group; when none locates,
 * quadruples are tried, and failing those the seed stays alone. Stateless apart from its settings; thread-safe.
 */
final class ArrivalAssociation {
    /**
     * Candidates considered per seed, earliest first: the arrivals of the seed's own event come soon after it, and
     * the bound keeps the hypothesis search (pairs, then triples) to a few hundred fits in a barrage.
     */
    private static final int MAX_CANDIDATES = 16;

    private final LocatorConfig config;
    private final EventLocator locator;
    private final CueGrouper pairwise;

    ArrivalAssociation(LocatorConfig config, EventLocator locator, CueGrouper pairwise) {
        this.config = config;
        this.locator = locator;
        this.pairwise = pairwise;
    }

    /** @param arrivals in time order (then id) */
    List<List<Cue>> groups(List<Cue.Arrival> arrivals) {
        List<Cue.Arrival> pool = new ArrayList<>(arrivals);
        List<List<Cue>> out = new ArrayList<>();
        while (!pool.isEmpty()) {
            Cue.Arrival seed = pool.getFirst();
            List<Cue.Arrival> candidates = new ArrayList<>();
            for (Cue.Arrival a : pool.subList(1, pool.size())) {
                if (candidates.size() < MAX_CANDIDATES
                        && Duration.between(seed.time(), a.time()).compareTo(config.acousticWindow()) <= 0
                        && pairwise.consistent(seed, a)) {
                    candidates.add(a);
                }
            }
            List<Cue.Arrival> best = bestHypothesis(seed, candidates, 2);
            if (best == null) {
                best = bestHypothesis(seed, candidates, 3);
            }
            List<Cue> group = new ArrayList<>(best == null ? List.of(seed) : best);
            pool.removeAll(group);
            out.add(group);
        }
        return out;
    }

    private record Scored(List<Cue.Arrival> members, double chiSquare) {
    }

    /** The best-supported event through the seed and {@code extra} other arrivals, or null when none locates. */
    private List<Cue.Arrival> bestHypothesis(Cue.Arrival seed, List<Cue.Arrival> candidates, int extra) {
        Scored best = null;
        for (List<Cue.Arrival> base : combinations(candidates, extra)) {
            if (!distinctAssets(seed, base) || !pairwiseConsistent(base)) {
                continue;
            }
            List<Cue> hypothesis = new ArrayList<>();
            hypothesis.add(seed);
            hypothesis.addAll(base);
            if (!(locator.locate(hypothesis) instanceof LocationResult.Located located)) {
                continue;
            }
            List<Cue.Arrival> members = new ArrayList<>();
            members.add(seed);
            members.addAll(base);
            Set<String> assets = new HashSet<>();
            members.forEach(m -> assets.add(m.asset()));
            for (Cue.Arrival a : candidates) {
                if (!assets.contains(a.asset()) && supports(located.event(), a)) {
                    members.add(a);
                    assets.add(a.asset());
                }
            }
            List<Cue> all = new ArrayList<>(members);
            LocationResult check = locator.locate(all);
            if (!(check instanceof LocationResult.Located whole)) {
                continue;
            }
            Scored s = new Scored(members, whole.event().chiSquare());
            if (best == null || s.members.size() > best.members.size()
                    || (s.members.size() == best.members.size() && s.chiSquare < best.chiSquare - 1e-9)) {
                best = s;
            }
        }
        return best == null ? null : best.members;
    }

    private boolean supports(LocatedEvent e, Cue.Arrival a) {
        double c = config.speedOfSoundMps();
        double dx = e.x() - a.sensorX();
        double dy = e.y() - a.sensorY();
        double rho = Math.hypot(dx, dy);
        double predicted = rho / c;
        double lag = Duration.between(e.time(), a.time()).toNanos() / 1e9;
        double positionVar = rho > 0 ? e.covariance().varianceAlong(dx / rho, dy / rho) / (c * c) : 0;
        double tolerance = 3 * Math.sqrt(a.sigmaSeconds() * a.sigmaSeconds() + positionVar);
        return Math.abs(lag - predicted) <= tolerance;
    }

    private boolean distinctAssets(Cue.Arrival seed, List<Cue.Arrival> base) {
        Set<String> assets = new HashSet<>();
        assets.add(seed.asset());
        for (Cue.Arrival a : base) {
            if (!assets.add(a.asset())) {
                return false;
            }
        }
        return true;
    }

    private boolean pairwiseConsistent(List<Cue.Arrival> base) {
        for (int i = 0; i < base.size(); i++) {
            for (int j = i + 1; j < base.size(); j++) {
                if (!pairwise.consistent(base.get(i), base.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<List<Cue.Arrival>> combinations(List<Cue.Arrival> items, int k) {
        List<List<Cue.Arrival>> out = new ArrayList<>();
        collect(items, k, 0, new ArrayList<>(), out);
        return out;
    }

    private static void collect(List<Cue.Arrival> items, int k, int from, List<Cue.Arrival> current,
                                List<List<Cue.Arrival>> out) {
        if (current.size() == k) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            current.add(items.get(i));
            collect(items, k, i + 1, current, out);
            current.removeLast();
        }
    }
}
