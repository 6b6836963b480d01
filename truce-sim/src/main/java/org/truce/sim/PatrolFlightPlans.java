package org.truce.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.truce.airspace.Filing;
import org.truce.airspace.FlightPath;
import org.truce.airspace.FlightPlans;
import org.truce.cases.Principal;
import org.truce.cases.Role;
import org.truce.geo.GeoPoint;
import org.truce.ground.AssetId;
import org.truce.sim.world.DroneFlight;
import org.truce.sim.world.TheaterMap;

/**
 * The flight plans the simulated contingents file for their drones: one plan per drone per UTC day of the run,
 * whose route is the drone's sortie route (base, patrol track; simplified to {@link #SIMPLIFY_M}) and whose window
 * is that day clipped to the run, filed by the owning contingent's duty officer {@link #FILED_BY} from
 * {@link #LEAD} before the window opens (at once for the run's first day). Deterministic; not thread-safe.
 */
public final class PatrolFlightPlans {
    /** How long before its day a plan is filed. */
    public static final Duration LEAD = Duration.ofHours(6);
    /** Tolerance of the route's simplification, metres. */
    public static final double SIMPLIFY_M = 100;
    /** The user id the simulated duty officers file under. */
    public static final String FILED_BY = "simulator";

    /** One drone's patrol as a plan template. */
    public record Patrol(AssetId asset, Principal filer, FlightPath route, double maxAltitudeM) {}

    private final List<Patrol> patrols;
    private final Instant start;
    private final Instant end;

    PatrolFlightPlans(List<DroneFlight> flights, TheaterMap map, Instant start, Instant end) {
        this.start = Objects.requireNonNull(start);
        this.end = Objects.requireNonNull(end);
        List<Patrol> out = new ArrayList<>();
        for (DroneFlight f : flights) {
            LineString local = map.factory().createLineString(f.sortieRoute().toArray(Coordinate[]::new));
            Coordinate[] simple = DouglasPeuckerSimplifier.simplify(local, SIMPLIFY_M).getCoordinates();
            List<GeoPoint> geo = new ArrayList<>();
            for (Coordinate c : simple) geo.add(map.projector().toGeo(c));
            out.add(new Patrol(f.drone().asset().id(), Principal.staff(FILED_BY, Role.DUTY_OFFICER, f.drone().owner()),
                    FlightPath.route(geo), Math.ceil(f.spec().altitudeM() * 1.25 / 100) * 100));
        }
        this.patrols = List.copyOf(out);
    }

    public List<Patrol> patrols() {
        return patrols;
    }

    /**
     * Files, through {@code desk}, every plan due by {@code now} that is not filed yet (a plan of the same asset with
     * the same window start counts as filed, so a restart files nothing twice); returns how many it filed.
     */
    public int fileDue(FlightPlans desk, Instant now) {
        int filed = 0;
        for (LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC); ; day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!dayStart.isBefore(end)) break;
            Instant from = dayStart.isBefore(start) ? start : dayStart;
            Instant to = dayStart.plus(Duration.ofDays(1)).isAfter(end) ? end : dayStart.plus(Duration.ofDays(1));
            if (now.isBefore(from.minus(LEAD)) || !to.isAfter(now)) continue;
            for (Patrol p : patrols) {
                boolean exists = desk.query(Optional.of(from), Optional.of(from), Optional.of(p.asset())).stream()
                        .anyMatch(x -> x.from().equals(from));
                if (exists) continue;
                desk.file(p.filer(), new Filing(p.asset(), p.route(), from, to, 0, p.maxAltitudeM(),
                        "patrol along the line of contact", "filed by the simulated " + p.filer().contingent()
                        .map(Object::toString).orElse("") + " duty officer from the drone's patrol track"));
                filed++;
            }
        }
        return filed;
    }
}
