package org.truce.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LocalProjectionTest {
    private final LocalProjection utm = LocalProjection.utm38n();

    @Test
    void oneArcMinuteOfLatitudeIsAboutOneNauticalMile() {
        double d = utm.distanceM(GeoPoint.of(39.80, 46.75), GeoPoint.of(39.80 + 1.0 / 60, 46.75));
        assertThat(d).isCloseTo(1852, within(5.0));
    }

    @Test
    void gridConvergenceIsTheClosedFormAngleWithTrueNorthWestOfGridNorthEastOfTheCentralMeridian() {
        // Transverse Mercator: gamma = atan(tan(lon - lon0) sin(lat)); UTM 38N's central meridian is 45° E.
        double expected = Math.toDegrees(Math.atan(Math.tan(Math.toRadians(46.75 - 45)) * Math.sin(Math.toRadians(39.8))));
        assertThat(utm.convergenceDeg(GeoPoint.of(39.8, 46.75))).isCloseTo(-expected, within(0.01));
        assertThat(utm.convergenceDeg(GeoPoint.of(39.8, 45))).isCloseTo(0, within(1e-6));
        assertThat(utm.convergenceDeg(GeoPoint.of(39.8, 43))).isPositive();
    }

    @Test
    void roundTripsWithinACentimetre() {
        GeoPoint p = GeoPoint.of(39.9325, 47.0617);
        GeoPoint back = utm.toGeo(utm.toLocal(p));
        assertThat(utm.distanceM(p, back)).isLessThan(0.01);
    }
}
