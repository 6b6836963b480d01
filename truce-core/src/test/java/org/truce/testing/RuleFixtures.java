package org.truce.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
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
import org.truce.agreement.Signatory;
import org.truce.agreement.Zone;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.GeoPoint;
import org.truce.geo.LocalProjection;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;

/**
 * A Karabakh-like agreement built in code, with simple rectangular zones laid out in local metres (UTM 38N)
 * around an origin, so tests can place objects exactly "201 m outside the line". Layout (km east, km north of
 * the origin):
 * <pre>
 *   theater            [-50, 50] x [-50, 50]
 *   am-held            [0, 20] x [0, 20]         line of contact = its boundary
 *   pk-zone            am-held buffered 2 km
 *   lachin-corridor    [-30, 0] x [8, 13]        5 km wide, west of am-held
 *   aghdam-handover    [25, 35] x [0, 10]
 *   kalbajar-handover  [0, 20] x [25, 35]
 *   lachin-handover    [-30, 0] x [-10, 5]
 *   center-premises    [30, 30.2] x [-20, -19.8]
 *   airspace-ru        [20, 45] x [-25, -5]      (contains the premises)
 *   airspace-tr        [-5, 31] x [-25, -15]     (contains the premises)
 * </pre>
 */
public final class RuleFixtures {
    private RuleFixtures() {}

    public static final String PROJ = "+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs";
    public static final LocalProjection UTM = new LocalProjection(PROJ);
    public static final Coordinate ORIGIN = UTM.toLocal(GeoPoint.of(39.80, 46.75));
    public static final Instant EFFECTIVE = Instant.parse("2020-11-09T21:00:00Z");
    public static final Instant AGHDAM_DEADLINE = Instant.parse("2020-11-19T21:00:00Z");
    public static final Instant P6_V2_FROM = Instant.parse("2020-11-14T21:00:00Z");
    public static final Instant KALBAJAR_V1 = Instant.parse("2020-11-14T21:00:00Z");
    public static final Instant KALBAJAR_V2 = Instant.parse("2020-11-24T21:00:00Z");
    public static final Instant LACHIN_DEADLINE = Instant.parse("2020-11-30T21:00:00Z");

    public static final PartyId AM = PartyId.of("AM");
    public static final PartyId AZ = PartyId.of("AZ");
    public static final PartyId RU_PK = PartyId.of("RU-PK");
    public static final ContingentId RU = ContingentId.of("RU");
    public static final ContingentId TR = ContingentId.of("TR");

    public static final ZoneId THEATER = ZoneId.of("theater");
    public static final ZoneId AM_HELD = ZoneId.of("am-held");
    public static final ZoneId PK_ZONE = ZoneId.of("pk-zone");
    public static final ZoneId CORRIDOR = ZoneId.of("lachin-corridor");
    public static final ZoneId AGHDAM = ZoneId.of("aghdam-handover");
    public static final ZoneId KALBAJAR = ZoneId.of("kalbajar-handover");
    public static final ZoneId LACHIN = ZoneId.of("lachin-handover");
    public static final ZoneId PREMISES = ZoneId.of("center-premises");
    public static final ZoneId AIRSPACE_RU = ZoneId.of("airspace-ru");
    public static final ZoneId AIRSPACE_TR = ZoneId.of("airspace-tr");

    public static final double HOLD_TOLERANCE_M = 200;
    public static final double BEACON_TOLERANCE_M = 50;
    public static final double DRONE_TOLERANCE_M = 100;

    /** A position given in metres east and north of the fixture origin. */
    public static GeoPoint at(double eastM, double northM) {
        return UTM.toGeo(new Coordinate(ORIGIN.x + eastM, ORIGIN.y + northM));
    }

    /** The fixture zones, in layout order. */
    public static Map<ZoneId, Zone> zones() {
        Map<ZoneId, Zone> z = new LinkedHashMap<>();
        put(z, THEATER, ZoneRole.THEATER, box(-50_000, 50_000, -50_000, 50_000), Optional.empty());
        Geometry held = box(0, 20_000, 0, 20_000);
        put(z, AM_HELD, ZoneRole.HELD_AREA, held, Optional.of(AM));
        put(z, PK_ZONE, ZoneRole.PEACEKEEPING_ZONE, held.buffer(2_000), Optional.empty());
        put(z, CORRIDOR, ZoneRole.CORRIDOR, box(-30_000, 0, 8_000, 13_000), Optional.empty());
        put(z, AGHDAM, ZoneRole.HANDOVER_DISTRICT, box(25_000, 35_000, 0, 10_000), Optional.empty());
        put(z, KALBAJAR, ZoneRole.HANDOVER_DISTRICT, box(0, 20_000, 25_000, 35_000), Optional.empty());
        put(z, LACHIN, ZoneRole.HANDOVER_DISTRICT, box(-30_000, 0, -10_000, 5_000), Optional.empty());
        put(z, PREMISES, ZoneRole.PREMISES, box(30_000, 30_200, -20_000, -19_800), Optional.empty());
        put(z, AIRSPACE_RU, ZoneRole.AIRSPACE, box(20_000, 45_000, -25_000, -5_000), Optional.empty());
        put(z, AIRSPACE_TR, ZoneRole.AIRSPACE, box(-5_000, 31_000, -25_000, -15_000), Optional.empty());
        return z;
    }

    private static void put(Map<ZoneId, Zone> z, ZoneId id, ZoneRole role, Geometry local, Optional<PartyId> heldBy) {
        z.put(id, new Zone(id, id.value(), role, UTM.toGeo(local), heldBy, "test fixture", "synthetic rectangle"));
    }

    /** A rectangle in local metres relative to the origin. */
    public static Geometry box(double e0, double e1, double n0, double n1) {
        return new GeometryFactory().toGeometry(new Envelope(ORIGIN.x + e0, ORIGIN.x + e1, ORIGIN.y + n0, ORIGIN.y + n1));
    }

    /** The whole fixture agreement, with the provisions of the common scenario (¶1, ¶2, ¶3, ¶6 v1/v2, JMC-1/2). */
    public static Agreement agreement() {
        return agreement(standardProvisions());
    }

    /** The fixture parties, contingents and zones with the given provisions only. */
    public static Agreement agreement(List<Provision> provisions) {
        return new Agreement("test-karabakh", "Test agreement", EFFECTIVE, PROJ,
                List.of(new Party(AM, "Armenia", PartyRole.BELLIGERENT), new Party(AZ, "Azerbaijan", PartyRole.BELLIGERENT),
                        new Party(RU_PK, "Russian peacekeepers", PartyRole.PEACEKEEPER)),
                List.of(new Signatory("A", "President", "AZ")),
                List.of(new Contingent(RU, "Russian contingent", "ru"), new Contingent(TR, "Turkish contingent", "tr")),
                new ParityRule(0, 60, true, true), zones(), provisions);
    }

    public static Agreement agreement(Provision... provisions) {
        return agreement(Arrays.asList(provisions));
    }

    public static List<Provision> standardProvisions() {
        List<Provision> p = new ArrayList<>();
        p.add(provision("¶1", version(1, EFFECTIVE, null, ceaseFire(), holdPositions())));
        p.add(provision("¶2", version(1, EFFECTIVE, null, withdrawBy("p2-aghdam", AGHDAM, AGHDAM_DEADLINE))));
        p.add(provision("¶3", version(1, EFFECTIVE, null,
                forceCap(Map.of("PERSONNEL", 1960, "APC", 90, "VEHICLES", 380), 3600))));
        p.add(provision("¶6",
                version(1, EFFECTIVE, P6_V2_FROM, withdrawBy("p6-kalbajar", KALBAJAR, KALBAJAR_V1),
                        withdrawBy("p6-lachin", LACHIN, LACHIN_DEADLINE), corridor()),
                version(2, P6_V2_FROM, null, withdrawBy("p6-kalbajar", KALBAJAR, KALBAJAR_V2),
                        withdrawBy("p6-lachin", LACHIN, LACHIN_DEADLINE), corridor())));
        p.add(provision("JMC-1", version(1, EFFECTIVE, null, new RuleSpec.RestrictedMovement(RuleId.of("jmc1-tr-staff"),
                TR, Set.of(AssetKind.STAFF_BEACON), List.of(PREMISES), BEACON_TOLERANCE_M, EFFECTIVE))));
        p.add(provision("JMC-2", version(1, EFFECTIVE, null,
                new RuleSpec.RestrictedMovement(RuleId.of("jmc2-ru-drones"), RU, Set.of(AssetKind.DRONE),
                        List.of(AIRSPACE_RU), DRONE_TOLERANCE_M, EFFECTIVE),
                new RuleSpec.RestrictedMovement(RuleId.of("jmc2-tr-drones"), TR, Set.of(AssetKind.DRONE),
                        List.of(AIRSPACE_TR), DRONE_TOLERANCE_M, EFFECTIVE))));
        return p;
    }

    public static RuleSpec.CeaseFire ceaseFire() {
        return new RuleSpec.CeaseFire(RuleId.of("p1-ceasefire"), THEATER, EFFECTIVE);
    }

    /** As in the scenario: the handover districts and the corridor are governed by other provisions. */
    public static RuleSpec.HoldPositions holdPositions() {
        return holdPositions(List.of(AGHDAM, KALBAJAR, LACHIN, CORRIDOR));
    }

    public static RuleSpec.HoldPositions holdPositions(List<ZoneId> exceptIn) {
        return new RuleSpec.HoldPositions(RuleId.of("p1-hold-positions"), AM_HELD, AM, AZ, HOLD_TOLERANCE_M, exceptIn, EFFECTIVE);
    }

    public static RuleSpec.WithdrawBy withdrawBy(String id, ZoneId zone, Instant deadline) {
        return new RuleSpec.WithdrawBy(RuleId.of(id), zone, Set.of(AM), deadline);
    }

    public static RuleSpec.CorridorControl corridor() {
        return new RuleSpec.CorridorControl(RuleId.of("p6-corridor"), CORRIDOR, Set.of(RU_PK), EFFECTIVE);
    }

    public static RuleSpec.ForceCap forceCap(Map<String, Integer> caps, long windowSeconds) {
        return new RuleSpec.ForceCap(RuleId.of("p3-force-cap"), RU_PK, List.of(PK_ZONE, CORRIDOR), caps,
                windowSeconds, EFFECTIVE);
    }

    public static Provision provision(String id, ProvisionVersion... versions) {
        return new Provision(ProvisionId.of(id), id, "text of " + id, false, List.of(versions));
    }

    /** A version valid from {@code from} to {@code to} (null = open-ended). */
    public static ProvisionVersion version(int n, Instant from, Instant to, RuleSpec... rules) {
        return new ProvisionVersion(n, from, Optional.ofNullable(to), LocalDate.of(2020, 11, 9 + n), "test", "",
                List.of(rules));
    }

    // ---- assets -------------------------------------------------------------------------------------------

    public static Asset asset(String id, ContingentId owner, AssetKind kind) {
        return new Asset(AssetId.of(id), owner, kind, "test", new SensorSpec(5_000, 60, 40, 40, 10),
                OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    public static Asset fixedSensor(String id, ContingentId owner, AssetKind kind, GeoPoint site) {
        return new Asset(AssetId.of(id), owner, kind, "test", new SensorSpec(10_000, 60, 40, 0, 10),
                OptionalInt.empty(), Optional.of(site), Optional.empty());
    }

    // ---- observations -------------------------------------------------------------------------------------

    public static Observation.Detection detection(String asset, Instant t, GeoPoint p, ObjectClass c,
                                                  PartyId side, double sideConfidence) {
        return new Observation.Detection(AssetId.of(asset), t, p, 10, c, 0.9, Optional.ofNullable(side),
                side == null ? 0 : sideConfidence, 1, Optional.empty());
    }

    public static Observation.PlatformFix fix(String asset, Instant t, GeoPoint p) {
        return new Observation.PlatformFix(AssetId.of(asset), t, p, 0, 5, 0, 0);
    }

    public static Observation.FireCue locatedCue(String asset, Instant t, FireKind kind, GeoPoint p, double cepM) {
        return new Observation.FireCue(AssetId.of(asset), t, kind, Optional.of(p), cepM, Optional.empty(), 0, 0, 0,
                Optional.empty());
    }

    public static Observation.FireCue bearingCue(String asset, Instant t, FireKind kind, double bearingDeg,
                                                 double sigmaDeg, double minM, double maxM) {
        return new Observation.FireCue(AssetId.of(asset), t, kind, Optional.empty(), 0, Optional.of(bearingDeg),
                sigmaDeg, minM, maxM, Optional.empty());
    }

    /**
     * Detections of one object moving in a straight line from (e0, n0) to (e1, n1) metres, {@code n} detections
     * {@code stepSeconds} apart starting at {@code start}.
     */
    public static List<Observation.Detection> path(String asset, Instant start, long stepSeconds, int n,
                                                   double e0, double n0, double e1, double n1, ObjectClass c,
                                                   PartyId side, double sideConfidence) {
        List<Observation.Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double f = n == 1 ? 0 : (double) i / (n - 1);
            out.add(detection(asset, start.plusSeconds(i * stepSeconds), at(e0 + f * (e1 - e0), n0 + f * (n1 - n0)),
                    c, side, sideConfidence));
        }
        return out;
    }

    /** A track estimate placed exactly, for evaluator tests that bypass the tracker. */
    public static Track track(String id, Instant t, GeoPoint p, double sigmaM, ObjectClass c, PartyId side,
                              double sideConfidence, TrackStatus status) {
        return new Track(id, t, t, p, sigmaM, 0, 0, c, 0.9, Optional.ofNullable(side), sideConfidence, 1, status, 3,
                List.of("OBS-" + Math.abs((id + t).hashCode() % 100000)));
    }

    public static Track confirmed(String id, Instant t, GeoPoint p, ObjectClass c, PartyId side) {
        return track(id, t, p, 10, c, side, 0.95, TrackStatus.CONFIRMED);
    }
}
