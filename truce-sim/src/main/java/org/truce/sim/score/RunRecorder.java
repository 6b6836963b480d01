package org.truce.sim.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.truce.fusion.TrackStatus;
import org.truce.pipeline.Acceptance;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.sensing.Observation;
import org.truce.sim.truth.ObservationOrigin;
import org.truce.sim.truth.OriginListener;

/**
 * Records, during a simulated run, what an evaluation needs beyond the ground truth: each accepted detection's true
 * unit, each accepted fire cue's true event, and every observation id a confirmed track ever held (the store keeps
 * only a track's latest estimate, whose evidence is bounded). Register it with both
 * {@link org.truce.sim.Simulation#observeOrigins} and {@link org.truce.pipeline.Center#addListener}.
 *
 * <p>Not thread-safe: the simulation and the center must call it from one thread (as the simulated run does).
 */
public final class RunRecorder implements OriginListener, CenterListener {
    private final Map<String, DetectionFact> detections = new LinkedHashMap<>();
    private final Map<ObservationOrigin.OfFire, List<AcceptedCue>> cues = new LinkedHashMap<>();
    private final Map<String, Set<String>> tracks = new LinkedHashMap<>();

    @Override
    public void sent(Observation observation, Acceptance acceptance, ObservationOrigin origin) {
        if (!(acceptance instanceof Acceptance.Accepted a)) return;
        String id = a.observation().id();
        switch (observation) {
            case Observation.Detection d -> detections.put(id, new DetectionFact(id, d.time(),
                    origin instanceof ObservationOrigin.OfUnit u ? Optional.of(u.unit()) : Optional.empty()));
            case Observation.FireCue f -> {
                if (origin instanceof ObservationOrigin.OfFire fire) {
                    cues.computeIfAbsent(fire, k -> new ArrayList<>()).add(new AcceptedCue(id, f));
                }
            }
            default -> { }
        }
    }

    @Override
    public void on(CenterEvent event) {
        // A tentative track is not published, so only confirmed ones (and their later records) are scored.
        if (event instanceof CenterEvent.TrackUpdated t
                && (t.track().status() == TrackStatus.CONFIRMED || tracks.containsKey(t.track().id()))) {
            Set<String> held = tracks.computeIfAbsent(t.track().id(), k -> new LinkedHashSet<>());
            // The evidence is a sliding window, oldest first, and every earlier window of this track was recorded
            // whole: ids before one already held were held too. Adding from the newest back to the first known id
            // keeps this listener from re-hashing the whole window on every update (it was a tenth of a run's CPU).
            List<String> evidence = t.track().evidence();
            int from = evidence.size();
            while (from > 0 && !held.contains(evidence.get(from - 1))) from--;
            held.addAll(evidence.subList(from, evidence.size()));
        }
    }

    /** Accepted detections with their truth, by observation id. */
    public Map<String, DetectionFact> detections() {
        return Collections.unmodifiableMap(detections);
    }

    /** Accepted fire cues by the true event they report (false cues are left out). */
    public Map<ObservationOrigin.OfFire, List<AcceptedCue>> fireCues() {
        return Collections.unmodifiableMap(cues);
    }

    /** Every observation id each confirmed track held, by track id. */
    public Map<String, Set<String>> confirmedTracks() {
        return Collections.unmodifiableMap(tracks);
    }
}
