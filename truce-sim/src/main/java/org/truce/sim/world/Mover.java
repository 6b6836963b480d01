package org.truce.sim.world;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A position in local metres that follows a queue of {@link Leg}s. Mutable, not thread-safe: owned by one simulation.
 */
public class Mover {
    protected double x;
    protected double y;
    protected double headingDeg;
    protected double speedMps;
    private final Deque<Leg> legs = new ArrayDeque<>();
    private boolean moved;

    protected Mover(double x, double y) {
        this.x = x;
        this.y = y;
    }

    public double x() { return x; }

    public double y() { return y; }

    public double headingDeg() { return headingDeg; }

    public double speedMps() { return speedMps; }

    /** Whether the last {@link #advance} changed the position. */
    public boolean moved() { return moved; }

    public boolean idle() { return legs.isEmpty(); }

    public void plan(Leg leg) { legs.addLast(leg); }

    public void clearPlan() { legs.clear(); }

    /** Moves along the plan from time {@code tS} for {@code dtS} seconds. */
    public void advance(double tS, double dtS) {
        moved = false;
        speedMps = 0;
        double budget = dtS;
        double now = tS;
        while (budget > 1e-9 && !legs.isEmpty()) {
            Leg l = legs.peekFirst();
            if (l.notBeforeS() > now + budget) break;
            if (l.notBeforeS() > now) {
                budget -= l.notBeforeS() - now;
                now = l.notBeforeS();
            }
            double dx = l.x() - x, dy = l.y() - y;
            double d = Math.hypot(dx, dy);
            double reach = l.speedMps() * budget;
            if (d > 0) {
                headingDeg = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
                speedMps = l.speedMps();
                moved = true;
            }
            if (reach >= d) {
                x = l.x();
                y = l.y();
                budget -= l.speedMps() > 0 ? d / l.speedMps() : 0;
                now += d / l.speedMps();
                legs.pollFirst();
            } else {
                x += dx / d * reach;
                y += dy / d * reach;
                budget = 0;
            }
        }
    }

    /** Straight-line distance in metres from the current position to {@code c}. */
    public double nowDistanceTo(org.locationtech.jts.geom.Coordinate c) {
        return Math.hypot(c.x - x, c.y - y);
    }
}
