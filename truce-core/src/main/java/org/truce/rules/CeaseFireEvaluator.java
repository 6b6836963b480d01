package org.truce.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.truce.agreement.RuleSpec.CeaseFire;
import org.truce.agreement.ZoneIndex;
import org.truce.sensing.Asset;
import org.truce.sensing.Observation.FireCue;

/**
 * cease-fire: any fire event placed inside the theater at or after {@code from}.
 *
 * <p>Location ({@link FireEvents}): the cues of one event — acoustic arrivals (TDOA), bearings from drones, cameras
 * and posts, bearing-and-distance-band reports, sensors' own fixes — are grouped by {@link
 * org.truce.fusion.locate.CueGrouper} and solved together by {@link org.truce.fusion.locate.EventLocator}, which gives
 * the position with its covariance and 95 % error ellipse. When they do not solve, the event falls back to its best
 * single fix or band report, and otherwise is "not located" (placed at the sensors, uncertain by their range). Events
 * placed inside the theater within {@link #CLUSTER_TIME} and {@link #CLUSTER_DISTANCE_M} of each other are one
 * incident (subject {@code fire:<first observation>}). An incident needs {@link #MIN_CUES} cues (two sensors, or two
 * reports) before it is raised: a single uncorroborated cue — the typical false alarm of an acoustic array — stays in
 * the log as an observation but is not raised; once corroborated, the incident carries every cue.
 *
 * <p>Attribution: from the best-located LAUNCH only. For each held area, the probability that the launch was inside
 * (the launch covariance integrated over the zone) speaks for its holder, the probability of being beyond the line
 * and outside the hold-positions rule's {@code exceptIn} places, where either party may be, for the outside party; the
 * most probable party is named if it reaches the attribution confidence. The incident records all three
 * probabilities ({@link FireLocation.SideProbability}).
 *
 * <p>Not thread-safe; deterministic for a given call sequence.
 */
final class CeaseFireEvaluator implements RuleEvaluator {
    static final Duration CLUSTER_TIME = Duration.ofMinutes(2);
    static final double CLUSTER_DISTANCE_M = 3000;
    static final int MIN_CUES = 2;

    private final RuleBinding binding;
    private final CeaseFire rule;
    private final FireEvents events;

    CeaseFireEvaluator(RuleBinding binding, RuleContext ctx) {
        this.binding = binding;
        this.rule = (CeaseFire) binding.rule();
        this.events = new FireEvents(ctx);
    }

    @Override
    public RuleBinding binding() {
        return binding;
    }

    @Override
    public List<Violation> onFireCue(FireCue cue, Optional<Asset> asset, String observationId) {
        if (cue.time().isBefore(rule.from())) return List.of();
        Optional<FireEvents.Raised> raised = events.add(cue, asset, observationId, rule.theater());
        if (raised.isEmpty()) return List.of();
        FireEvents.Raised r = raised.get();
        FireLocation where = r.location();
        Attribution a = r.attribution();
        String text = String.format(Locale.ROOT, "fire event (%d cues) inside %s, attributed to %s; %s",
                r.totalCues(), rule.theater(), a.label(), describe(where));
        double sigma = where.uncertaintyM() / ZoneIndex.R95_PER_SIGMA;
        List<Violation> out = new ArrayList<>();
        for (FireEvents.Reported c : r.cues()) {
            out.add(new Violation(binding, r.key(), c.time(), where.position(), sigma, a.party(), a.confidence(), text,
                    c.observationId(), false, Optional.of(where)));
        }
        return out;
    }

    /** The fire events: cues of the grouping window, shots and episodes (an immutable copy, see {@link FireEvents}). */
    private record Snapshot(FireEvents.Snapshot events) implements State { }

    @Override
    public State snapshot() {
        return new Snapshot(events.snapshot());
    }

    @Override
    public void restore(State state) {
        events.restore(RuleEvaluator.expect(Snapshot.class, state, binding).events());
    }

    /** "launch located ±208 m from 2 cues (2 bearingBand)", for the summary. */
    private static String describe(FireLocation f) {
        String what = f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String how = switch (f.method()) {
            case LOCATED -> String.format(Locale.ROOT, "located ±%.0f m", f.uncertaintyM());
            case SINGLE_FIX -> String.format(Locale.ROOT, "placed by one sensor's fix ±%.0f m", f.uncertaintyM());
            case BEARING_BAND -> String.format(Locale.ROOT, "placed by one bearing band ±%.0f m", f.uncertaintyM());
            case NOT_LOCATED -> String.format(Locale.ROOT, "not located, within %.0f m of the sensors", f.uncertaintyM());
        };
        StringBuilder kinds = new StringBuilder();
        f.cueKinds().forEach((k, n) -> kinds.append(kinds.isEmpty() ? "" : ", ").append(n).append(' ').append(k));
        return String.format(Locale.ROOT, "%s %s from %d cue%s (%s)", what, how, f.cues(), f.cues() == 1 ? "" : "s",
                kinds);
    }
}
