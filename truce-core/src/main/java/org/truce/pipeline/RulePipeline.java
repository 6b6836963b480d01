package org.truce.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.truce.agreement.Agreement;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.fusion.TrackerConfig;
import org.truce.fusion.tracking.MultiSensorTracker;
import org.truce.agreement.ZoneIndex;
import org.truce.rules.IncidentBook;
import org.truce.rules.IncidentChange;
import org.truce.rules.RuleContext;
import org.truce.rules.RuleEvaluator;
import org.truce.rules.RuleEvaluators;
import org.truce.rules.Violation;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;
import org.truce.topology.Stage;

/**
 * Tracking → geofencing → rules → incidents, the center's default {@link Processor}.
 *
 * <p>Detections feed the {@link MultiSensorTracker}; every new track estimate, fix and fire cue goes to every rule
 * evaluator (one per rule of every provision version); a violation counts only if its provision version is in
 * force at the violation's time; the {@link IncidentBook} turns violations into growing incidents.
 *
 * <p>Event order, per call: the confirmed track's {@code TrackUpdated}, then {@code IncidentChanged} records in
 * evaluator order (provision, version, rule as in the agreement). {@link #advanceTo} first lets evaluators see the
 * live tracks (deadlines passing), then reports confirmed tracks that left the live picture (status DELETED; the
 * tracker may re-acquire one later under the same id, which is then published again once re-confirmed and is new to
 * the evaluators, who forgot it), then closes idle incidents; it never
 * goes back in time, and {@link #process} first advances to the observation's acceptance instant, so a replay of
 * the accepted-input log yields the same tracks and incidents as the live run whatever its clock ticks were.
 * <p>A {@link Stage} of the center's topology ({@value #NAME}): {@link #snapshot()} is a deep, immutable copy of
 * tracker, evaluators and book, keyed by track, rule subject and incident; restored into a pipeline built for the
 * same agreement and config it continues exactly as the original would. Not thread-safe.
 */
public final class RulePipeline implements Processor, Stage<RulePipeline.State, CenterEvent> {
    /** This stage's name in a topology snapshot. */
    public static final String NAME = "rules";

    /**
     * The whole state of tracking and rules: the tracker's, the latest estimate of each live track (in creation
     * order), the ids of tracks published as confirmed, how far time was advanced, each evaluator's state (in
     * evaluator order) and the incident book's. Immutable (every part is).
     */
    public record State(MultiSensorTracker.Snapshot tracker, List<Track> live, Set<String> confirmed,
                        Optional<Instant> advanced, List<RuleEvaluator.State> evaluators, IncidentBook.Snapshot book) {
        public State {
            Objects.requireNonNull(tracker, "tracker");
            Objects.requireNonNull(book, "book");
            live = List.copyOf(live);
            confirmed = Set.copyOf(confirmed);
            Objects.requireNonNull(advanced, "advanced");
            evaluators = List.copyOf(evaluators);
        }
    }

    private final Function<AssetId, Optional<Asset>> assets;
    private final MultiSensorTracker tracker;
    private final List<RuleEvaluator> evaluators;
    private final IncidentBook book;
    private final Set<String> confirmed = new HashSet<>();
    /** Latest estimate of every live track, in creation order (the tracker's own list is rebuilt on each call). */
    private final Map<String, Track> live = new LinkedHashMap<>();
    private Instant advanced;

    public RulePipeline(Agreement agreement, CenterConfig config, Function<AssetId, Optional<Asset>> assets) {
        this(agreement, config, assets, TrackerConfig.defaults());
    }


    public RulePipeline(Agreement agreement, CenterConfig config, Function<AssetId, Optional<Asset>> assets,
                        TrackerConfig trackerConfig) {
        this.assets = Objects.requireNonNull(assets);
        ZoneIndex zones = new ZoneIndex(agreement);
        this.tracker = new MultiSensorTracker(zones.projection(), trackerConfig);
        this.evaluators = RuleEvaluators.forAgreement(
                new RuleContext(agreement, zones, config.attributionConfidence(), trackerConfig.maxCoast()));
        this.book = new IncidentBook(config.incidentIdleClose());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public State snapshot() {
        return new State(tracker.snapshot(), List.copyOf(live.values()), confirmed, Optional.ofNullable(advanced),
                evaluators.stream().map(RuleEvaluator::snapshot).toList(), book.snapshot());
    }

    @Override
    public void restore(State s) {
        Objects.requireNonNull(s, "snapshot");
        if (s.evaluators().size() != evaluators.size()) {
            throw new IllegalArgumentException("snapshot of " + s.evaluators().size() + " rule evaluators does not fit "
                    + evaluators.size() + ": taken with another agreement");
        }
        tracker.restore(s.tracker());
        live.clear();
        for (Track t : s.live()) live.put(t.id(), t);
        confirmed.clear();
        confirmed.addAll(s.confirmed());
        advanced = s.advanced().orElse(null);
        for (int i = 0; i < evaluators.size(); i++) evaluators.get(i).restore(s.evaluators().get(i));
        book.restore(s.book());
    }

    @Override
    public List<CenterEvent> process(AcceptedObservation accepted) {
        // Time-driven logic first runs up to the acceptance instant, which the log records: a replay of the log
        // without clock ticks then makes the same decisions as the live run, whose ticks fell in between.
        List<CenterEvent> events = new ArrayList<>(advanceTo(accepted.received()));
        String id = accepted.id();
        switch (accepted.observation()) {
            case Observation.Detection d -> {
                Track t = tracker.update(id, d);
                live.put(t.id(), t);
                if (t.status() == TrackStatus.CONFIRMED) {
                    confirmed.add(t.id());
                    events.add(new CenterEvent.TrackUpdated(t));
                }
                for (RuleEvaluator e : evaluators) record(e.onTrack(t, id), events);
            }
            case Observation.PlatformFix f -> {
                Optional<Asset> asset = assets.apply(f.asset());
                if (asset.isPresent()) {
                    for (RuleEvaluator e : evaluators) record(e.onFix(f, asset.get(), id), events);
                }
            }
            case Observation.FireCue c -> {
                Optional<Asset> asset = assets.apply(c.asset());
                for (RuleEvaluator e : evaluators) record(e.onFireCue(c, asset, id), events);
            }
            case Observation.Footprint ignored -> { }
        }
        return events;
    }

    @Override
    public List<CenterEvent> advanceTo(Instant now) {
        if (advanced != null && !now.isAfter(advanced)) return List.of();
        advanced = now;
        List<CenterEvent> events = new ArrayList<>();
        List<Track> current = List.copyOf(live.values());
        for (RuleEvaluator e : evaluators) record(e.advanceTo(now, current), events);
        for (Track gone : tracker.advanceTo(now)) {
            live.remove(gone.id());
            for (RuleEvaluator e : evaluators) e.forgetTrack(gone.id());
            if (confirmed.remove(gone.id())) events.add(new CenterEvent.TrackUpdated(gone));
        }
        for (IncidentChange c : book.closeIdle(now)) events.add(new CenterEvent.IncidentChanged(c.incident(), c.opened()));
        return events;
    }

    private void record(List<Violation> violations, List<CenterEvent> events) {
        for (Violation v : violations) {
            if (!v.binding().inForceAt(v.time())) continue;
            for (IncidentChange c : book.record(v)) {
                events.add(new CenterEvent.IncidentChanged(c.incident(), c.opened()));
            }
        }
    }
}
