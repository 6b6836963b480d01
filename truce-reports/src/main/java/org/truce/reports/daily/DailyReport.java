package org.truce.reports.daily;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.truce.agreement.Zone;
import org.truce.implementation.ProvisionState;
import org.truce.sensing.health.AssetStatus;

/**
 * The daily joint report as data: what {@link DailyReportBuilder} derives from the center's ports and what
 * {@link DailyReportRenderer} writes as HTML or PDF. Every figure names the records behind it (incident, case,
 * allegation and asset ids) so a reader can trace it. Language-neutral: ids and enum names, never words.
 * Immutable.
 *
 * @param counts          possible violations detected by the rules, counted by the start of the incident
 * @param confirmed       joint findings of CONFIRMED violations, for incidents of the period
 * @param otherFindings   joint findings NOT_CONFIRMED or INCONCLUSIVE
 * @param dissents        recorded dissents with every contingent's position
 * @param pending         cases of the period not (yet) in this edition: undecided, or decided but unpublished
 * @param allegations     allegations alleging something in the period, or filed in it
 * @param coverage        per coverage cell, the hours of the period in which it was observed
 * @param outages         asset outages and probable interference that began in the period, per asset and kind
 * @param implementation  every provision's status at the period's end, as the implementation tracker computes it
 *                        from the incidents and the coverage replayed from the log (agreement order)
 * @param map             what the map figure draws
 */
public record DailyReport(Header header, Counts counts, List<FindingRow> confirmed, List<FindingRow> otherFindings,
                          List<DissentRow> dissents, Pending pending, List<AllegationRow> allegations,
                          CoverageSection coverage, List<OutageRow> outages, List<ProvisionState> implementation,
                          MapData map) {
    public DailyReport {
        Objects.requireNonNull(header); Objects.requireNonNull(counts); Objects.requireNonNull(pending);
        Objects.requireNonNull(coverage); Objects.requireNonNull(map);
        confirmed = List.copyOf(confirmed);
        otherFindings = List.copyOf(otherFindings);
        dissents = List.copyOf(dissents);
        allegations = List.copyOf(allegations);
        outages = List.copyOf(outages);
        implementation = List.copyOf(implementation);
    }

    /**
     * @param asOf                 when the report was built; cases and allegations are shown as they stood then
     * @param checkpoint           the latest joint checkpoint at or before the period's end
     * @param jointVerification    false when the data held no case or allegation store (the report says so)
     * @param observations         accepted observations of the period replayed for coverage
     */
    public record Header(String agreementId, String agreementTitle, ReportPeriod period, Edition edition, Instant asOf,
                         Optional<CheckpointRef> checkpoint, boolean jointVerification, long observations) {
        public Header {
            Objects.requireNonNull(agreementId); Objects.requireNonNull(agreementTitle); Objects.requireNonNull(period);
            Objects.requireNonNull(edition); Objects.requireNonNull(asOf); Objects.requireNonNull(checkpoint);
        }
    }

    /**
     * A co-signed tree head of the transparency log: the report's figures can be checked against the log up to
     * {@code treeSize} entries.
     *
     * @param rootHash base64 of the Merkle root, as in the checkpoint note
     * @param signers  contingents whose signatures verified, in roster order
     */
    public record CheckpointRef(String origin, long treeSize, String rootHash, Instant signedAt, List<String> signers) {
        public CheckpointRef {
            Objects.requireNonNull(origin); Objects.requireNonNull(rootHash); Objects.requireNonNull(signedAt);
            signers = List.copyOf(signers);
        }
    }

    /** What a count row is about. */
    public enum Dimension { ZONE, PARTY, KIND }

    /**
     * One count with its day-on-day change.
     *
     * @param key         zone id, party id ({@link #UNDETERMINED} when not attributed) or rule type
     * @param label       the data's own name for it (zone or party name from the agreement), or the key
     * @param incidentIds the incidents behind {@code count}
     */
    public record CountRow(Dimension dimension, String key, String label, int count, int previous,
                           List<String> incidentIds) {
        public static final String UNDETERMINED = "";

        public CountRow {
            Objects.requireNonNull(dimension); Objects.requireNonNull(key); Objects.requireNonNull(label);
            incidentIds = List.copyOf(incidentIds);
        }

        public int change() {
            return count - previous;
        }
    }

    public record Counts(int total, int previousTotal, List<CountRow> byZone, List<CountRow> byParty,
                         List<CountRow> byKind, List<String> incidentIds, List<HourCount> byHour) {
        public Counts {
            byZone = List.copyOf(byZone);
            byParty = List.copyOf(byParty);
            byKind = List.copyOf(byKind);
            incidentIds = List.copyOf(incidentIds);
            byHour = List.copyOf(byHour);
        }
    }

    /** Incidents starting in one hour of the period and the share of coverage cells observed in that hour. */
    public record HourCount(Instant hour, int incidents, double observedShare) { }

    /**
     * A joint finding.
     *
     * @param attribution party name, empty when not attributed
     * @param verdict     CONFIRMED, NOT_CONFIRMED or INCONCLUSIVE
     */
    public record FindingRow(String caseId, String incidentId, Instant start, String zone, String verdict,
                             List<String> provisions, Optional<String> attribution, double confidence, String basis,
                             Optional<Instant> published, String summary) {
        public FindingRow {
            Objects.requireNonNull(caseId); Objects.requireNonNull(incidentId); Objects.requireNonNull(start);
            Objects.requireNonNull(zone); Objects.requireNonNull(verdict); Objects.requireNonNull(attribution);
            Objects.requireNonNull(basis); Objects.requireNonNull(published); Objects.requireNonNull(summary);
            provisions = List.copyOf(provisions);
        }
    }

    /** A recorded dissent: every contingent's position, side by side in contingent order. */
    public record DissentRow(String caseId, String incidentId, Instant start, String zone, String provision,
                             List<Position> positions, Optional<Instant> published) {
        public DissentRow {
            positions = List.copyOf(positions);
        }
    }

    /**
     * One contingent's position in a dissent.
     *
     * @param happened YES / NO / UNDETERMINED, empty when the contingent's assessment was recorded missing
     */
    public record Position(String contingent, String contingentName, Optional<String> happened,
                           Optional<String> attribution, double confidence, String statement) {
        public Position {
            Objects.requireNonNull(contingent); Objects.requireNonNull(contingentName); Objects.requireNonNull(happened);
            Objects.requireNonNull(attribution); Objects.requireNonNull(statement);
        }
    }

    /**
     * Cases of the period's incidents that this edition does not show as findings or dissents.
     *
     * @param withoutCase incidents of the period for which no case was opened (yet)
     * @param notShown    public edition: cases not published yet (neither ids nor states are shown); 0 when restricted
     * @param undecided   restricted edition: cases still assessing or reconciling (never their content)
     * @param unpublished restricted edition: decided cases awaiting publication approvals
     */
    public record Pending(int withoutCase, int notShown, List<String> undecided, List<String> unpublished) {
        public Pending {
            undecided = List.copyOf(undecided);
            unpublished = List.copyOf(unpublished);
        }
    }

    /**
     * An allegation and where it stands.
     *
     * @param description restricted edition only
     * @param reason      restricted edition only
     */
    public record AllegationRow(String id, String filedBy, Instant from, Instant to, String provision, String status,
                                Optional<String> description, Optional<String> reason, List<String> matchedIncidents) {
        public AllegationRow {
            Objects.requireNonNull(description); Objects.requireNonNull(reason);
            matchedIncidents = List.copyOf(matchedIncidents);
        }
    }

    /**
     * Coverage over the period.
     *
     * @param hours the number of hourly bins in the period
     */
    public record CoverageSection(int hours, List<CoverageRow> cells, long observationsReplayed) {
        public CoverageSection {
            cells = List.copyOf(cells);
        }

        /** Areas observed at least once in the period. */
        public long observedAreas() {
            return cells.stream().filter(c -> c.observedCellHours() > 0).count();
        }
    }

    /**
     * Coverage of one area over the period: a zone (one cell), or the line of contact of a held area (its 1 km
     * segments), counted in cell-hours.
     *
     * @param area          the zone id, or {@code loc:<held zone>} for a line of contact
     * @param zone          the zone's name from the agreement
     * @param probability   detection probability over the period, the mean over the area's cells
     * @param assets        the assets that looked, sorted
     * @param neverObserved the area's cells no asset looked at in the whole period (segment ids)
     */
    public record CoverageRow(String area, String kind, String zone, int cells, int observedCellHours, int cellHours,
                              double probability, List<String> assets, List<String> neverObserved) {
        public CoverageRow {
            assets = List.copyOf(assets);
            neverObserved = List.copyOf(neverObserved);
        }

        /** Observed cell-hours over all cell-hours, in [0, 1]. */
        public double share() {
            return cellHours == 0 ? 0 : (double) observedCellHours / cellHours;
        }
    }

    /**
     * One asset's outages of one kind that began in the period, merged: a flapping link is one row, not hundreds.
     *
     * @param episodes  how many times the asset entered {@code status} in the period
     * @param first     when the first episode began
     * @param lastEnd   when the last episode ended; empty when the asset was still out at the period's end
     * @param total     time spent in {@code status} within the period
     * @param reason    the health monitor's words for the last episode (data, not UI text: e.g.
     *                  "silent for 30 s (3 × heartbeat 10 s)")
     */
    public record OutageRow(String asset, String owner, String kind, AssetStatus status, int episodes, Instant first,
                            Optional<Instant> lastEnd, java.time.Duration total, String reason) {
        public OutageRow {
            Objects.requireNonNull(asset); Objects.requireNonNull(status); Objects.requireNonNull(first);
            Objects.requireNonNull(lastEnd); Objects.requireNonNull(total); Objects.requireNonNull(reason);
        }
    }

    /**
     * What the map figure shows: the agreement's zones and the period's incidents.
     *
     * @param confirmedIncidents ids of incidents with a CONFIRMED finding in this edition (drawn apart)
     */
    public record MapData(List<Zone> zones, List<MapIncident> incidents, List<String> confirmedIncidents) {
        public MapData {
            zones = List.copyOf(zones);
            incidents = List.copyOf(incidents);
            confirmedIncidents = List.copyOf(confirmedIncidents);
        }
    }

    /** An incident's place in WGS 84 with its 95 % radius in metres. */
    public record MapIncident(String id, double lon, double lat, double uncertaintyM) { }
}
