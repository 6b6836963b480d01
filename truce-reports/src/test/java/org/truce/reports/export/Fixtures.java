package org.truce.reports.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.truce.agreement.Party;
import org.truce.ground.PartyId;
import org.truce.agreement.PartyRole;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.agreement.Zone;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.GeoPoint;
import org.truce.ground.uncertainty.ErrorEllipse;
import org.truce.rules.FireLocation;
import org.truce.rules.Incident;
import org.truce.sensing.FireKind;
import org.truce.rules.IncidentState;
import org.truce.ground.ObjectClass;

/** Hand-made incidents, a zone with a hole and a track for the writer tests. */
final class Fixtures {
    static final String AWKWARD = "Fire near \"Hill 7\", <north> & east;\nsecond line";

    private Fixtures() {}

    static Incident attributedFire() {
        return new Incident("INC-2020-11-14-0042", new ProvisionId("p1-ceasefire"), 1, new RuleId("p1-ceasefire"),
                "cease-fire", new ZoneId("theater"), Instant.parse("2020-11-14T10:00:00Z"),
                Instant.parse("2020-11-14T10:20:00Z"), GeoPoint.of(39.81234, 46.75123), 600.0,
                Optional.of(new PartyId("AM")), 0.93, "FIRE-17", "Artillery fire, 3 rounds", IncidentState.CLOSED,
                List.of("OBS-1", "OBS-2"), Optional.of(located()));
    }

    /** A launch located from two bearing bands, 600 m by 250 m, long axis north-east. */
    static FireLocation located() {
        ErrorEllipse e = new ErrorEllipse(600, 250, 45, 0.95);
        return new FireLocation(FireLocation.Method.LOCATED, FireKind.LAUNCH, GeoPoint.of(39.81234, 46.75123),
                Optional.of(e), 600, 2, Map.of("bearingBand", 2), List.of("OBS-1", "OBS-2"), 1,
                Optional.of(new FireLocation.Launch(FireLocation.Method.LOCATED, GeoPoint.of(39.81234, 46.75123), e,
                        List.of(new FireLocation.SideProbability(new ZoneId("am-held"), new PartyId("AM"), 0.93,
                                Optional.of(new PartyId("AZ")), 0.05, 0.02)))), Optional.empty());
    }

    static Incident undeterminedMovement() {
        return new Incident("INC-2020-11-15-0001", new ProvisionId("p6-kalbajar"), 2, new RuleId("p6-kalbajar"),
                "withdraw-by", new ZoneId("kalbajar-handover"), Instant.parse("2020-11-15T23:59:00Z"),
                Instant.parse("2020-11-16T01:00:00Z"), GeoPoint.of(40.1, 46.0), 4_500.0, Optional.empty(), 0.41,
                "TRK-9", AWKWARD, IncidentState.OPEN, List.of("OBS-7"));
    }

    static Incident peacekeeperCap() {
        return new Incident("INC-2020-11-16-0003", new ProvisionId("p3-force-cap"), 1, new RuleId("p3-force-cap"),
                "force-cap", new ZoneId("pk-zone"), Instant.parse("2020-11-16T08:00:00Z"),
                Instant.parse("2020-11-16T09:00:00Z"), GeoPoint.of(39.8, 46.7), 25_000.0,
                Optional.of(new PartyId("RU-PK")), 0.99, "pk-zone", "Over the APC cap", IncidentState.OPEN, List.of());
    }

    static List<Incident> incidents() {
        return List.of(attributedFire(), undeterminedMovement(), peacekeeperCap());
    }

    /** A square with a square hole, the shell written clockwise (as some sources do). */
    static Zone zoneWithHole() {
        GeometryFactory gf = new GeometryFactory();
        LinearRing shell = gf.createLinearRing(new Coordinate[] {
                new Coordinate(46.0, 39.0), new Coordinate(46.0, 40.0), new Coordinate(47.0, 40.0),
                new Coordinate(47.0, 39.0), new Coordinate(46.0, 39.0)});
        LinearRing hole = gf.createLinearRing(new Coordinate[] {
                new Coordinate(46.4, 39.4), new Coordinate(46.6, 39.4), new Coordinate(46.6, 39.6),
                new Coordinate(46.4, 39.6), new Coordinate(46.4, 39.4)});
        Polygon p = gf.createPolygon(shell, new LinearRing[] {hole});
        return new Zone(new ZoneId("pk-zone"), "Peacekeeping zone & buffer", ZoneRole.PEACEKEEPING_ZONE, p,
                Optional.empty(), "derived: am-held buffered 2 km", "approximate, for simulation");
    }

    static Track track() {
        return new Track("TRK-9", Instant.parse("2020-11-15T23:00:00Z"), Instant.parse("2020-11-16T00:30:00Z"),
                GeoPoint.of(40.1, 46.0), 120.0, 1.5, -0.5, ObjectClass.APC, 0.8, Optional.empty(), 0.4, 3,
                TrackStatus.CONFIRMED, 14, List.of("OBS-7"));
    }

    static Map<PartyId, Party> parties() {
        return Map.of(new PartyId("AM"), new Party(new PartyId("AM"), "Armenia", PartyRole.BELLIGERENT),
                new PartyId("RU-PK"), new Party(new PartyId("RU-PK"), "Russian peacekeeping force", PartyRole.PEACEKEEPER));
    }

    static ExportSet full() {
        return new ExportSet(incidents(), List.of(zoneWithHole()), List.of(track()), parties(), "Truce test center");
    }

    static String write(ExportWriter w, ExportSet set) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        w.write(set, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A parser that refuses DOCTYPE (no entity expansion, no external fetches), namespace aware. */
    static org.w3c.dom.Document parseXml(String xml) throws Exception {
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        var b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    }
}
