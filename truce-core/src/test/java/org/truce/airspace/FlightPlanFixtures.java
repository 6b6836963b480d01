package org.truce.airspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.truce.ground.ContingentId;
import org.truce.geo.GeoPoint;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.SensorSpec;

/** Plans, assets and paths shared by the flight-plan tests and the store contract. */
public final class FlightPlanFixtures {
    public static final Instant T0 = Instant.parse("2020-11-20T06:00:00Z");
    public static final ContingentId RU = ContingentId.of("RU");
    public static final ContingentId TR = ContingentId.of("TR");
    public static final FlightPath ROUTE = FlightPath.route(List.of(GeoPoint.of(39.80, 46.70), GeoPoint.of(39.85, 46.80),
            GeoPoint.of(39.90, 46.85)));
    public static final FlightPath AREA = FlightPath.area(List.of(GeoPoint.of(39.70, 46.60), GeoPoint.of(39.70, 46.70),
            GeoPoint.of(39.75, 46.70), GeoPoint.of(39.75, 46.60), GeoPoint.of(39.70, 46.60)));

    private FlightPlanFixtures() {}

    public static Asset drone(String id, ContingentId owner) {
        return new Asset(AssetId.of(id), owner, AssetKind.DRONE, "Orlan-10", new SensorSpec(3000, 30, 20, 40, 1),
                OptionalInt.of(id.hashCode() & 0xff), Optional.empty(), Optional.empty());
    }

    public static Asset camera(String id, ContingentId owner) {
        return new Asset(AssetId.of(id), owner, AssetKind.CAMERA, "cam", new SensorSpec(3000, 30, 20, 0, 1),
                OptionalInt.empty(), Optional.of(GeoPoint.of(39.8, 46.7)), Optional.empty());
    }

    /** A filed plan with the given id, asset and window start, lasting {@code hours}. */
    public static FlightPlan plan(String id, String asset, Instant from, int hours) {
        return new FlightPlan(FlightPlanId.of(id), AssetId.of(asset), RU, ROUTE, from, from.plusSeconds(hours * 3600L),
                300, 1500, "patrol along the line of contact", "", "ru-duty", from.minusSeconds(3600),
                FlightPlanStatus.FILED, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
