package org.truce.server.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.truce.codec.GeoJsonFeatures;
import org.truce.cases.CaseRepository;
import org.truce.cases.CaseView;
import org.truce.cases.Principal;
import org.truce.cases.Visibility;
import org.truce.rules.Incident;
import org.truce.server.ogc.OgcCollection;
import org.truce.server.ogc.OgcFeature;
import org.truce.server.ogc.TimeInterval;
import org.truce.store.IncidentRepository;

/**
 * The OGC API {@code findings} collection: every PUBLISHED case at its incident's place, as the public sees it
 * (each case goes through {@link Visibility#redact} for {@link Principal#anonymous()}), so the export can never
 * carry a sealed assessment or the internal discussion. A finding and a dissent alike: property {@code outcome}
 * holds the joint finding or every contingent's position side by side. Stateless; reads the repositories per call.
 */
public final class FindingFeatures {
    private FindingFeatures() {}

    public static OgcCollection collection(CaseRepository cases, IncidentRepository incidents, ObjectMapper mapper,
                                           Supplier<Instant> now) {
        return new OgcCollection("findings", "Published findings",
                "The joint outcome of every published case at its incident's place: a finding (verdict, attribution "
                        + "with confidence, provisions, evidence) or a recorded dissent with each contingent's position. "
                        + "Time is the incident's interval; published is when the outcome was made public.",
                () -> features(cases, incidents, mapper, now.get()));
    }

    private static List<OgcFeature> features(CaseRepository cases, IncidentRepository incidents, ObjectMapper mapper,
                                             Instant now) {
        List<OgcFeature> out = new ArrayList<>();
        for (CaseView v : Visibility.redactAll(cases.all(), Principal.anonymous(), now)) {
            Incident i = incidents.find(v.incidentId()).orElse(null);
            if (i == null) continue;
            ObjectNode f = GeoJsonFeatures.feature(v.id().value(), GeoJsonFeatures.point(i.place()));
            ObjectNode p = GeoJsonFeatures.properties(f);
            p.put("id", v.id().value());
            p.put("incidentId", v.incidentId());
            p.put("provision", v.provision().value());
            p.put("zone", i.zone().value());
            p.put("uncertaintyM", i.uncertaintyM());
            p.put("start", i.start().toString());
            p.put("end", i.end().toString());
            v.published().ifPresent(t -> p.put("published", t.toString()));
            v.outcome().ifPresent(o -> p.set("outcome", mapper.valueToTree(o)));
            out.add(new OgcFeature(v.id().value(), new Envelope(i.place().lon(), i.place().lon(), i.place().lat(),
                    i.place().lat()), TimeInterval.of(i.start(), i.end()), f));
        }
        return List.copyOf(out);
    }
}
