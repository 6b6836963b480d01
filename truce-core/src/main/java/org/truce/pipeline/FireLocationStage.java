package org.truce.pipeline;

import org.truce.topology.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.truce.agreement.Agreement;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;
import org.truce.agreement.ZoneIndex;
import org.truce.rules.FireEventLocator;
import org.truce.rules.LocatedFireEvent;
import org.truce.rules.RuleContext;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.sensing.Observation;

/**
 * The fire-event location stage: every fire cue of the log goes to a {@link FireEventLocator} over the agreement's
 * theater, which emits {@link LocatedFireEvent}s — fire events as facts of their own, whatever provision is in force.
 * State is keyed by event ({@code fire:<first observation>}) and holds only the cues of the grouping window. Time
 * passes with the cues, so {@link #advanceTo} has nothing to do.
 *
 * <p>The cease-fire evaluator of the rules stage still locates for itself with the same code (so its incidents and
 * figures are unchanged); the step after this makes it consume this stage's events instead (docs/pipeline.md).
 * Not thread-safe.
 */
public final class FireLocationStage implements Stage<FireEventLocator.Snapshot, LocatedFireEvent> {
    /** This stage's name in a topology snapshot. */
    public static final String NAME = "fire-location";

    private final FireEventLocator locator;
    private final Function<AssetId, Optional<Asset>> assets;

    /**
     * @throws IllegalArgumentException when the agreement has no {@link ZoneRole#THEATER} zone
     */
    public FireLocationStage(Agreement agreement, CenterConfig config, Function<AssetId, Optional<Asset>> assets) {
        this.assets = Objects.requireNonNull(assets, "assets");
        ZoneId theater = agreement.zones().values().stream().filter(z -> z.role() == ZoneRole.THEATER)
                .map(z -> z.id()).sorted(java.util.Comparator.comparing(ZoneId::value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the agreement has no theater zone to locate fire in"));
        ZoneIndex zones = new ZoneIndex(agreement);
        this.locator = new FireEventLocator(new RuleContext(agreement, zones, config.attributionConfidence(),
                org.truce.fusion.TrackerConfig.defaults().maxCoast()), theater);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<LocatedFireEvent> process(AcceptedObservation observation) {
        if (!(observation.observation() instanceof Observation.FireCue cue)) return List.of();
        return locator.add(cue, assets.apply(cue.asset()), observation.id()).stream().toList();
    }

    @Override
    public List<LocatedFireEvent> advanceTo(Instant now) {
        return List.of();
    }

    @Override
    public FireEventLocator.Snapshot snapshot() {
        return locator.snapshot();
    }

    @Override
    public void restore(FireEventLocator.Snapshot snapshot) {
        locator.restore(snapshot);
    }
}
