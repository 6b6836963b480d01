package org.truce.server.ogc;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.truce.server.api.ProblemException;

/**
 * The {@code bbox} filter in WGS 84 lon/lat (CRS84): {@code minLon,minLat,maxLon,maxLat}, or the six-number
 * form with heights (ignored: the center's features are 2D). A box with minLon &gt; maxLon crosses the
 * antimeridian and is held as two envelopes. Immutable.
 *
 * @param parts one envelope, or two for an antimeridian-crossing box
 */
public record BoundingBox(List<Envelope> parts) {
    public BoundingBox {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException("a bounding box has at least one part");
    }

    /** True when the feature's envelope touches the box. */
    public boolean intersects(Envelope e) {
        return parts.stream().anyMatch(p -> p.intersects(e));
    }

    /** Parses a {@code bbox} value; anything malformed or out of range is a 400 problem naming {@code parameter}. */
    public static BoundingBox parse(String parameter, String raw) {
        Objects.requireNonNull(raw);
        String[] items = raw.split(",", -1);
        if (items.length != 4 && items.length != 6) {
            throw bad(parameter, raw, "it has " + items.length + " numbers, not 4 (or 6 with heights)");
        }
        double[] n = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                n[i] = Double.parseDouble(items[i].strip());
            } catch (NumberFormatException e) {
                throw bad(parameter, raw, "item " + (i + 1) + " ('" + items[i] + "') is not a number");
            }
            if (!Double.isFinite(n[i])) throw bad(parameter, raw, "item " + (i + 1) + " is not finite");
        }
        int half = items.length / 2;
        double minLon = n[0], minLat = n[1], maxLon = n[half], maxLat = n[half + 1];
        for (double lon : new double[] {minLon, maxLon}) {
            if (lon < -180 || lon > 180) throw bad(parameter, raw, "longitude " + lon + " is outside [-180, 180]");
        }
        for (double lat : new double[] {minLat, maxLat}) {
            if (lat < -90 || lat > 90) throw bad(parameter, raw, "latitude " + lat + " is outside [-90, 90]");
        }
        if (minLat > maxLat) throw bad(parameter, raw, "the lower latitude " + minLat + " is above the upper " + maxLat);
        if (minLon <= maxLon) return new BoundingBox(List.of(new Envelope(minLon, maxLon, minLat, maxLat)));
        return new BoundingBox(List.of(new Envelope(minLon, 180, minLat, maxLat), new Envelope(-180, maxLon, minLat, maxLat)));
    }

    private static ProblemException bad(String parameter, String raw, String why) {
        return ProblemException.badParameter(parameter, "parameter '" + parameter
                + "' must be minLon,minLat,maxLon,maxLat in WGS 84 degrees; got '" + raw + "': " + why);
    }
}
