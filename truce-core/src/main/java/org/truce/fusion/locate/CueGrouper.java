package org.truce.fusion.locate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.ground.uncertainty.Covariance2;

/**
 * Sorts a stream of cues into groups that can be of one event, before {@link EventLocator} locates each group.
 *
 * <p>Three passes in time order (then id). Acoustic arrivals are split into events by hypothesis and support: the
 * earliest unassigned arrival with each pair of other candidates is located, and the hypothesis that predicts the
 * most other arrivals within three sigmas wins. Sightings (bearings and fixes) are grouped greedily: one joins the
 * first open group whose first cue is at most {@link LocatorConfig#sightingWindow()} before it and with every member
 * of which it is {@link #consistent}. Then each sighting group joins the first arrival group it fits. A sighting group fits an arrival group that locates when
 * every sighting lies within the sighting window of the located emission time and within the consistency gate of
 * the located position; when the arrivals cannot be located alone, the pairwise test decides.
 *
 * <p>Consistent pairs: two arrivals at different sensors no further apart in time than sound needs between the
 * sensors (plus three sigmas); an arrival heard within the sighting window of when sound from a fix would arrive;
 * two fixes within the gate of each other (Mahalanobis, summed covariances); a fix within the gate of a bearing
 * (and of its distance band); two bearings whose rays, widened by three sigmas, cross in front of both sensors; an
 * arrival no earlier than the sighting window before a bearing and no later than the acoustic window after it.
 * One acoustic sensor hears one event once, so two arrivals from one asset never share a group.
 *
 * <p>Deterministic; immutable and thread-safe.
 */
public final class CueGrouper {
    private final LocatorConfig config;
    private final EventLocator locator;

    public CueGrouper(LocatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.locator = new EventLocator(config);
    }

    /** Groups of cues, each in time order (then id), the groups ordered by their first cue. */
    public List<List<Cue>> group(List<Cue> cues) {
        List<Cue> sorted = new ArrayList<>(cues);
        sorted.sort(ORDER);
        List<List<Cue>> acoustic = new ArrivalAssociation(config, locator, this).groups(sorted.stream()
                .filter(c -> c instanceof Cue.Arrival).map(c -> (Cue.Arrival) c).toList());
        List<List<Cue>> sightings = greedy(sorted.stream().filter(c -> !(c instanceof Cue.Arrival)).toList(),
                config.sightingWindow());
        List<List<Cue>> out = new ArrayList<>();
        List<Optional<LocatedEvent>> located = acoustic.stream().map(g -> switch (locator.locate(g)) {
            case LocationResult.Located l -> Optional.of(l.event());
            case LocationResult.Rejected r -> Optional.<LocatedEvent>empty();
        }).toList();
        for (List<Cue> s : sightings) {
            boolean merged = false;
            for (int i = 0; i < acoustic.size() && !merged; i++) {
                if (fits(acoustic.get(i), located.get(i), s)) {
                    acoustic.get(i).addAll(s);
                    merged = true;
                }
            }
            if (!merged) {
                out.add(s);
            }
        }
        out.addAll(acoustic);
        List<List<Cue>> result = new ArrayList<>();
        for (List<Cue> g : out) {
            List<Cue> copy = new ArrayList<>(g);
            copy.sort(ORDER);
            result.add(List.copyOf(copy));
        }
        result.sort(Comparator.comparing((List<Cue> g) -> g.getFirst().time()).thenComparing(g -> g.getFirst().id()));
        return List.copyOf(result);
    }

    private static final Comparator<Cue> ORDER = Comparator.comparing(Cue::time).thenComparing(Cue::id);

    private List<List<Cue>> greedy(List<Cue> cues, Duration window) {
        List<List<Cue>> groups = new ArrayList<>();
        for (Cue cue : cues) {
            List<Cue> home = null;
            for (List<Cue> g : groups) {
                if (Duration.between(g.getFirst().time(), cue.time()).compareTo(window) <= 0
                        && g.stream().allMatch(member -> consistent(member, cue))) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(cue);
        }
        return groups;
    }

    private boolean fits(List<Cue> arrivals, Optional<LocatedEvent> event, List<Cue> sightings) {
        if (event.isEmpty()) {
            return arrivals.stream().allMatch(a -> sightings.stream().allMatch(s -> consistent(a, s)));
        }
        LocatedEvent e = event.get();
        Cue.Fix asFix = new Cue.Fix("located", "located", e.time(), e.x(), e.y(), e.covariance());
        double window = config.sightingWindow().toNanos() / 1e9;
        return sightings.stream().allMatch(s -> Math.abs(seconds(asFix, s)) <= window && consistent(asFix, s));
    }

    /** Whether two cues can report one event. Symmetric. */
    public boolean consistent(Cue a, Cue b) {
        if (a instanceof Cue.Arrival x && b instanceof Cue.Arrival y) {
            if (x.asset().equals(y.asset())) {
                return false;
            }
            double baseline = Math.hypot(x.sensorX() - y.sensorX(), x.sensorY() - y.sensorY());
            double slack = 3 * Math.hypot(x.sigmaSeconds(), y.sigmaSeconds());
            return Math.abs(seconds(x, y)) <= baseline / config.speedOfSoundMps() + slack;
        }
        if (a instanceof Cue.Arrival x && b instanceof Cue.Fix f) {
            return arrivalMatchesFix(x, f);
        }
        if (a instanceof Cue.Fix f && b instanceof Cue.Arrival x) {
            return arrivalMatchesFix(x, f);
        }
        if (a instanceof Cue.Fix f && b instanceof Cue.Fix g) {
            Covariance2 sum = f.covariance().plus(g.covariance());
            return sum.mahalanobis2(f.x() - g.x(), f.y() - g.y()) <= config.consistencyGate();
        }
        if (a instanceof Cue.Fix f && b instanceof Cue.Bearing br) {
            return fixMatchesBearing(f, br);
        }
        if (a instanceof Cue.Bearing br && b instanceof Cue.Fix f) {
            return fixMatchesBearing(f, br);
        }
        if (a instanceof Cue.Bearing p && b instanceof Cue.Bearing q) {
            return raysMeet(p, q);
        }
        // An arrival and a bearing: light comes first, sound later, at most the acoustic window later.
        Cue.Arrival arrival = (Cue.Arrival) (a instanceof Cue.Arrival ? a : b);
        Cue sighting = a instanceof Cue.Arrival ? b : a;
        double lag = seconds(sighting, arrival);
        return lag >= -config.sightingWindow().toNanos() / 1e9 && lag <= config.acousticWindow().toNanos() / 1e9;
    }

    private boolean arrivalMatchesFix(Cue.Arrival x, Cue.Fix f) {
        double travel = Math.hypot(f.x() - x.sensorX(), f.y() - x.sensorY()) / config.speedOfSoundMps();
        double lag = seconds(f, x) - travel;
        return Math.abs(lag) <= config.sightingWindow().toNanos() / 1e9 + 3 * x.sigmaSeconds();
    }

    private boolean fixMatchesBearing(Cue.Fix f, Cue.Bearing b) {
        double dx = f.x() - b.sensorX();
        double dy = f.y() - b.sensorY();
        double rho = Math.hypot(dx, dy);
        if (rho == 0) {
            return true;
        }
        double off = CueModel.wrap(Math.atan2(dx, dy) - Math.toRadians(b.bearingDeg()));
        double across = f.covariance().varianceAlong(dy / rho, -dx / rho) / (rho * rho);
        double angular = off * off / (Math.pow(Math.toRadians(b.sigmaDeg()), 2) + across);
        if (angular > config.consistencyGate()) {
            return false;
        }
        return b.range().map(band -> {
            double along = f.covariance().varianceAlong(dx / rho, dy / rho);
            double d = rho - band.midM();
            return d * d / (band.sigmaM() * band.sigmaM() + along) <= config.consistencyGate();
        }).orElse(true);
    }

    private static boolean raysMeet(Cue.Bearing p, Cue.Bearing q) {
        double wp = 3 * p.sigmaDeg();
        double wq = 3 * q.sigmaDeg();
        for (double dp : new double[] {0, -wp, wp}) {
            for (double dq : new double[] {0, -wq, wq}) {
                if (crossInFront(p, p.bearingDeg() + dp, q, q.bearingDeg() + dq)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean crossInFront(Cue.Bearing a, double bearingA, Cue.Bearing b, double bearingB) {
        double ux = Math.sin(Math.toRadians(bearingA));
        double uy = Math.cos(Math.toRadians(bearingA));
        double vx = Math.sin(Math.toRadians(bearingB));
        double vy = Math.cos(Math.toRadians(bearingB));
        double den = ux * vy - uy * vx;
        double wx = b.sensorX() - a.sensorX();
        double wy = b.sensorY() - a.sensorY();
        if (Math.abs(den) < 1e-12) {
            // Parallel: one event only if both look the same way along one line.
            return Math.abs(wx * uy - wy * ux) < 1e-6 && ux * vx + uy * vy > 0;
        }
        double s = (wx * vy - wy * vx) / den;
        double t = (wx * uy - wy * ux) / den;
        return s > 0 && t > 0;
    }

    private static double seconds(Cue from, Cue to) {
        return Duration.between(from.time(), to.time()).toNanos() / 1e9;
    }
}
