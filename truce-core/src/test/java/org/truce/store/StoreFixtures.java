package org.truce.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.truce.ground.ContingentId;
import org.truce.ground.PartyId;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.GeoPoint;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sensing.Asset;
import org.truce.ground.AssetId;
import org.truce.ground.AssetKind;
import org.truce.sensing.FireKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.Observation;
import org.truce.sensing.SensorSpec;

/**
 * Domain values for store tests. Times carry nanoseconds on purpose: a store must round-trip an
 * {@link Instant} exactly. Stateless and thread-safe.
 */
public final class StoreFixtures {
    /** A base time with every nanosecond digit set, in the Karabakh scenario's week. */
    public static final Instant T0 = Instant.parse("2020-11-14T06:30:00.123456789Z");

    private StoreFixtures() {}

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    public static Observation.PlatformFix fix(String asset, Instant time) {
        return new Observation.PlatformFix(AssetId.of(asset), time, GeoPoint.of(39.8123456789, 46.7512345678),
                1520.5, 4.25, 271.125, 33.3);
    }

    public static Observation.Detection detection(String asset, Instant time) {
        return new Observation.Detection(AssetId.of(asset), time, GeoPoint.of(39.91, 46.81), 35.0, ObjectClass.APC,
                0.82, Optional.of(PartyId.of("AM")), 0.64, 3, Optional.of("VMTI-17"));
    }

    public static Observation.FireCue fireCue(String asset, Instant time) {
        return new Observation.FireCue(AssetId.of(asset), time, FireKind.IMPACT, Optional.empty(), 0.0,
                Optional.of(135.5), 4.0, 3000.0, 6000.0, Optional.of(GeoPoint.of(39.93, 47.06)));
    }

    public static Observation.Footprint footprint(String asset, Instant time) {
        GeoPoint a = GeoPoint.of(39.80, 46.70);
        return new Observation.Footprint(AssetId.of(asset), time,
                List.of(a, GeoPoint.of(39.80, 46.72), GeoPoint.of(39.82, 46.72), GeoPoint.of(39.82, 46.70), a), 0.85);
    }

    /** An incident of the cease-fire rule, attributed to AZ, open, in the theater. */
    public static Incident incident(String id, Instant start, Instant end) {
        return new Incident(id, ProvisionId.of("p1-ceasefire"), 1, RuleId.of("p1-ceasefire"), "cease-fire",
                ZoneId.of("theater"), start, end, GeoPoint.of(39.85, 46.78), 450.0, Optional.of(PartyId.of("AZ")),
                0.91, "fire:" + id, "Artillery impacts north-east of Martuni", IncidentState.OPEN,
                List.of("OBS-1", "OBS-2"));
    }

    public static Incident withRuleType(Incident i, String ruleType) {
        return new Incident(i.id(), i.provision(), i.provisionVersion(), i.rule(), ruleType, i.zone(), i.start(),
                i.end(), i.place(), i.uncertaintyM(), i.party(), i.attributionConfidence(), i.subject(), i.summary(),
                i.state(), i.evidence());
    }

    public static Incident withZone(Incident i, String zone) {
        return new Incident(i.id(), i.provision(), i.provisionVersion(), i.rule(), i.ruleType(), ZoneId.of(zone),
                i.start(), i.end(), i.place(), i.uncertaintyM(), i.party(), i.attributionConfidence(), i.subject(),
                i.summary(), i.state(), i.evidence());
    }

    public static Incident withParty(Incident i, Optional<PartyId> party) {
        return new Incident(i.id(), i.provision(), i.provisionVersion(), i.rule(), i.ruleType(), i.zone(), i.start(),
                i.end(), i.place(), i.uncertaintyM(), party, i.attributionConfidence(), i.subject(), i.summary(),
                i.state(), i.evidence());
    }

    public static Incident withProvision(Incident i, String provision, int version) {
        return new Incident(i.id(), ProvisionId.of(provision), version, RuleId.of(provision), i.ruleType(), i.zone(),
                i.start(), i.end(), i.place(), i.uncertaintyM(), i.party(), i.attributionConfidence(), i.subject(),
                i.summary(), i.state(), i.evidence());
    }

    public static Incident withState(Incident i, IncidentState state) {
        return new Incident(i.id(), i.provision(), i.provisionVersion(), i.rule(), i.ruleType(), i.zone(), i.start(),
                i.end(), i.place(), i.uncertaintyM(), i.party(), i.attributionConfidence(), i.subject(), i.summary(),
                state, i.evidence());
    }

    /** The same incident grown: a later end and more evidence, as the pipeline re-saves an ongoing violation. */
    public static Incident grown(Incident i, Instant end, String moreEvidence) {
        var evidence = new java.util.ArrayList<>(i.evidence());
        evidence.add(moreEvidence);
        return new Incident(i.id(), i.provision(), i.provisionVersion(), i.rule(), i.ruleType(), i.zone(), i.start(),
                end, i.place(), i.uncertaintyM(), i.party(), i.attributionConfidence(), i.subject(), i.summary(),
                i.state(), evidence);
    }

    public static Asset drone(String id, String owner, int systemId) {
        return new Asset(AssetId.of(id), ContingentId.of(owner), AssetKind.DRONE, "Orlan-10",
                new SensorSpec(5000, 60, 40, 40, 1), OptionalInt.of(systemId), Optional.empty(),
                Optional.of("token-" + id));
    }

    public static Asset camera(String id, String owner) {
        return new Asset(AssetId.of(id), ContingentId.of(owner), AssetKind.CAMERA, "PTZ-30x",
                new SensorSpec(8000, 45, 30, 0, 10), OptionalInt.empty(), Optional.of(GeoPoint.of(39.9325, 47.0617)),
                Optional.empty());
    }

    public static Track track(String id, Instant time) {
        return new Track(id, time.minusSeconds(60), time, GeoPoint.of(39.87, 46.79), 42.5, 3.25, -1.5,
                ObjectClass.TANK, 0.7, Optional.of(PartyId.of("AM")), 0.55, 2, TrackStatus.CONFIRMED, 7,
                List.of("OBS-3", "OBS-9"));
    }
}
