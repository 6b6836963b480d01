package org.truce.ingest.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;

class CameraFootprintTest {
    static final GeoPoint C = GeoPoint.of(39.8, 46.7);
    static final Quaternion NADIR = Quaternion.fromEuler(0, -Math.PI / 2, 0);

    static double northM(GeoPoint p) {
        return (p.lat() - C.lat()) * Math.toRadians(1) * 6_371_008.8;
    }

    static double eastM(GeoPoint p) {
        return (p.lon() - C.lon()) * Math.toRadians(1) * 6_371_008.8 * Math.cos(Math.toRadians(C.lat()));
    }

    @Test
    void aNadirCameraSeesARectangleCentredBelowIt() {
        List<GeoPoint> ring = CameraFootprint.project(C, 1000, NADIR, 60, 40, 10_000).orElseThrow();
        assertThat(ring).hasSize(5);
        assertThat(ring.getFirst()).isEqualTo(ring.getLast());
        double halfW = 1000 * Math.tan(Math.toRadians(30)), halfH = 1000 * Math.tan(Math.toRadians(20));
        for (GeoPoint p : ring) {
            assertThat(Math.abs(eastM(p))).isCloseTo(halfW, within(0.5));
            assertThat(Math.abs(northM(p))).isCloseTo(halfH, within(0.5));
        }
    }

    @Test
    void yawRotatesTheFootprint() {
        // heading east: the image's long side now runs north-south
        Quaternion east = Quaternion.fromEuler(0, 0, Math.PI / 2).times(NADIR);
        List<GeoPoint> ring = CameraFootprint.project(C, 1000, east, 60, 40, 10_000).orElseThrow();
        double halfW = 1000 * Math.tan(Math.toRadians(30));
        assertThat(Math.abs(northM(ring.getFirst()))).isCloseTo(halfW, within(0.5));
    }

    @Test
    void anObliqueViewLiesAheadAndIsLongerFarAway() {
        Quaternion oblique = Quaternion.fromEuler(0, Math.toRadians(-45), 0);
        List<GeoPoint> ring = CameraFootprint.project(C, 1000, oblique, 30, 20, 10_000).orElseThrow();
        double near = ring.stream().mapToDouble(CameraFootprintTest::northM).min().getAsDouble();
        double far = ring.stream().mapToDouble(CameraFootprintTest::northM).max().getAsDouble();
        assertThat(near).isCloseTo(1000 * Math.tan(Math.toRadians(35)), within(30.0));
        assertThat(far).isCloseTo(1000 * Math.tan(Math.toRadians(55)), within(30.0));
    }

    @Test
    void raysAboveTheHorizonAreClippedToTheSensorRange() {
        Quaternion level = Quaternion.fromEuler(0, 0, 0);
        List<GeoPoint> ring = CameraFootprint.project(C, 1000, level, 60, 40, 3000).orElseThrow();
        for (GeoPoint p : ring) {
            assertThat(Math.hypot(northM(p), eastM(p))).isLessThanOrEqualTo(3000.5);
        }
    }

    @Test
    void noHeightOrNoFieldOfViewMeansNoFootprint() {
        assertThat(CameraFootprint.project(C, 0, NADIR, 60, 40, 3000)).isEmpty();
        assertThat(CameraFootprint.project(C, 100, NADIR, 0, 40, 3000)).isEmpty();
    }
}
