package org.truce.sensing;

/**
 * What an asset's sensor can do, from the asset registry.
 *
 * @param rangeM          nominal detection range in metres (ground range for cameras and posts, acoustic range for arrays)
 * @param hfovDeg         horizontal field of view of the camera in degrees (0 when there is no camera)
 * @param vfovDeg         vertical field of view in degrees (0 when there is no camera)
 * @param maxSpeedMps     fastest the platform can move (0 for fixed sensors): faster jumps are position anomalies
 * @param heartbeatSeconds expected reporting interval; silence for three intervals means offline
 */
public record SensorSpec(double rangeM, double hfovDeg, double vfovDeg, double maxSpeedMps, double heartbeatSeconds) {
    public SensorSpec {
        if (!(rangeM > 0)) throw new IllegalArgumentException("rangeM must be > 0");
        if (!(hfovDeg >= 0 && hfovDeg < 180)) throw new IllegalArgumentException("hfovDeg must be in [0, 180)");
        if (!(vfovDeg >= 0 && vfovDeg < 180)) throw new IllegalArgumentException("vfovDeg must be in [0, 180)");
        if (!(maxSpeedMps >= 0)) throw new IllegalArgumentException("maxSpeedMps must be >= 0");
        if (!(heartbeatSeconds > 0)) throw new IllegalArgumentException("heartbeatSeconds must be > 0");
    }
}
