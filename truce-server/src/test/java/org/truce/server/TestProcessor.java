package org.truce.server;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.truce.agreement.Agreement;
import org.truce.ground.ProvisionId;
import org.truce.ground.RuleId;
import org.truce.ground.ZoneId;
import org.truce.fusion.Track;
import org.truce.fusion.TrackStatus;
import org.truce.geo.GeoPoint;
import org.truce.pipeline.CenterEvent;
import org.truce.pipeline.Processor;
import org.truce.rules.Incident;
import org.truce.rules.IncidentState;
import org.truce.sensing.AcceptedObservation;
import org.truce.sensing.Observation;

/**
 * A deterministic stand-in for the rules pipeline: every located fire cue opens a cease-fire incident
 * (party undetermined); every detection updates a track, and a detection of an attributed armed object inside
 * {@code aghdam-handover} opens or grows a withdraw-by incident for that track. Incidents close after 15 min
 * without evidence.
 */
final class TestProcessor implements Processor {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Agreement agreement;
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final Map<String, Incident> openBySubject = new LinkedHashMap<>();
    private int incidentSeq;

    TestProcessor(Agreement agreement) {
        this.agreement = agreement;
    }

    @Override
    public List<CenterEvent> process(AcceptedObservation a) {
        List<CenterEvent> out = new ArrayList<>();
        switch (a.observation()) {
            case Observation.FireCue f when f.position().isPresent() -> {
                Incident i = new Incident(nextId(f.time()), ProvisionId.of("¶1"), 1, RuleId.of("p1-ceasefire"),
                        "cease-fire", ZoneId.of("theater"), f.time(), f.time(), f.position().get(), 2 * f.cepM(),
                        Optional.empty(), 0.35, "fire:" + a.id(), "Fire event (" + f.fireKind() + ")",
                        IncidentState.OPEN, List.of(a.id()), Optional.of(located(f, a.id())));
                openBySubject.put(i.subject(), i);
                out.add(new CenterEvent.IncidentChanged(i, true));
            }
            case Observation.Detection d -> {
                String trackId = "TRK-" + d.sensorTrackId().orElse(Long.toString(a.seq()));
                Track old = tracks.get(trackId);
                List<String> evidence = new ArrayList<>(old == null ? List.of() : old.evidence());
                evidence.add(a.id());
                Track t = new Track(trackId, old == null ? d.time() : old.firstSeen(), d.time(), d.position(),
                        d.cepM(), 0, 0, d.objectClass(), d.classConfidence(), d.side(), d.sideConfidence(), d.count(),
                        old == null ? TrackStatus.TENTATIVE : TrackStatus.CONFIRMED, evidence.size(), evidence);
                tracks.put(trackId, t);
                out.add(new CenterEvent.TrackUpdated(t));
                if (d.objectClass().armed() && d.side().isPresent() && d.sideConfidence() >= 0.8
                        && inside("aghdam-handover", d.position())) {
                    out.add(withdrawal(trackId, d, a.id()));
                }
            }
            default -> { }
        }
        return out;
    }

    @Override
    public List<CenterEvent> advanceTo(Instant now) {
        List<CenterEvent> out = new ArrayList<>();
        for (var it = openBySubject.entrySet().iterator(); it.hasNext(); ) {
            Incident i = it.next().getValue();
            if (i.end().plus(Duration.ofMinutes(15)).isBefore(now)) {
                it.remove();
                out.add(new CenterEvent.IncidentChanged(new Incident(i.id(), i.provision(), i.provisionVersion(),
                        i.rule(), i.ruleType(), i.zone(), i.start(), i.end(), i.place(), i.uncertaintyM(), i.party(),
                        i.attributionConfidence(), i.subject(), i.summary(), IncidentState.CLOSED, i.evidence()), false));
            }
        }
        return out;
    }

    private CenterEvent withdrawal(String trackId, Observation.Detection d, String obsId) {
        Incident old = openBySubject.get(trackId);
        if (old == null) {
            Incident i = new Incident(nextId(d.time()), ProvisionId.of("¶2"), 1, RuleId.of("p2-aghdam"), "withdraw-by",
                    ZoneId.of("aghdam-handover"), d.time(), d.time(), d.position(), 3 * d.cepM(), d.side(),
                    d.sideConfidence(), trackId, d.objectClass() + " in the district after the deadline",
                    IncidentState.OPEN, List.of(obsId));
            openBySubject.put(trackId, i);
            return new CenterEvent.IncidentChanged(i, true);
        }
        List<String> evidence = new ArrayList<>(old.evidence());
        evidence.add(obsId);
        Incident grown = new Incident(old.id(), old.provision(), old.provisionVersion(), old.rule(), old.ruleType(),
                old.zone(), old.start(), d.time(), d.position(), old.uncertaintyM(), old.party(),
                old.attributionConfidence(), old.subject(), old.summary(), IncidentState.OPEN, evidence);
        openBySubject.put(trackId, grown);
        return new CenterEvent.IncidentChanged(grown, false);
    }

    /** The cue's own fix as a located launch: a 95 % ellipse 2 CEP by 1 CEP, long axis at 30°, undetermined side. */
    private static org.truce.rules.FireLocation located(Observation.FireCue f, String id) {
        var e = new org.truce.ground.uncertainty.ErrorEllipse(2 * f.cepM(), f.cepM(), 30, 0.95);
        var side = new org.truce.rules.FireLocation.SideProbability(ZoneId.of("am-held"),
                org.truce.ground.PartyId.of("AM"), 0.35, Optional.of(org.truce.ground.PartyId.of("AZ")), 0.5,
                0.15);
        return new org.truce.rules.FireLocation(org.truce.rules.FireLocation.Method.LOCATED, f.fireKind(),
                f.position().get(), Optional.of(e), 2 * f.cepM(), 1, Map.of("fix", 1), List.of(id), 1,
                Optional.of(new org.truce.rules.FireLocation.Launch(org.truce.rules.FireLocation.Method.LOCATED,
                        f.position().get(), e, List.of(side))), Optional.empty());
    }

    private boolean inside(String zone, GeoPoint p) {
        return agreement.zone(ZoneId.of(zone)).orElseThrow().geometry()
                .contains(GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat())));
    }

    private String nextId(Instant t) {
        LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
        return "INC-" + day + "-" + String.format("%04d", ++incidentSeq);
    }
}
