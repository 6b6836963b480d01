package org.truce.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.ground.ContingentId;
import org.truce.agreement.ParityRule;
import org.truce.agreement.Party;
import org.truce.ground.PartyId;
import org.truce.agreement.PartyRole;
import org.truce.agreement.Provision;
import org.truce.ground.ProvisionId;
import org.truce.agreement.ProvisionVersion;
import org.truce.ground.RuleId;
import org.truce.agreement.RuleSpec;
import org.truce.agreement.Zone;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;
import org.truce.geo.LocalProjection;
import org.truce.ground.AssetKind;

/**
 * A programmatic stand-in for the Karabakh 2020 agreement, built from the approximate outlines of
 * shared/reference/karabakh-2020.md, with every rule type and the scenario's fixed names. Approximate: for tests.
 */
public final class KarabakhFixture {
    public static final String UTM38N = "+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs";
    public static final Instant CEASEFIRE = Instant.parse("2020-11-09T21:00:00Z");
    public static final PartyId AM = PartyId.of("AM");
    public static final PartyId AZ = PartyId.of("AZ");
    public static final PartyId PK = PartyId.of("RU-PK");
    public static final ContingentId RU = ContingentId.of("RU");
    public static final ContingentId TR = ContingentId.of("TR");

    private static final GeometryFactory GF = new GeometryFactory();
    private static final LocalProjection PROJ = new LocalProjection(UTM38N);

    private KarabakhFixture() {}

    static final double[][] AM_HELD = {{40.20, 46.50}, {40.24, 46.72}, {40.24, 46.88}, {40.12, 46.90}, {39.98, 46.88},
            {39.88, 46.96}, {39.83, 47.17}, {39.72, 47.15}, {39.68, 47.00}, {39.72, 46.86}, {39.77, 46.78},
            {39.79, 46.745}, {39.78, 46.70}, {39.85, 46.58}, {39.98, 46.52}};
    static final double[][] CORRIDOR = {{39.815, 46.752}, {39.78, 46.70}, {39.73, 46.66}, {39.68, 46.60},
            {39.64, 46.55}, {39.61, 46.47}, {39.575, 46.42}};

    public static Agreement agreement() {
        Geometry held = polygon(AM_HELD);
        Geometry heldL = PROJ.toLocal(held);
        Geometry corridorL = PROJ.toLocal(line(CORRIDOR)).buffer(2500);
        Geometry theater = polygon(new double[][]{{39.30, 45.60}, {40.60, 45.60}, {40.60, 47.80}, {39.30, 47.80}});
        Geometry pk = PROJ.toGeo(heldL.buffer(2000));
        Geometry aghdam = polygon(new double[][]{{40.12, 46.88}, {40.12, 47.25}, {39.86, 47.25}, {39.86, 46.90}})
                .difference(held);
        Geometry kalbajar = polygon(new double[][]{{40.45, 45.75}, {40.45, 46.55}, {40.21, 46.55}, {39.98, 46.50},
                {39.95, 45.80}}).difference(held);
        Geometry lachin = PROJ.toGeo(PROJ.toLocal(polygon(new double[][]{{39.95, 46.45}, {39.85, 46.56}, {39.60, 46.70},
                {39.40, 46.60}, {39.40, 46.40}, {39.70, 46.35}})).difference(heldL).difference(corridorL));
        Coordinate m = PROJ.toLocal(org.truce.geo.GeoPoint.of(39.9325, 47.0617));
        Geometry premisesL = GF.createPoint(m).buffer(110, 1);
        Geometry premises = PROJ.toGeo(premisesL);
        Geometry airspace = PROJ.toGeo(heldL.buffer(10_000).difference(heldL).union(premisesL));

        Map<ZoneId, Zone> zones = new LinkedHashMap<>();
        zone(zones, "theater", ZoneRole.THEATER, theater, null);
        zone(zones, "am-held", ZoneRole.HELD_AREA, held, AM);
        zone(zones, "pk-zone", ZoneRole.PEACEKEEPING_ZONE, pk, null);
        zone(zones, "lachin-corridor", ZoneRole.CORRIDOR, PROJ.toGeo(corridorL), null);
        zone(zones, "aghdam-handover", ZoneRole.HANDOVER_DISTRICT, aghdam, null);
        zone(zones, "kalbajar-handover", ZoneRole.HANDOVER_DISTRICT, kalbajar, null);
        zone(zones, "lachin-handover", ZoneRole.HANDOVER_DISTRICT, lachin, null);
        zone(zones, "center-premises", ZoneRole.PREMISES, premises, null);
        zone(zones, "airspace-ru", ZoneRole.AIRSPACE, airspace, null);
        zone(zones, "airspace-tr", ZoneRole.AIRSPACE, airspace, null);

        Instant nov14 = Instant.parse("2020-11-14T21:00:00Z");
        List<Provision> provisions = List.of(
                provision("¶1", version(1, CEASEFIRE, null,
                        new RuleSpec.CeaseFire(RuleId.of("p1-ceasefire"), ZoneId.of("theater"), CEASEFIRE),
                        new RuleSpec.HoldPositions(RuleId.of("p1-hold-positions"), ZoneId.of("am-held"), AM, AZ, 500, List.of(),
                                CEASEFIRE))),
                provision("¶2", version(1, CEASEFIRE, null, new RuleSpec.WithdrawBy(RuleId.of("p2-aghdam"),
                        ZoneId.of("aghdam-handover"), Set.of(AM), Instant.parse("2020-11-19T21:00:00Z")))),
                provision("¶3", version(1, CEASEFIRE, null, new RuleSpec.ForceCap(RuleId.of("p3-force-cap"), PK,
                        List.of(ZoneId.of("pk-zone"), ZoneId.of("lachin-corridor")),
                        Map.of("PERSONNEL", 1960, "APC", 90, "VEHICLES", 380), 86_400, CEASEFIRE))),
                new Provision(ProvisionId.of("¶6"), "¶6", "Kalbajar, Lachin, corridor", false, List.of(
                        version(1, CEASEFIRE, nov14, p6(nov14)),
                        version(2, nov14, null, p6(Instant.parse("2020-11-24T21:00:00Z"))))),
                provision("JMC-1", version(1, CEASEFIRE, null, new RuleSpec.RestrictedMovement(RuleId.of("jmc1-staff"),
                        TR, Set.of(AssetKind.STAFF_BEACON), List.of(ZoneId.of("center-premises")), 50, CEASEFIRE))),
                provision("JMC-2", version(1, CEASEFIRE, null,
                        new RuleSpec.RestrictedMovement(RuleId.of("jmc2-ru-drones"), RU, Set.of(AssetKind.DRONE),
                                List.of(ZoneId.of("airspace-ru")), 500, CEASEFIRE),
                        new RuleSpec.RestrictedMovement(RuleId.of("jmc2-tr-drones"), TR, Set.of(AssetKind.DRONE),
                                List.of(ZoneId.of("airspace-tr")), 500, CEASEFIRE))));
        return new Agreement("karabakh-2020", "Karabakh fixture", CEASEFIRE, UTM38N,
                List.of(new Party(AM, "Armenia", PartyRole.BELLIGERENT), new Party(AZ, "Azerbaijan", PartyRole.BELLIGERENT),
                        new Party(PK, "Russian peacekeepers", PartyRole.PEACEKEEPER)),
                List.of(), List.of(new Contingent(RU, "Russia", "ru"), new Contingent(TR, "Turkey", "tr")),
                new ParityRule(0, 60, true, true), zones, provisions);
    }

    private static RuleSpec[] p6(Instant kalbajarDeadline) {
        return new RuleSpec[]{
                new RuleSpec.WithdrawBy(RuleId.of("p6-kalbajar"), ZoneId.of("kalbajar-handover"), Set.of(AM), kalbajarDeadline),
                new RuleSpec.WithdrawBy(RuleId.of("p6-lachin"), ZoneId.of("lachin-handover"), Set.of(AM),
                        Instant.parse("2020-11-30T21:00:00Z")),
                new RuleSpec.CorridorControl(RuleId.of("p6-corridor"), ZoneId.of("lachin-corridor"), Set.of(PK), CEASEFIRE)};
    }

    private static Provision provision(String id, ProvisionVersion v) {
        return new Provision(ProvisionId.of(id), id, id, false, List.of(v));
    }

    private static ProvisionVersion version(int n, Instant from, Instant to, RuleSpec... rules) {
        return new ProvisionVersion(n, from, Optional.ofNullable(to), LocalDate.of(2020, 11, 10), "fixture", "",
                List.of(rules));
    }

    private static void zone(Map<ZoneId, Zone> zones, String id, ZoneRole role, Geometry g, PartyId heldBy) {
        zones.put(ZoneId.of(id), new Zone(ZoneId.of(id), id, role, g, Optional.ofNullable(heldBy), "fixture", "approximate"));
    }

    /** A polygon from (lat, lon) pairs, in JTS x = lon, y = lat. */
    static Geometry polygon(double[][] latLon) {
        Coordinate[] c = new Coordinate[latLon.length + 1];
        for (int i = 0; i < latLon.length; i++) c[i] = new Coordinate(latLon[i][1], latLon[i][0]);
        c[latLon.length] = c[0];
        return GF.createPolygon(c);
    }

    static Geometry line(double[][] latLon) {
        Coordinate[] c = new Coordinate[latLon.length];
        for (int i = 0; i < latLon.length; i++) c[i] = new Coordinate(latLon[i][1], latLon[i][0]);
        return GF.createLineString(c);
    }
}
