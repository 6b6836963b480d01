package org.truce.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.truce.ground.PartyId;
import org.truce.agreement.RuleSpec;
import org.truce.agreement.Zone;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;
import org.truce.ground.uncertainty.PositionEstimate;
import org.truce.agreement.ZoneIndex;
import org.truce.rules.FireLocation.SideProbability;

/**
 * The sides of the agreement's lines, for attributing a launch: each held area with its holder, the party beyond
 * its line (the hold-positions rule's outside party) and the contested places beyond it (the rule's {@code exceptIn}
 * zones less the held area, united once so overlapping zones are not counted twice).
 *
 * <p>Probabilities integrate the launch estimate's 2-D covariance over the zones ({@link ZoneIndex#probabilityInside}
 * with a {@link PositionEstimate}), deterministically. Immutable after construction; not shared across threads.
 */
final class FireSides {
    private record Side(ZoneId heldArea, PartyId holder, Optional<PartyId> outside, Geometry contested) { }

    private final ZoneIndex zones;
    private final List<Side> sides = new ArrayList<>();

    FireSides(RuleContext ctx) {
        this.zones = ctx.zones();
        for (Zone z : ctx.agreement().zones().values()) {
            if (z.role() != ZoneRole.HELD_AREA || z.heldBy().isEmpty()) continue;
            Optional<RuleSpec.HoldPositions> hold = ctx.agreement().provisions().stream()
                    .flatMap(p -> p.versions().stream()).flatMap(v -> v.rules().stream())
                    .filter(r -> r instanceof RuleSpec.HoldPositions h && h.heldArea().equals(z.id()))
                    .map(r -> (RuleSpec.HoldPositions) r).findFirst();
            Geometry held = zones.localGeometry(z.id());
            Geometry contested = held.getFactory().createPolygon();
            for (ZoneId c : hold.map(RuleSpec.HoldPositions::exceptIn).orElse(List.of())) {
                if (zones.has(c)) contested = contested.union(zones.localGeometry(c));
            }
            sides.add(new Side(z.id(), z.heldBy().get(), hold.map(RuleSpec.HoldPositions::outsideParty),
                    polygons(contested.difference(held))));
        }
    }

    /** Where the launch probably was, one entry per held area, in agreement order. */
    List<SideProbability> probabilities(PositionEstimate launch) {
        List<SideProbability> out = new ArrayList<>();
        for (Side s : sides) {
            double in = zones.probabilityInside(s.heldArea(), launch);
            double contested = s.contested().isEmpty() ? 0 : ZoneIndex.probabilityInside(s.contested(), launch);
            // Beyond the line is the other party's side, except where other provisions let either party be.
            double beyond = Math.max(0, 1 - in - contested);
            out.add(new SideProbability(s.heldArea(), s.holder(), in, s.outside(), beyond, Math.min(contested, 1 - in)));
        }
        return out;
    }

    /**
     * The most probable party: each held area's holder with P(inside), its outside party with P(beyond); named only at
     * or above {@code threshold}. Ties keep the first in agreement order (holder before outside party).
     */
    static Attribution attribution(List<SideProbability> sides, double threshold) {
        PartyId best = null;
        double p = 0;
        for (SideProbability s : sides) {
            if (s.inside() > p) { p = s.inside(); best = s.holder(); }
            if (s.outsideParty().isPresent() && s.beyond() > p) { p = s.beyond(); best = s.outsideParty().get(); }
        }
        return best == null ? Attribution.NONE : Attribution.of(best, p, threshold);
    }

    /** The polygons of a geometry (an overlay may leave slivers of lines or points), as one polygonal geometry. */
    private static Geometry polygons(Geometry g) {
        GeometryFactory gf = g.getFactory();
        @SuppressWarnings("unchecked")
        List<Polygon> ps = PolygonExtracter.getPolygons(g);
        return ps.isEmpty() ? gf.createPolygon() : gf.createMultiPolygon(ps.toArray(Polygon[]::new));
    }
}
