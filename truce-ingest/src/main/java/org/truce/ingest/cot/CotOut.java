package org.truce.ingest.cot;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.truce.agreement.Agreement;
import org.truce.agreement.Zone;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.CenterListener;
import org.truce.rules.Incident;
import org.truce.ground.AssetKind;
import org.truce.sensing.Observation;
import org.truce.store.AssetRegistry;

/**
 * CoT out: shows the center's picture on the contingents' TAK devices. A {@link CenterListener} that sends, through
 * a {@link CotTcpServer}, every incident change ({@code b-m-p-s-p-i}, uid = incident id, remarks = summary,
 * {@code ce} = the incident's 95 % radius converted to a 90 % circle) and every drone fix ({@code a-f-A-M-F-Q},
 * uid = asset id, with course and speed); and greets each new client with the agreement's zones as closed
 * polylines ({@code u-d-f}, one event per polygon, simplified to at most {@value #MAX_VERTICES} vertices).
 * Thread-safe (stateless apart from its collaborators).
 */
public final class CotOut implements CenterListener {
    static final int MAX_VERTICES = 400;
    /** CE90 / R95 for a circular normal error. */
    static final double CE90_PER_R95 = 2.1460 / 2.4477;

    private final CotTcpServer server;
    private final Agreement agreement;
    private final AssetRegistry assets;
    private final InstantSource clock;
    private final Duration incidentStale;
    private final Duration droneStale;

    /**
     * @param incidentStale how long a TAK device keeps showing an incident after the last update (e.g. 1 h)
     * @param droneStale    how long it keeps showing a drone after its last fix (e.g. 30 s)
     */
    public CotOut(CotTcpServer server, Agreement agreement, AssetRegistry assets, InstantSource clock,
                  Duration incidentStale, Duration droneStale) {
        this.server = Objects.requireNonNull(server);
        this.agreement = Objects.requireNonNull(agreement);
        this.assets = Objects.requireNonNull(assets);
        this.clock = Objects.requireNonNull(clock);
        this.incidentStale = Objects.requireNonNull(incidentStale);
        this.droneStale = Objects.requireNonNull(droneStale);
        server.setGreeting(this::zones);
    }

    @Override
    public void on(CenterEvent event) {
        switch (event) {
            case CenterEvent.IncidentChanged c -> server.broadcast(incident(c.incident()));
            case CenterEvent.ObservationAccepted a -> {
                if (a.observation().observation() instanceof Observation.PlatformFix f
                        && assets.find(f.asset()).map(x -> x.kind() == AssetKind.DRONE).orElse(false)) {
                    server.broadcast(drone(f));
                }
            }
            case CenterEvent.TrackUpdated t -> { }
        }
    }

    CotEvent incident(Incident i) {
        Instant now = clock.instant();
        String detail = "<contact callsign=\"" + CotXml.attr(i.id()) + "\"/>"
                + "<remarks>" + CotXml.attr(i.summary() + " — " + i.provision().value() + " v" + i.provisionVersion()
                + ", zone " + i.zone().value() + ", " + i.state() + ", " + i.start() + " to " + i.end()) + "</remarks>"
                + "<_truce incident=\"" + CotXml.attr(i.id()) + "\" rule=\"" + CotXml.attr(i.ruleType())
                + "\" state=\"" + i.state() + "\"/>";
        return new CotEvent(i.id(), "b-m-p-s-p-i", "h-e", now, now, now.plus(incidentStale), i.place().lat(),
                i.place().lon(), CotEvent.UNKNOWN_ERROR, i.uncertaintyM() * CE90_PER_R95, CotEvent.UNKNOWN_ERROR,
                CotEvent.Detail.ofXml(detail));
    }

    CotEvent drone(Observation.PlatformFix f) {
        String detail = "<contact callsign=\"" + CotXml.attr(f.asset().value()) + "\"/>"
                + String.format(Locale.ROOT, "<track course=\"%.1f\" speed=\"%.1f\"/>", f.headingDeg(), f.speedMps());
        return new CotEvent(f.asset().value(), "a-f-A-M-F-Q", "m-g", f.time(), f.time(), f.time().plus(droneStale),
                f.position().lat(), f.position().lon(), f.altitudeM(), f.cepM() / CotMapper.CEP_PER_CE90,
                CotEvent.UNKNOWN_ERROR, CotEvent.Detail.ofXml(detail));
    }

    /** The agreement's zones as drawing events. */
    public List<CotEvent> zones() {
        Instant now = clock.instant();
        List<CotEvent> out = new ArrayList<>();
        for (Zone z : agreement.zones().values()) {
            Geometry g = z.geometry();
            for (int n = 0; n < g.getNumGeometries(); n++) {
                if (!(g.getGeometryN(n) instanceof Polygon p)) continue;
                Coordinate[] ring = simplified(p);
                StringBuilder d = new StringBuilder();
                for (Coordinate c : ring) {
                    d.append(String.format(Locale.ROOT, "<link point=\"%.6f,%.6f\"/>", c.y, c.x));
                }
                d.append("<strokeColor value=\"-16776961\"/><strokeWeight value=\"3.0\"/><closed value=\"true\"/>")
                        .append("<contact callsign=\"").append(CotXml.attr(z.name())).append("\"/>")
                        .append("<remarks>").append(CotXml.attr(z.role() + " " + z.id().value() + " — " + z.source()
                                + "; " + z.caveat())).append("</remarks>");
                Coordinate centre = p.getInteriorPoint().getCoordinate();
                String uid = "zone-" + z.id().value() + (g.getNumGeometries() > 1 ? "-" + n : "");
                out.add(new CotEvent(uid, "u-d-f", "h-e", now, now, now.plus(Duration.ofDays(1)), centre.y, centre.x,
                        CotEvent.UNKNOWN_ERROR, CotEvent.UNKNOWN_ERROR, CotEvent.UNKNOWN_ERROR,
                        CotEvent.Detail.ofXml(d.toString())));
            }
        }
        return out;
    }

    private static Coordinate[] simplified(Polygon p) {
        Coordinate[] ring = p.getExteriorRing().getCoordinates();
        double tolerance = 1e-5;
        while (ring.length > MAX_VERTICES) {
            Geometry simple = TopologyPreservingSimplifier.simplify(p, tolerance);
            ring = simple instanceof Polygon sp ? sp.getExteriorRing().getCoordinates() : simple.getCoordinates();
            tolerance *= 2;
        }
        return ring;
    }
}
