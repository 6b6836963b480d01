package org.truce.sim.truth;

import java.util.List;
import java.util.Objects;

/**
 * The true history of one unit or asset.
 *
 * @param id       unit id ({@code U-<party>-<n>}) or asset id
 * @param owner    the party (units) or contingent (assets)
 * @param type     object class of a unit, or asset kind
 * @param role     the unit's role in the scenario (HOLDING, MOVING, WITHDRAWING, POST, PATROL, VIOLATOR) or ASSET
 * @param samples  positions at the truth sample interval, oldest first
 */
public record EntityTruth(String id, String owner, String type, String role, List<PositionSample> samples) {
    public EntityTruth {
        Objects.requireNonNull(id); Objects.requireNonNull(owner); Objects.requireNonNull(type);
        Objects.requireNonNull(role);
        samples = List.copyOf(samples);
    }
}
