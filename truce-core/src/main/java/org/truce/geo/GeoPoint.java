package org.truce.geo;

/**
 * A WGS 84 position in decimal degrees. Always finite and in range; construction refuses anything else.
 */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude out of range [-90, 90]: " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude out of range [-180, 180]: " + lon);
        }
    }

    public static GeoPoint of(double lat, double lon) {
        return new GeoPoint(lat, lon);
    }
}
