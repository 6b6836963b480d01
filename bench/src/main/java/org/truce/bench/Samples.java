package org.truce.bench;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;

/** Realistic records for the benchmarks. */
final class Samples {
    private Samples() {}

    static Incident incident() {
        Instant t = Instant.parse("2020-11-14T06:00:00Z");
        return new Incident("INC-2020-11-14-0042", ProvisionId.of("p1-ceasefire"), 1, RuleId.of("p1-ceasefire"),
                "cease-fire", ZoneId.of("theater"), t, t.plusSeconds(600), GeoPoint.of(39.7589, 46.7497), 350.0,
                Optional.of(PartyId.of("AZ")), 0.91, "fire-17", "Artillery fire located 4 km south-east of Shusha",
                IncidentState.OPEN, List.of("OBS-1021", "OBS-1022", "OBS-1029", "OBS-1031", "OBS-1040", "OBS-1043"));
    }
}
