package org.truce.sim.world;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.truce.sim.setup.SimulationSetup;

/**
 * The sortie cycle of one drone: on the ground at the base; out to the nearest point of its patrol track; back
 * and forth along the track; when the endurance left only just covers the way home, along the track back to that
 * point and home. A detour (an injected violation) interrupts the patrol and returns to the same point. Flying
 * only along the track and the short leg from the base keeps a legitimate sortie inside the agreed airspace.
 * Mutable, owned by one simulation thread. Times are seconds since the run's start.
 */
public final class DroneFlight {
    /** Where in its cycle the drone is. */
    public enum Phase { GROUND, OUTBOUND, PATROL, DETOUR, HOMING, INBOUND }

    private final SimAsset drone;
    private final SimulationSetup.Drone spec;
    private final LineString track;
    private final LengthIndexedLine index;
    private final Coordinate base;
    private final double entryS;
    private final Coordinate entry;
    private Phase phase = Phase.GROUND;
    private double launchAtS;
    private double landAtS;
    private double s;
    private int direction;
    private int look;

    /** @param direction +1 or -1: which way along the track the drone first patrols */
    public DroneFlight(SimAsset drone, SimulationSetup.Drone spec, LineString track, Coordinate base, int direction) {
        this.drone = drone;
        this.spec = spec;
        this.track = track;
        this.index = new LengthIndexedLine(track);
        this.base = base;
        this.entryS = index.project(base);
        this.entry = index.extractPoint(entryS);
        this.launchAtS = spec.firstLaunchHours() * 3600;
        this.direction = direction >= 0 ? 1 : -1;
        drone.altitudeM(0);
    }

    public Phase phase() { return phase; }

    /**
     * Every leg a legitimate sortie flies, in the theater's local metres: from the base to the entry point, along the
     * track back to its start, and along the whole track to its end (legs retraced are listed once each way).
     */
    public java.util.List<Coordinate> sortieRoute() {
        java.util.List<Coordinate> out = new java.util.ArrayList<>();
        out.add(base);
        out.add(entry);
        Coordinate[] cs = track.getCoordinates();
        LineString toStart = (LineString) index.extractLine(0, entryS);
        Coordinate[] back = toStart.getCoordinates();
        for (int i = back.length - 2; i >= 0; i--) out.add(back[i]);
        for (int i = 1; i < cs.length; i++) out.add(cs[i]);
        return out;
    }

    /** The offset the camera looks at now (the one last taken by {@link #nextLookOffset}). */
    public double currentLookOffset() {
        int n = spec.lookOffsetsM().size();
        return spec.lookOffsetsM().get((look + n - 1) % n);
    }

    /** The camera's next ground offset towards the line, cycling through the spec's scan offsets. */
    public double nextLookOffset() {
        double o = spec.lookOffsetsM().get(look);
        look = (look + 1) % spec.lookOffsetsM().size();
        return o;
    }

    public SimAsset drone() { return drone; }

    public SimulationSetup.Drone spec() { return spec; }

    /** Whether a detour may start now. */
    public boolean patrolling() { return phase == Phase.PATROL; }

    /** Interrupts the patrol: fly to {@code target}, circle there until {@code dwellS} has passed, come back. */
    public void detour(Coordinate target, double nowS, double dwellS) {
        if (phase != Phase.PATROL) throw new IllegalStateException("a detour starts from the patrol");
        Coordinate back = new Coordinate(drone.x(), drone.y());
        double out = back.distance(target) / spec.speedMps();
        drone.clearPlan();
        drone.plan(new Leg(target.x, target.y, spec.speedMps(), nowS));
        drone.plan(new Leg(back.x, back.y, spec.speedMps(), nowS + out + dwellS));
        phase = Phase.DETOUR;
    }

    public void advance(double tS, double dtS) {
        switch (phase) {
            case GROUND -> {
                if (tS + dtS >= launchAtS) {
                    drone.plan(new Leg(entry.x, entry.y, spec.speedMps(), launchAtS));
                    s = entryS;
                    landAtS = launchAtS + spec.enduranceHours() * 3600;
                    phase = Phase.OUTBOUND;
                    drone.altitudeM(spec.altitudeM());
                    drone.advance(tS, dtS);
                }
            }
            case OUTBOUND, DETOUR -> {
                drone.advance(tS, dtS);
                if (drone.idle()) phase = Phase.PATROL;
            }
            case PATROL -> {
                double home = (Math.abs(s - entryS) + entry.distance(base)) / spec.speedMps();
                if (tS + home + 2 * dtS >= landAtS) {
                    phase = Phase.HOMING;
                    direction = s > entryS ? -1 : 1;
                }
                double len = track.getLength();
                double next = s + spec.speedMps() * dtS * direction;
                if (next > len || next < 0) {
                    direction = -direction;
                    next = Math.max(0, Math.min(len, 2 * s - next));
                }
                if (phase == Phase.HOMING && (next - entryS) * (s - entryS) <= 0) {
                    next = entryS;
                }
                flyTo(next, tS, dtS);
                if (phase == Phase.HOMING && next == entryS) startInbound(tS + dtS);
            }
            case HOMING -> {
                double next = s + spec.speedMps() * dtS * direction;
                if ((next - entryS) * (s - entryS) <= 0) next = entryS;
                flyTo(next, tS, dtS);
                if (next == entryS) startInbound(tS + dtS);
            }
            case INBOUND -> {
                drone.advance(tS, dtS);
                if (drone.idle()) {
                    phase = Phase.GROUND;
                    drone.altitudeM(0);
                    launchAtS = tS + dtS + spec.groundHours() * 3600;
                }
            }
        }
    }

    private void flyTo(double next, double tS, double dtS) {
        s = next;
        Coordinate c = index.extractPoint(s);
        drone.plan(new Leg(c.x, c.y, spec.speedMps() * 1.5, tS));
        drone.advance(tS, dtS);
    }

    private void startInbound(double tS) {
        drone.plan(new Leg(base.x, base.y, spec.speedMps(), tS));
        phase = Phase.INBOUND;
    }
}
