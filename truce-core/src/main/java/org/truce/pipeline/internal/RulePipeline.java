package org.truce.pipeline.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.truce.agreement.Agreement;
import org.truce.pipeline.CenterConfig;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.Processor;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Asset;
import org.truce.sensing.AssetId;

/** Tracking → geofencing → rules → incidents. (Being built: see the rules and fusion packages.) */
public final class RulePipeline implements Processor {
    public RulePipeline(Agreement agreement, CenterConfig config, Function<AssetId, Optional<Asset>> assets) {
    }

    @Override
    public List<CenterEvent> process(AcceptedObservation observation) {
        return List.of();
    }

    @Override
    public List<CenterEvent> advanceTo(Instant now) {
        return List.of();
    }
}
