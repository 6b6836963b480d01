package org.truce.server;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
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
import org.truce.geo.GeoPoint;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.SensorSpec;

/**
 * A small Karabakh-like agreement and asset registry for the server tests. The outlines are rough shapes near
 * the real places, good enough to look like a map; they are test data, not the scenario's zones.
 */
final class Fixtures {
    static final Instant EFFECTIVE = Instant.parse("2020-11-09T21:00:00Z");
    static final Instant P6_V2 = Instant.parse("2020-11-14T21:00:00Z");
    static final String SECRET = "secret-token-never-shown";
    /** RU-CAM-01's token: contains {@link #SECRET}, so "the body never shows SECRET" covers it too. */
    static final String CAM_SECRET = SECRET + "-camera";

    private Fixtures() {}

    static Agreement agreement() {
        Map<ZoneId, Zone> zones = new LinkedHashMap<>();
        zone(zones, "theater", "Theater", ZoneRole.THEATER, null,
                "POLYGON((46.25 39.35, 47.45 39.35, 47.45 40.35, 46.25 40.35, 46.25 39.35))");
        zone(zones, "district-aghdam", "Aghdam district", ZoneRole.REFERENCE, null,
                "POLYGON((46.78 39.92, 47.20 39.90, 47.28 40.12, 46.95 40.20, 46.80 40.10, 46.78 39.92))");
        zone(zones, "district-kalbajar", "Kalbajar district", ZoneRole.REFERENCE, null,
                "POLYGON((45.95 39.95, 46.60 39.90, 46.70 40.25, 46.10 40.33, 45.95 39.95))");
        zone(zones, "district-lachin", "Lachin district", ZoneRole.REFERENCE, null,
                "POLYGON((46.25 39.40, 46.62 39.38, 46.66 39.80, 46.30 39.85, 46.25 39.40))");
        zone(zones, "am-held", "Area under the peacekeepers", ZoneRole.HELD_AREA, "AM",
                "POLYGON((46.55 39.62, 46.90 39.55, 47.05 39.70, 46.98 39.95, 46.80 40.08, 46.62 39.98, 46.55 39.62))");
        zone(zones, "pk-zone", "Peacekeeping zone", ZoneRole.PEACEKEEPING_ZONE, null,
                "POLYGON((46.52 39.60, 46.91 39.52, 47.08 39.69, 47.00 39.97, 46.80 40.11, 46.59 40.00, 46.52 39.60))");
        zone(zones, "lachin-corridor", "Lachin corridor", ZoneRole.CORRIDOR, null,
                "POLYGON((46.30 39.60, 46.56 39.63, 46.56 39.665, 46.30 39.635, 46.30 39.60))");
        zone(zones, "aghdam-handover", "Aghdam district to hand over", ZoneRole.HANDOVER_DISTRICT, null,
                "POLYGON((47.02 39.90, 47.20 39.90, 47.28 40.12, 46.95 40.20, 46.86 40.06, 46.99 39.96, 47.02 39.90))");
        zone(zones, "center-premises", "Joint center premises", ZoneRole.PREMISES, null,
                "POLYGON((47.0605 39.9318, 47.0629 39.9318, 47.0629 39.9332, 47.0605 39.9332, 47.0605 39.9318))");
        List<Provision> provisions = List.of(
                new Provision(ProvisionId.of("¶1"), "Cease-fire", "A complete ceasefire is declared.", false,
                        List.of(new ProvisionVersion(1, EFFECTIVE, Optional.empty(), LocalDate.of(2020, 11, 9),
                                "Statement of 10 November 2020", "",
                                List.of(new RuleSpec.CeaseFire(RuleId.of("p1-ceasefire"), ZoneId.of("theater"), EFFECTIVE),
                                        new RuleSpec.HoldPositions(RuleId.of("p1-hold-positions"), ZoneId.of("am-held"),
                                                PartyId.of("AM"), PartyId.of("AZ"), 200, List.of(), EFFECTIVE))))),
                new Provision(ProvisionId.of("¶2"), "Aghdam", "Aghdam district is returned by 20 November 2020.", false,
                        List.of(new ProvisionVersion(1, EFFECTIVE, Optional.empty(), LocalDate.of(2020, 11, 9),
                                "Statement of 10 November 2020", "",
                                List.of(new RuleSpec.WithdrawBy(RuleId.of("p2-aghdam"), ZoneId.of("aghdam-handover"),
                                        Set.of(PartyId.of("AM")), Instant.parse("2020-11-19T21:00:00Z")))))),
                new Provision(ProvisionId.of("¶6"), "Kalbajar", "Kalbajar district is returned.", false,
                        List.of(new ProvisionVersion(1, EFFECTIVE, Optional.of(P6_V2), LocalDate.of(2020, 11, 9),
                                        "Statement of 10 November 2020", "", List.of()),
                                new ProvisionVersion(2, P6_V2, Optional.empty(), LocalDate.of(2020, 11, 15),
                                        "Announcement of 15 November 2020", "deadline extended to 25 November",
                                        List.of()))));
        return new Agreement("test-karabakh", "Test agreement (Karabakh-like)", EFFECTIVE,
                "+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs",
                List.of(new Party(PartyId.of("AM"), "Armenia", PartyRole.BELLIGERENT),
                        new Party(PartyId.of("AZ"), "Azerbaijan", PartyRole.BELLIGERENT),
                        new Party(PartyId.of("RU-PK"), "Russian peacekeeping force", PartyRole.PEACEKEEPER)),
                List.of(new Signatory("A", "President", "Azerbaijan")),
                List.of(new Contingent(ContingentId.of("RU"), "Russian contingent", "ru"),
                        new Contingent(ContingentId.of("TR"), "Turkish contingent", "tr")),
                new ParityRule(0, 60, true, true), zones, provisions);
    }

    static List<Asset> assets() {
        return List.of(
                new Asset(AssetId.of("RU-UAV-01"), ContingentId.of("RU"), AssetKind.DRONE, "Orlan-10",
                        new SensorSpec(5000, 30, 20, 40, 1), OptionalInt.of(11), Optional.empty(), Optional.of(SECRET)),
                new Asset(AssetId.of("TR-UAV-01"), ContingentId.of("TR"), AssetKind.DRONE, "Bayraktar TB2",
                        new SensorSpec(8000, 25, 18, 60, 1), OptionalInt.of(21), Optional.empty(), Optional.empty()),
                new Asset(AssetId.of("RU-CAM-01"), ContingentId.of("RU"), AssetKind.CAMERA, "mast camera",
                        new SensorSpec(6000, 40, 25, 0, 10), OptionalInt.empty(),
                        Optional.of(GeoPoint.of(39.93, 47.05)), Optional.of(CAM_SECRET)),
                new Asset(AssetId.of("TR-ACU-01"), ContingentId.of("TR"), AssetKind.ACOUSTIC_ARRAY, "acoustic array",
                        new SensorSpec(15000, 0, 0, 0, 10), OptionalInt.empty(),
                        Optional.of(GeoPoint.of(39.95, 47.10)), Optional.empty()));
    }

    private static void zone(Map<ZoneId, Zone> zones, String id, String name, ZoneRole role, String heldBy, String wkt) {
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(id, e);
        }
        zones.put(ZoneId.of(id), new Zone(ZoneId.of(id), name, role, g,
                Optional.ofNullable(heldBy).map(PartyId::of), "test fixture", "approximate, for tests"));
    }
}
