package org.truce.ground.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

class UncertaintyTest {
    private final GeometryFactory gf = new GeometryFactory();

    @Test
    void normalCdfMatchesTabulatedValues() {
        assertThat(Gaussian.cdf(0)).isEqualTo(0.5);
        assertThat(Gaussian.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-13));
        assertThat(Gaussian.cdf(-1)).isCloseTo(0.15865525393145705, within(1e-13));
        assertThat(Gaussian.cdf(-3.5)).isCloseTo(2.3262907903552504e-4, within(1e-15));
        assertThat(1 - Gaussian.cdf(5)).isCloseTo(2.866515718791939e-7, within(1e-15));
        assertThat(Gaussian.cdf(-8)).isCloseTo(6.22096057427178e-16, within(1e-27));
    }

    @Test
    void theNinetyFivePercentEllipseUsesTheChiSquareTwoQuantile() {
        assertThat(ErrorEllipse.chiSquare2Quantile(0.95)).isCloseTo(5.991, within(5e-4));
        ErrorEllipse round = Covariance2.circular(10).ellipse(0.95);
        assertThat(round.semiMajorM()).isCloseTo(Math.sqrt(5.991464547) * 10, within(1e-6));
        assertThat(round.semiMinorM()).isCloseTo(round.semiMajorM(), within(1e-9));
        ErrorEllipse tilted = Covariance2.oriented(30, 10, 60).ellipse(0.95);
        assertThat(tilted.orientationDeg()).isCloseTo(60, within(1e-9));
        assertThat(tilted.semiMajorM()).isCloseTo(Math.sqrt(5.991464547) * 30, within(1e-6));
        assertThat(tilted.semiMinorM()).isCloseTo(Math.sqrt(5.991464547) * 10, within(1e-6));
        assertThat(Covariance2.oriented(30, 10, 300).ellipse(0.95).orientationDeg()).isCloseTo(120, within(1e-9));
    }

    @Test
    void halfTheMassOfACepCovarianceLiesWithinTheCep() {
        Geometry circle = PlaceProbability.ellipsePolygon(gf, 0, 0,
                new ErrorEllipse(100, 100, 0, 0.5));
        double p = PlaceProbability.inside(circle, PositionEstimate.withCep(0, 0, 100));
        assertThat(p).isCloseTo(0.5, within(0.01));
    }

    @Test
    void probabilityInsideAHalfPlaneMatchesTheClosedForm() {
        Geometry east = box(10, -1e5, 1e5, 1e5);
        double p = PlaceProbability.inside(east, new PositionEstimate(0, 0, Covariance2.circular(10)));
        assertThat(p).isCloseTo(1 - Gaussian.cdf(1), within(0.005));
        // A correlated covariance: the variance across the boundary x = 10 is xx.
        PositionEstimate tilted = new PositionEstimate(0, 0, Covariance2.oriented(40, 5, 30));
        double sigmaX = Math.sqrt(tilted.covariance().xx());
        assertThat(PlaceProbability.inside(east, tilted)).isCloseTo(1 - Gaussian.cdf(10 / sigmaX), within(0.005));
    }

    @Test
    void probabilityInsideASquareIsTheProductOfTheMarginals() {
        Geometry square = box(-10, -10, 10, 10);
        double p = PlaceProbability.inside(square, new PositionEstimate(0, 0, Covariance2.circular(10)));
        double side = 2 * Gaussian.cdf(1) - 1;
        assertThat(p).isCloseTo(side * side, within(0.005));
        assertThat(PlaceProbability.inside(square, new PositionEstimate(0, 0, Covariance2.circular(10))))
                .as("deterministic").isEqualTo(p);
    }

    @Test
    void farInsideIsCertainAndFarOutsideImpossible() {
        Geometry square = box(-1000, -1000, 1000, 1000);
        assertThat(PlaceProbability.inside(square, PositionEstimate.withCep(0, 0, 50))).isEqualTo(1.0);
        assertThat(PlaceProbability.inside(square, PositionEstimate.withCep(5000, 0, 50))).isEqualTo(0.0);
        assertThat(PlaceProbability.inside(square, new PositionEstimate(999, 0, Covariance2.circular(0))))
                .isEqualTo(1.0);
    }

    @Test
    void sideOfADirectedLine() {
        LineString north = gf.createLineString(new Coordinate[] {new Coordinate(0, -1000), new Coordinate(0, 1000)});
        PositionEstimate westOfIt = new PositionEstimate(-5, 0, Covariance2.circular(10));
        assertThat(PlaceProbability.leftOf(north, westOfIt)).isCloseTo(Gaussian.cdf(0.5), within(1e-12));
        assertThat(PlaceProbability.leftOf(north, new PositionEstimate(0, 0, Covariance2.circular(10))))
                .isEqualTo(0.5);
        LineString bent = gf.createLineString(new Coordinate[] {
            new Coordinate(0, 0), new Coordinate(1000, 0), new Coordinate(1000, 1000)});
        // Near the second leg (heading north at x = 1000), a point east of it is on the right.
        assertThat(PlaceProbability.leftOf(bent, new PositionEstimate(1020, 800, Covariance2.circular(10))))
                .isCloseTo(1 - Gaussian.cdf(2), within(1e-12));
    }

    @Test
    void refusesWhatIsNotAnArea() {
        LineString line = gf.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)});
        assertThatThrownBy(() -> PlaceProbability.inside(line, PositionEstimate.withCep(0, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Polygon");
        assertThatThrownBy(() -> new Covariance2(1, 2, 1)).hasMessageContaining("positive semi-definite");
    }

    private Geometry box(double x0, double y0, double x1, double y1) {
        return gf.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1), new Coordinate(x0, y1),
            new Coordinate(x0, y0)});
    }
}
