package org.truce.fusion.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.truce.ground.uncertainty.PositionEstimate;

class BearingBandTest {
    private final GeometryFactory gf = new GeometryFactory();
    private final Cue.RangeBand band = new Cue.RangeBand(3000, 6000);

    @Test
    void threeToSixKilometresSouthEastIsAPointAt4500MetresWithItsSpread() {
        PositionEstimate p = BearingBand.position(100, 200, 135, 5, band);
        assertThat(p.x()).isCloseTo(100 + 4500 * Math.sqrt(0.5), within(1e-9));
        assertThat(p.y()).isCloseTo(200 - 4500 * Math.sqrt(0.5), within(1e-9));
        // Variance along the bearing is the uniform band's, across it the bearing error at 4.5 km.
        double ux = Math.sqrt(0.5);
        double uy = -Math.sqrt(0.5);
        assertThat(p.covariance().varianceAlong(ux, uy)).isCloseTo(3000 * 3000 / 12.0, within(1e-6));
        assertThat(p.covariance().varianceAlong(-uy, ux)).isCloseTo(Math.pow(4500 * Math.toRadians(5), 2), within(1e-6));
    }

    @Test
    void theSectorIsTheAnnulusBetweenTheBandsOverTheBearingSpread() {
        Polygon sector = BearingBand.sector(gf, 0, 0, 135, 5, 2, band);
        assertThat(sector.isValid()).isTrue();
        double exact = Math.toRadians(20) / 2 * (6000.0 * 6000 - 3000.0 * 3000);
        assertThat(sector.getArea()).isCloseTo(exact, within(exact * 0.002));
        assertThat(sector.contains(gf.createPoint(new Coordinate(4500 * Math.sqrt(0.5), -4500 * Math.sqrt(0.5)))))
                .isTrue();
        assertThat(sector.contains(gf.createPoint(new Coordinate(2000 * Math.sqrt(0.5), -2000 * Math.sqrt(0.5)))))
                .isFalse();
    }

    @Test
    void aBandFromZeroIsAWedgeFromTheSensor() {
        Polygon wedge = BearingBand.sector(gf, 0, 0, 0, 0.1, 2, new Cue.RangeBand(0, 1000));
        assertThat(wedge.isValid()).isTrue();
        double exact = Math.toRadians(1.0) / 2 * 1000 * 1000; // half-width clamped to 0.5 degrees
        assertThat(wedge.getArea()).isCloseTo(exact, within(exact * 0.01));
    }
}
