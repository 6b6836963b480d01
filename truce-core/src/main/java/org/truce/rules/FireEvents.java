package org.truce.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.truce.fusion.locate.BearingBand;
import org.truce.fusion.locate.Cue;
import org.truce.fusion.locate.CueGrouper;
import org.truce.fusion.locate.EventLocator;
import org.truce.fusion.locate.FireCues;
import org.truce.fusion.locate.LocationResult;
import org.truce.fusion.locate.LocatorConfig;
import org.truce.ground.uncertainty.ErrorEllipse;
import org.truce.ground.uncertainty.PositionEstimate;
import org.truce.geo.GeoPoint;
import org.truce.agreement.ZoneIndex;
import org.truce.rules.FireLocation.Method;
import org.truce.rules.FireLocation.SideProbability;
import org.truce.sensing.Asset;
import org.truce.sensing.FireKind;
import org.truce.sensing.Observation.FireCue;

/**
 * The fire events of the cease-fire rule, built cue by cue (package-private helper of {@link CeaseFireEvaluator}).
 *
 * <p>Two levels. A <em>shot</em> is one event (a launch, an impact): each new cue is grouped with the cues of the last
 * {@link LocatorConfig#acousticWindow()} + {@link LocatorConfig#sightingWindow()} by {@link CueGrouper}, joins the
 * shot of the earliest other cue of its group (or starts one), and the shot's cues are located together by
 * {@link EventLocator}. When they do not solve (too few, ill-conditioned, inconsistent, ambiguous), the shot is placed
 * by its best single cue that places itself — a sensor's own fix, or a bearing-and-distance-band report's geometry
 * ({@link BearingBand}) — and otherwise stays "not located": its place is the reporting sensors' centroid and its
 * uncertainty their range, never an invented point. An <em>episode</em> (the incident's subject) holds the shots
 * inside the theater within {@link CeaseFireEvaluator#CLUSTER_TIME} of its last cue and
 * {@link CeaseFireEvaluator#CLUSTER_DISTANCE_M} of one of its shots: a barrage from one place is one incident.
 *
 * <p>An episode is raised once it holds {@link CeaseFireEvaluator#MIN_CUES} cues. It shows its best-located launch
 * (smallest 95 % ellipse), else its best-placed shot, and attributes from that launch only; a launch of another shot
 * that names another party at the threshold makes it undetermined.
 *
 * <p>Not thread-safe; deterministic for a given call sequence.
 */
final class FireEvents {
    /**
     * A raised episode: its key, the cues not yet reported (in arrival order), how many cues it holds in all, and
     * what it now says.
     */
    record Raised(String key, List<Reported> cues, int totalCues, FireLocation location, Attribution attribution) { }

    /** One cue of a raised episode. */
    record Reported(Instant time, String observationId) { }

    private static final class Entry {
        final Cue cue;
        final FireKind kind;
        final String observationId;
        final Coordinate sensor;
        final double rangeM;
        Shot shot;

        Entry(Cue cue, FireKind kind, String observationId, Coordinate sensor, double rangeM) {
            this.cue = cue;
            this.kind = kind;
            this.observationId = observationId;
            this.sensor = sensor;
            this.rangeM = rangeM;
        }
    }

    /** Where a set of cues places an event; {@code estimate} is empty when not located. */
    private record Placement(Method method, Optional<PositionEstimate> estimate, Coordinate at, double uncertaintyM,
                             Optional<String> note) { }

    private static final class Shot {
        final List<Entry> entries = new ArrayList<>();
        Placement placement;
        FireKind kind;
        Optional<Placement> launch = Optional.empty();
        List<SideProbability> sides = List.of();
        Episode episode;
    }

    private static final class Episode {
        final String key;
        final List<Shot> shots = new ArrayList<>();
        final List<Entry> pending = new ArrayList<>();
        Instant last;
        int cues;
        /** Reported as an incident: from then on it is never merged away. */
        boolean raised;

        Episode(String key) {
            this.key = key;
        }
    }

    private final RuleContext ctx;
    private final LocatorConfig config;
    private final CueGrouper grouper;
    private final EventLocator locator;
    private final FireSides sides;
    private final Duration horizon;
    private final List<Entry> recent = new ArrayList<>();
    private final List<Episode> episodes = new ArrayList<>();
    private Instant newest;

    FireEvents(RuleContext ctx) {
        this.ctx = ctx;
        this.config = ctx.locator();
        this.grouper = new CueGrouper(config);
        this.locator = new EventLocator(config);
        this.sides = new FireSides(ctx);
        this.horizon = config.acousticWindow().plus(config.sightingWindow());
    }

    /**
     * The fire events' whole state: the cues of the grouping window, the shots and the open episodes, with their
     * links. Immutable: a private deep copy (one copy per cue, shot and episode, links kept) that nothing mutates;
     * {@link #restore} copies it again. Keyed by episode ({@code fire:<first observation>}).
     */
    static final class Snapshot {
        private final List<Entry> recent;
        private final List<Episode> episodes;
        private final Instant newest;

        private Snapshot(List<Entry> recent, List<Episode> episodes, Instant newest) {
            Copier c = new Copier();
            this.recent = recent.stream().map(c::entry).toList();
            this.episodes = episodes.stream().map(c::episode).toList();
            this.newest = newest;
        }
    }

    Snapshot snapshot() {
        return new Snapshot(recent, episodes, newest);
    }

    void restore(Snapshot s) {
        Copier c = new Copier();
        recent.clear();
        s.recent.forEach(e -> recent.add(c.entry(e)));
        episodes.clear();
        s.episodes.forEach(e -> episodes.add(c.episode(e)));
        newest = s.newest;
    }

    /**
     * Copies the cue–shot–episode graph keeping its shape: an object reached twice (a shot from its cues and from its
     * episode) is copied once. Cues, placements and side probabilities are immutable and shared.
     */
    private static final class Copier {
        private final Map<Entry, Entry> entries = new java.util.IdentityHashMap<>();
        private final Map<Shot, Shot> shots = new java.util.IdentityHashMap<>();
        private final Map<Episode, Episode> episodes = new java.util.IdentityHashMap<>();

        Entry entry(Entry e) {
            Entry done = entries.get(e);
            if (done != null) return done;
            Entry c = new Entry(e.cue, e.kind, e.observationId, e.sensor, e.rangeM);
            entries.put(e, c);
            c.shot = e.shot == null ? null : shot(e.shot);
            return c;
        }

        Shot shot(Shot s) {
            Shot done = shots.get(s);
            if (done != null) return done;
            Shot c = new Shot();
            shots.put(s, c);
            c.placement = s.placement;
            c.kind = s.kind;
            c.launch = s.launch;
            c.sides = s.sides;
            c.episode = s.episode == null ? null : episode(s.episode);
            for (Entry e : s.entries) c.entries.add(entry(e));
            return c;
        }

        Episode episode(Episode ep) {
            Episode done = episodes.get(ep);
            if (done != null) return done;
            Episode c = new Episode(ep.key);
            episodes.put(ep, c);
            c.last = ep.last;
            c.cues = ep.cues;
            c.raised = ep.raised;
            for (Shot s : ep.shots) c.shots.add(shot(s));
            for (Entry e : ep.pending) c.pending.add(entry(e));
            return c;
        }
    }

    /**
     * Adds one cue. Empty when the cue cannot be used (a bearing without a sensor position), when its event is not
     * (yet) placed inside {@code theater}, or when its episode is not yet corroborated.
     */
    Optional<Raised> add(FireCue fc, Optional<Asset> asset, String observationId, org.truce.ground.ZoneId theater) {
        Optional<Entry> made = entry(fc, asset, observationId);
        if (made.isEmpty()) return Optional.empty();
        Entry entry = made.get();
        Instant t = fc.time();
        newest = newest == null || t.isAfter(newest) ? t : newest;
        recent.removeIf(e -> e.cue.time().plus(horizon).isBefore(newest));
        episodes.removeIf(ep -> ep.last.plus(CeaseFireEvaluator.CLUSTER_TIME).plus(horizon).isBefore(newest));
        recent.add(entry);

        Shot shot = shotOf(entry);
        shot.entries.add(entry);
        entry.shot = shot;
        if (shot.episode != null) join(shot.episode, entry);
        place(shot);

        Episode episode = shot.episode;
        if (episode == null) {
            if (!ctx.zones().contains(theater, shot.placement.at())) return Optional.empty();
            episode = episodeFor(shot, t);
            episode.shots.add(shot);
            shot.episode = episode;
            for (Entry e : shot.entries) join(episode, e);
        }
        if (episode.cues < CeaseFireEvaluator.MIN_CUES) return Optional.empty();
        episode.raised = true;
        List<Reported> out = episode.pending.stream()
                .map(e -> new Reported(e.cue.time(), e.observationId)).toList();
        episode.pending.clear();
        Shot shown = shown(episode);
        Attribution a = attribution(episode);
        return Optional.of(new Raised(episode.key, out, episode.cues, location(episode, shown), a));
    }

    private void join(Episode episode, Entry e) {
        episode.pending.add(e);
        episode.cues++;
        if (episode.last == null || e.cue.time().isAfter(episode.last)) episode.last = e.cue.time();
    }

    /**
     * The shot of the cues grouped with this one, or a new shot. When the group spans several shots (the third arrival
     * that lets two lone ones be located), they become one: the shot of a raised episode, else of any episode, else
     * the earliest, absorbs the others, except those of another raised episode, whose incident stands.
     */
    private Shot shotOf(Entry entry) {
        Map<String, Entry> byId = new HashMap<>();
        for (Entry e : recent) byId.put(e.cue.id(), e);
        List<Shot> shots = new ArrayList<>();
        for (List<Cue> group : grouper.group(recent.stream().map(e -> e.cue).toList())) {
            if (group.stream().noneMatch(c -> c.id().equals(entry.cue.id()))) continue;
            for (Cue c : group) {
                Shot s = byId.get(c.id()).shot;
                if (s != null && !shots.contains(s)) shots.add(s);
            }
        }
        if (shots.isEmpty()) return new Shot();
        Shot target = shots.stream().filter(s -> s.episode != null && s.episode.raised).findFirst()
                .or(() -> shots.stream().filter(s -> s.episode != null).findFirst()).orElse(shots.getFirst());
        for (Shot s : shots) {
            if (s == target || (s.episode != null && s.episode.raised && s.episode != target.episode)) continue;
            merge(s, target);
        }
        return target;
    }

    /** Moves the shot's cues into {@code target}; an unraised episode left empty is dropped. */
    private void merge(Shot s, Shot target) {
        Episode from = s.episode;
        if (from != null && from != target.episode) {
            from.shots.remove(s);
            from.pending.removeAll(s.entries);
            from.cues -= s.entries.size();
            if (from.shots.isEmpty()) episodes.remove(from);
        }
        for (Entry e : s.entries) {
            e.shot = target;
            target.entries.add(e);
            if (target.episode != null && from != target.episode) join(target.episode, e);
        }
        if (target.episode != null) target.episode.shots.remove(s);
        place(target);
    }

    /** An open episode within the cluster time and distance of the shot, nearest first, else a new one. */
    private Episode episodeFor(Shot shot, Instant t) {
        Episode best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Episode ep : episodes) {
            if (ep.last.plus(CeaseFireEvaluator.CLUSTER_TIME).isBefore(t)) continue;
            for (Shot s : ep.shots) {
                // A shot not located stands at its sensors, which says nothing about where it was: no proximity.
                if (s.placement.estimate().isEmpty() || shot.placement.estimate().isEmpty()) continue;
                double d = s.placement.at().distance(shot.placement.at());
                if (d <= CeaseFireEvaluator.CLUSTER_DISTANCE_M && d < bestDistance) {
                    bestDistance = d;
                    best = ep;
                }
            }
        }
        if (best != null) return best;
        Episode ep = new Episode("fire:" + shot.entries.getFirst().observationId);
        episodes.add(ep);
        return ep;
    }

    private void place(Shot shot) {
        shot.placement = placement(shot.entries);
        Set<FireKind> kinds = EnumSet.noneOf(FireKind.class);
        for (Entry e : shot.entries) if (e.kind != FireKind.UNDETERMINED) kinds.add(e.kind);
        shot.kind = kinds.size() == 1 ? kinds.iterator().next() : FireKind.UNDETERMINED;
        shot.launch = Optional.empty();
        if (kinds.contains(FireKind.LAUNCH)) {
            // Mixed reports: the launch is what the launch reports alone say, when they place it.
            Placement p = kinds.size() == 1 ? shot.placement
                    : placement(shot.entries.stream().filter(e -> e.kind == FireKind.LAUNCH).toList());
            if (p.estimate().isPresent()) shot.launch = Optional.of(p);
        }
        shot.sides = shot.launch.flatMap(Placement::estimate).map(sides::probabilities).orElse(List.of());
    }

    private Placement placement(List<Entry> entries) {
        List<Cue> cues = entries.stream().map(e -> e.cue).toList();
        LocationResult r = locator.locate(cues);
        if (r instanceof LocationResult.Located l) {
            PositionEstimate p = l.event().position();
            return new Placement(Method.LOCATED, Optional.of(p), new Coordinate(p.x(), p.y()),
                    p.ellipse95().semiMajorM(), Optional.empty());
        }
        LocationResult.Rejected rejected = (LocationResult.Rejected) r;
        Optional<String> note = Optional.of(rejected.reason() + ": " + rejected.detail());
        Placement best = null;
        for (Cue c : cues) {
            Placement p = switch (c) {
                case Cue.Fix f -> single(Method.SINGLE_FIX, new PositionEstimate(f.x(), f.y(), f.covariance()), note);
                case Cue.Bearing b when b.range().isPresent() -> single(Method.BEARING_BAND, BearingBand.position(
                        b.sensorX(), b.sensorY(), b.bearingDeg(), b.sigmaDeg(), b.range().get()), note);
                default -> null;
            };
            if (p != null && (best == null || p.estimate().get().covariance().determinant()
                    < best.estimate().get().covariance().determinant())) {
                best = p;
            }
        }
        if (best != null) return best;
        double x = 0, y = 0;
        for (Entry e : entries) {
            x += e.sensor.x;
            y += e.sensor.y;
        }
        Coordinate centroid = new Coordinate(x / entries.size(), y / entries.size());
        // The event was within some sensor's reach: the farthest reach from the centroid bounds it.
        double reach = 0;
        for (Entry e : entries) reach = Math.max(reach, e.rangeM + e.sensor.distance(centroid));
        return new Placement(Method.NOT_LOCATED, Optional.empty(), centroid, reach, note);
    }

    private static Placement single(Method method, PositionEstimate p, Optional<String> note) {
        return new Placement(method, Optional.of(p), new Coordinate(p.x(), p.y()), p.ellipse95().semiMajorM(), note);
    }

    /** The best-located launch (smallest ellipse), else the best-placed shot, else the latest shot. */
    private static Shot shown(Episode episode) {
        Shot best = null;
        for (Shot s : episode.shots) {
            if (s.launch.isPresent() && (best == null || best.launch.isEmpty()
                    || area(s.launch.get()) < area(best.launch.get()))) {
                best = s;
            }
        }
        if (best != null) return best;
        for (Shot s : episode.shots) {
            if (s.placement.estimate().isPresent() && (best == null || rank(s.placement) < rank(best.placement)
                    || (rank(s.placement) == rank(best.placement) && area(s.placement) < area(best.placement)))) {
                best = s;
            }
        }
        return best != null ? best : episode.shots.getLast();
    }

    private static int rank(Placement p) {
        return p.method().ordinal();
    }

    private static double area(Placement p) {
        return p.estimate().map(e -> e.covariance().determinant()).orElse(Double.POSITIVE_INFINITY);
    }

    /** From the shown launch; undetermined when another launch of the episode names another party. */
    private Attribution attribution(Episode episode) {
        Shot shown = shown(episode);
        if (shown.launch.isEmpty()) return Attribution.NONE;
        double threshold = ctx.attributionConfidence();
        Attribution a = FireSides.attribution(shown.sides, threshold);
        for (Shot s : episode.shots) {
            if (s == shown || s.launch.isEmpty()) continue;
            Attribution other = FireSides.attribution(s.sides, threshold);
            if (other.party().isPresent() && !other.party().equals(a.party())) {
                return new Attribution(Optional.empty(), a.confidence());
            }
        }
        return a;
    }

    private FireLocation location(Episode episode, Shot shown) {
        Placement p = shown.launch.orElse(shown.placement);
        Map<String, Integer> kinds = new TreeMap<>();
        List<Entry> entries = shown.launch.isPresent() && shown.kind != FireKind.LAUNCH
                ? shown.entries.stream().filter(e -> e.kind == FireKind.LAUNCH).toList() : shown.entries;
        for (Entry e : entries) kinds.merge(kindOf(e.cue), 1, Integer::sum);
        List<String> evidence = entries.stream().sorted(java.util.Comparator.comparing((Entry e) -> e.cue.time())
                .thenComparing(e -> e.observationId)).map(e -> e.observationId).toList();
        Optional<FireLocation.Launch> launch = shown.launch.map(l -> new FireLocation.Launch(l.method(),
                ctx.zones().toGeo(l.at()), trueNorth(l.estimate().get()), shown.sides));
        FireKind kind = shown.launch.isPresent() ? FireKind.LAUNCH : shown.kind;
        return new FireLocation(p.method(), kind, ctx.zones().toGeo(p.at()), p.estimate().map(this::trueNorth),
                p.uncertaintyM(), entries.size(), kinds, evidence, episode.shots.size(), launch, p.note());
    }

    /** The 95 % ellipse with its orientation turned from grid north to true north at the estimate. */
    private ErrorEllipse trueNorth(PositionEstimate p) {
        ErrorEllipse grid = p.ellipse95();
        double convergence = ctx.zones().projection().convergenceDeg(ctx.zones().toGeo(new Coordinate(p.x(), p.y())));
        double azimuth = ((grid.orientationDeg() - convergence) % 180 + 180) % 180;
        return new ErrorEllipse(grid.semiMajorM(), grid.semiMinorM(), azimuth, grid.probability());
    }

    private static String kindOf(Cue c) {
        return switch (c) {
            case Cue.Arrival a -> "arrival";
            case Cue.Bearing b -> b.range().isPresent() ? "bearingBand" : "bearing";
            case Cue.Fix f -> "fix";
        };
    }

    /**
     * The cue in local metres: a fix when it carries a position (a CEP of 0 is read as 1 m: no sensor is exact), a
     * bearing (with its band) from the sensor's position or else the asset's site, or — with neither position nor
     * bearing — the time the sound reached the sensor, with {@link LocatorConfig#arrivalSigmaSeconds()}.
     */
    private Optional<Entry> entry(FireCue fc, Optional<Asset> asset, String id) {
        Optional<GeoPoint> sensor = fc.sensorPosition().or(() -> asset.flatMap(Asset::site));
        // How far the sensor reaches, for an event it cannot place: its registered range, else the reported band's
        // far edge, else the locator's largest acceptable error.
        double range = asset.map(a -> a.sensor().rangeM())
                .orElse(fc.rangeMaxM() > 0 ? fc.rangeMaxM() : config.maxErrorM());
        ZoneIndex zones = ctx.zones();
        FireCue cue = new FireCue(fc.asset(), fc.time(), fc.fireKind(), fc.position(), fc.position().isPresent()
                ? Math.max(1, fc.cepM()) : fc.cepM(), fc.bearingDeg(), fc.bearingSigmaDeg(), fc.rangeMinM(),
                fc.rangeMaxM(), sensor);
        Optional<Cue> made = fc.position().isPresent() || fc.bearingDeg().isPresent()
                ? FireCues.sighting(id, cue, zones.projection())
                : FireCues.arrival(id, cue, zones.projection(), config.arrivalSigmaSeconds());
        if (made.isEmpty()) return Optional.empty();
        Coordinate at = sensor.map(zones::toLocal).orElseGet(() -> zones.toLocal(fc.position().orElseThrow()));
        return Optional.of(new Entry(made.get(), fc.fireKind(), id, at, range));
    }
}
