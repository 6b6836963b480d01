package org.truce.ground.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class ErrorEllipseProperties {
    @Property(tries = 300, seed = "20201110")
    void theEllipseRebuildsItsCovariance(@ForAll @DoubleRange(min = 0.1, max = 5000) double along,
                                         @ForAll @DoubleRange(min = 0.1, max = 5000) double across,
                                         @ForAll @DoubleRange(min = -720, max = 720) double azimuth) {
        Covariance2 c = Covariance2.oriented(along, across, azimuth);
        ErrorEllipse e = c.ellipse(0.95);
        double k = ErrorEllipse.chiSquare2Quantile(0.95);
        double major = e.semiMajorM() * e.semiMajorM() / k;
        double minor = e.semiMinorM() * e.semiMinorM() / k;
        Covariance2 back = Covariance2.oriented(Math.sqrt(major), Math.sqrt(minor), e.orientationDeg());
        double scale = Math.max(along, across) * Math.max(along, across);
        assertThat(back.xx()).isCloseTo(c.xx(), within(1e-9 * scale));
        assertThat(back.xy()).isCloseTo(c.xy(), within(1e-9 * scale));
        assertThat(back.yy()).isCloseTo(c.yy(), within(1e-9 * scale));
        assertThat(e.orientationDeg()).isBetween(0.0, 180.0);
    }

    @Property(tries = 200, seed = "20201110")
    void theCepHoldsHalfTheMass(@ForAll @DoubleRange(min = 0.5, max = 10_000) double cep) {
        ErrorEllipse half = Covariance2.fromCep(cep).ellipse(0.5);
        assertThat(half.semiMajorM()).isCloseTo(cep, within(1e-9 * cep));
        assertThat(half.semiMinorM()).isCloseTo(cep, within(1e-9 * cep));
    }
}
