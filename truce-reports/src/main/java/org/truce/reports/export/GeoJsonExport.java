package org.truce.reports.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import org.truce.agreement.Zone;
import org.truce.airspace.FlightPlan;
import org.truce.codec.GeoJsonFeatures;
import org.truce.fusion.Track;
import org.truce.geo.GeoPoint;
import org.truce.rules.FireLocation;
import org.truce.rules.Incident;

/**
 * An RFC 7946 GeoJSON FeatureCollection: incidents as Points, then zones, then tracks as Points, then flight plans
 * as their LineString or Polygon, each written by the shared {@link GeoJsonFeatures} (six decimals,
 * counter-clockwise shells, no {@code crs} member), as the API and OGC collections write them. Every feature has a {@code kind} property ({@code incident}, {@code zone},
 * {@code track}, {@code flight-plan}) and its record's fields as properties;
 * times are ISO-8601 UTC, distances metres. Stateless and thread-safe.
 */
public final class GeoJsonExport implements ExportWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public void write(ExportSet set, OutputStream out) throws IOException {
        ObjectNode root = NODES.objectNode();
        root.put("type", "FeatureCollection");
        ArrayNode features = root.putArray("features");
        for (Incident i : set.incidents()) features.add(incident(i, set));
        for (Zone z : set.zones()) features.add(zone(z));
        for (Track t : set.tracks()) features.add(track(t));
        for (FlightPlan fp : set.flightPlans()) features.add(flightPlan(fp));
        mapper.writeValue(out, root);
    }

    private static ObjectNode incident(Incident i, ExportSet set) {
        ObjectNode f = GeoJsonFeatures.feature(i.id(), GeoJsonFeatures.point(i.place()));
        ObjectNode p = (ObjectNode) f.get("properties");
        p.put("kind", "incident");
        p.put("id", i.id());
        p.put("provision", i.provision().value());
        p.put("provisionVersion", i.provisionVersion());
        p.put("rule", i.rule().value());
        p.put("ruleType", i.ruleType());
        p.put("zone", i.zone().value());
        p.put("start", i.start().toString());
        p.put("end", i.end().toString());
        p.put("uncertaintyM", i.uncertaintyM());
        if (i.party().isPresent()) p.put("party", i.party().get().value()); else p.putNull("party");
        if (set.partyName(i).isPresent()) p.put("partyName", set.partyName(i).get()); else p.putNull("partyName");
        p.put("attributionConfidence", i.attributionConfidence());
        p.put("subject", i.subject());
        p.put("summary", i.summary());
        p.put("state", i.state().name());
        ArrayNode ev = p.putArray("evidence");
        i.evidence().forEach(ev::add);
        i.fire().ifPresent(fire -> fire(p, fire));
        return f;
    }

    /**
     * A cease-fire incident's fire event, flat so GIS tools can style by it: {@code locationMethod}, the 95 % ellipse
     * ({@code ellipseSemiMajorM}, {@code ellipseSemiMinorM}, {@code ellipseOrientationDeg} from true north; null when
     * not located), {@code fireKind}, {@code fireCues}, {@code fireEvents}, and the launch ({@code launchLat},
     * {@code launchLon}, {@code launchInside}, {@code launchBeyond}, {@code launchContested} for the first held area)
     * when located.
     */
    private static void fire(ObjectNode p, FireLocation fire) {
        p.put("locationMethod", fire.method().name());
        p.put("fireKind", fire.kind().name());
        if (fire.ellipse95().isPresent()) {
            p.put("ellipseSemiMajorM", fire.ellipse95().get().semiMajorM());
            p.put("ellipseSemiMinorM", fire.ellipse95().get().semiMinorM());
            p.put("ellipseOrientationDeg", fire.ellipse95().get().orientationDeg());
        } else {
            p.putNull("ellipseSemiMajorM");
            p.putNull("ellipseSemiMinorM");
            p.putNull("ellipseOrientationDeg");
        }
        p.put("fireCues", fire.cues());
        p.put("fireEvents", fire.events());
        fire.launch().ifPresent(l -> {
            p.put("launchLat", l.position().lat());
            p.put("launchLon", l.position().lon());
            if (!l.sides().isEmpty()) {
                p.put("launchInside", l.sides().getFirst().inside());
                p.put("launchBeyond", l.sides().getFirst().beyond());
                p.put("launchContested", l.sides().getFirst().contested());
            }
        });
    }

    /** The shared zone feature, with {@code kind} first and {@code heldBy} null when unheld (a fixed column set). */
    private static ObjectNode zone(Zone z) {
        ObjectNode shared = GeoJsonFeatures.zone(z);
        ObjectNode f = GeoJsonFeatures.feature(z.id().value(), shared.get("geometry"));
        ObjectNode p = GeoJsonFeatures.properties(f);
        p.put("kind", "zone");
        p.setAll(GeoJsonFeatures.properties(shared));
        if (!p.has("heldBy")) p.putNull("heldBy");
        return f;
    }

    private static ObjectNode flightPlan(FlightPlan fp) {
        ObjectNode f = GeoJsonFeatures.feature(fp.id().value(), GeoJsonFeatures.geometry(fp.path().toGeometry()));
        ObjectNode p = (ObjectNode) f.get("properties");
        p.put("kind", "flight-plan");
        p.put("id", fp.id().value());
        p.put("asset", fp.asset().value());
        p.put("contingent", fp.contingent().value());
        p.put("from", fp.from().toString());
        p.put("to", fp.to().toString());
        p.put("minAltitudeM", fp.minAltitudeM());
        p.put("maxAltitudeM", fp.maxAltitudeM());
        p.put("purpose", fp.purpose());
        p.put("notes", fp.notes());
        p.put("filedBy", fp.filedBy());
        p.put("filed", fp.filed().toString());
        p.put("status", fp.status().name());
        if (fp.cancelReason().isPresent()) p.put("cancelReason", fp.cancelReason().get()); else p.putNull("cancelReason");
        return f;
    }

    private static ObjectNode track(Track t) {
        ObjectNode f = GeoJsonFeatures.feature(t.id() + "@" + t.time(), GeoJsonFeatures.point(t.position()));
        ObjectNode p = (ObjectNode) f.get("properties");
        p.put("kind", "track");
        p.put("id", t.id());
        p.put("firstSeen", t.firstSeen().toString());
        p.put("time", t.time().toString());
        p.put("sigmaM", t.sigmaM());
        p.put("velocityEastMps", t.velocityEastMps());
        p.put("velocityNorthMps", t.velocityNorthMps());
        p.put("objectClass", t.objectClass().name());
        p.put("classConfidence", t.classConfidence());
        if (t.side().isPresent()) p.put("side", t.side().get().value()); else p.putNull("side");
        p.put("sideConfidence", t.sideConfidence());
        p.put("size", t.size());
        p.put("status", t.status().name());
        p.put("hits", t.hits());
        return f;
    }
}
