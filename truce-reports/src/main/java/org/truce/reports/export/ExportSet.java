package org.truce.reports.export;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.agreement.Party;
import org.truce.ground.PartyId;
import org.truce.agreement.Zone;
import org.truce.airspace.FlightPlan;
import org.truce.fusion.Track;
import org.truce.rules.Incident;

/**
 * What one export holds: incidents (ordered by start then id, as the store gives them), zones, tracks, flight plans
 * (ordered by id) and the parties that name the incidents' attributed parties. Immutable and thread-safe.
 *
 * @param parties by id; a party absent here is written by its id alone
 * @param source  who produced the data, written where a format has a source field (e.g. the center's name)
 */
public record ExportSet(List<Incident> incidents, List<Zone> zones, List<Track> tracks,
                        Map<PartyId, Party> parties, String source, List<FlightPlan> flightPlans) {
    public ExportSet {
        incidents = List.copyOf(incidents);
        zones = List.copyOf(zones);
        tracks = List.copyOf(tracks);
        parties = Map.copyOf(parties);
        Objects.requireNonNull(source, "source");
        flightPlans = List.copyOf(flightPlans);
    }

    /** A set without flight plans. */
    public ExportSet(List<Incident> incidents, List<Zone> zones, List<Track> tracks, Map<PartyId, Party> parties,
                     String source) {
        this(incidents, zones, tracks, parties, source, List.of());
    }

    /** Incidents alone, with no zones, tracks or party names. */
    public static ExportSet ofIncidents(List<Incident> incidents, String source) {
        return new ExportSet(incidents, List.of(), List.of(), Map.of(), source);
    }

    /** Incidents with the agreement's zones (in file order) and parties. */
    public static ExportSet of(List<Incident> incidents, Agreement agreement, String source) {
        Map<PartyId, Party> parties = new java.util.HashMap<>();
        agreement.parties().forEach(p -> parties.put(p.id(), p));
        return new ExportSet(incidents, List.copyOf(agreement.zones().values()), List.of(), parties, source);
    }

    /** The same set with these tracks. */
    public ExportSet withTracks(List<Track> newTracks) {
        return new ExportSet(incidents, zones, newTracks, parties, source, flightPlans);
    }

    /** The same set with these flight plans. */
    public ExportSet withFlightPlans(List<FlightPlan> plans) {
        return new ExportSet(incidents, zones, tracks, parties, source, plans);
    }

    /** The attributed party's display name, else its id; empty when the incident has no party. */
    public Optional<String> partyName(Incident incident) {
        return incident.party().map(id -> Optional.ofNullable(parties.get(id)).map(Party::name).orElse(id.value()));
    }
}
