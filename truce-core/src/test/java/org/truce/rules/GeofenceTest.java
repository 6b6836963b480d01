package org.truce.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.truce.rules.Geofence.Transition;

class GeofenceTest {
    private final Geofence fence = new Geofence();

    @Test
    void jitterInsideTheToleranceBandNeverFlaps() {
        assertThat(fence.update("t", 500, -200, 200)).isEqualTo(Transition.FIRST_OUTSIDE);
        for (double d : new double[] {150, -150, 0, -199, 199, -200, 120}) {
            assertThat(fence.update("t", d, Math.nextDown(-200.0), 200)).isEqualTo(Transition.DWELL_OUTSIDE);
        }
        assertThat(fence.update("t", -201, Math.nextDown(-200.0), 200)).isEqualTo(Transition.ENTERED);
        assertThat(fence.update("t", 150, Math.nextDown(-200.0), 200)).isEqualTo(Transition.DWELL_INSIDE);
        assertThat(fence.update("t", 201, Math.nextDown(-200.0), 200)).isEqualTo(Transition.EXITED);
    }

    @Test
    void firstSightingInTheBandTakesTheSideOfTheSign() {
        assertThat(fence.update("a", 0, -200, 200)).isEqualTo(Transition.FIRST_INSIDE);
        assertThat(fence.update("b", 10, -200, 200)).isEqualTo(Transition.FIRST_OUTSIDE);
        assertThat(fence.side("b")).contains(Geofence.Side.OUTSIDE);
        fence.forget("b");
        assertThat(fence.side("b")).isEmpty();
    }

    @Test
    void excursionFencesGiveTheBenefitOfTheDoubtOnFirstSighting() {
        Geofence lenient = new Geofence(Geofence.Side.INSIDE);
        assertThat(lenient.update("a", 30, 0, 50)).isEqualTo(Transition.FIRST_INSIDE);
        assertThat(lenient.update("b", 51, 0, 50)).isEqualTo(Transition.FIRST_OUTSIDE);
        assertThat(lenient.update("b", 10, 0, 50)).isEqualTo(Transition.DWELL_OUTSIDE);
        assertThat(lenient.update("b", 0, 0, 50)).isEqualTo(Transition.ENTERED);
    }
}
