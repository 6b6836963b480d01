package org.truce.ingest.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.geo.GeoPoint;

/**
 * Projects a camera's view frustum onto the ground: the four corner rays of the image are rotated into the local
 * north-east-down frame and intersected with a flat plane {@code heightM} below the camera.
 *
 * <p><b>Flat-earth assumption.</b> The ground is a horizontal plane at the height the platform reports as its
 * height above ground (MAVLink {@code relative_alt}, i.e. above the home point). Terrain relief is ignored, so in
 * the Karabakh mountains a footprint can be off by the relief difference × tan(off-nadir angle); offsets in metres
 * are turned into degrees on the local tangent plane (error below 0.1 % within 10 km). A corner ray that points at
 * or above the horizon, or meets the ground farther than {@code maxRangeM}, is clipped to {@code maxRangeM}
 * (the sensor's nominal range) so that a footprint never claims coverage beyond what the sensor can see.
 *
 * <p>Camera frame: x along the boresight, y to the right of the image, z down the image. Stateless, thread-safe.
 */
public final class CameraFootprint {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private CameraFootprint() {}

    /**
     * @param camera   the camera position
     * @param heightM  height of the camera above the (flat) ground, metres, &gt; 0
     * @param attitude rotation from the camera frame to north-east-down
     * @param hfovDeg  horizontal field of view, (0, 180)
     * @param vfovDeg  vertical field of view, (0, 180)
     * @return the closed ring (5 points), empty when the height or fields of view do not allow a projection
     */
    public static Optional<List<GeoPoint>> project(GeoPoint camera, double heightM, Quaternion attitude,
                                                   double hfovDeg, double vfovDeg, double maxRangeM) {
        if (!(heightM > 0) || !(hfovDeg > 0 && hfovDeg < 180) || !(vfovDeg > 0 && vfovDeg < 180) || !(maxRangeM > 0)) {
            return Optional.empty();
        }
        double th = Math.tan(Math.toRadians(hfovDeg / 2)), tv = Math.tan(Math.toRadians(vfovDeg / 2));
        double[][] corners = {{1, -th, -tv}, {1, th, -tv}, {1, th, tv}, {1, -th, tv}};
        List<GeoPoint> ring = new ArrayList<>(5);
        for (double[] c : corners) {
            double[] d = attitude.rotate(c);
            double north, east;
            double horizontal = Math.hypot(d[0], d[1]);
            if (d[2] > 1e-9) {
                double t = heightM / d[2];
                north = t * d[0];
                east = t * d[1];
            } else {
                north = horizontal == 0 ? 0 : d[0] / horizontal * maxRangeM;
                east = horizontal == 0 ? 0 : d[1] / horizontal * maxRangeM;
            }
            double range = Math.hypot(north, east);
            if (range > maxRangeM) {
                north *= maxRangeM / range;
                east *= maxRangeM / range;
            }
            ring.add(offset(camera, north, east));
        }
        ring.add(ring.getFirst());
        return Optional.of(List.copyOf(ring));
    }

    /** The point {@code north}, {@code east} metres from {@code origin}, on the local tangent plane. */
    public static GeoPoint offset(GeoPoint origin, double north, double east) {
        double lat = origin.lat() + Math.toDegrees(north / EARTH_RADIUS_M);
        double lon = origin.lon() + Math.toDegrees(east / (EARTH_RADIUS_M * Math.cos(Math.toRadians(origin.lat()))));
        return GeoPoint.of(Math.max(-90, Math.min(90, lat)), ((lon + 540) % 360) - 180);
    }
}
