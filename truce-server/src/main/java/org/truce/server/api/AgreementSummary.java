package org.truce.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.agreement.Party;
import org.truce.ground.PartyId;
import org.truce.agreement.Provision;
import org.truce.ground.ProvisionId;
import org.truce.agreement.ProvisionVersion;
import org.truce.agreement.RuleSpec;
import org.truce.agreement.Signatory;
import org.truce.ground.ZoneId;
import org.truce.agreement.ZoneRole;

/**
 * The agreement as the API shows it: parties, contingents, zone index (geometry is at {@code /api/zones}) and
 * provisions with every version and its rules. Immutable.
 */
public record AgreementSummary(String id, String title, Instant effective, String projection, List<Party> parties,
                               List<Signatory> signatories, List<Contingent> contingents, List<ZoneEntry> zones,
                               List<ProvisionEntry> provisions) {

    /** A zone without its geometry. */
    public record ZoneEntry(ZoneId id, String name, ZoneRole role, Optional<PartyId> heldBy) {}

    /** A provision and its amendment history. */
    public record ProvisionEntry(ProvisionId id, String title, String text, boolean tracked,
                                 List<VersionEntry> versions) {}

    /**
     * One version of a provision.
     *
     * @param rules each rule's parameters as configured, with its {@code type} name
     */
    public record VersionEntry(int version, Instant validFrom, Optional<Instant> validTo, LocalDate adopted,
                               String source, String note, List<ObjectNode> rules) {}

    public static AgreementSummary of(Agreement a, ObjectMapper mapper) {
        List<ZoneEntry> zones = a.zones().values().stream()
                .map(z -> new ZoneEntry(z.id(), z.name(), z.role(), z.heldBy())).toList();
        List<ProvisionEntry> provisions = a.provisions().stream().map(p -> provision(p, mapper)).toList();
        return new AgreementSummary(a.id(), a.title(), a.effective(), a.projection(), a.parties(), a.signatories(),
                a.contingents(), zones, provisions);
    }

    private static ProvisionEntry provision(Provision p, ObjectMapper mapper) {
        List<VersionEntry> versions = p.versions().stream().map(v -> version(v, mapper)).toList();
        return new ProvisionEntry(p.id(), p.title(), p.text(), p.tracked(), versions);
    }

    private static VersionEntry version(ProvisionVersion v, ObjectMapper mapper) {
        List<ObjectNode> rules = v.rules().stream().map(r -> rule(r, mapper)).toList();
        return new VersionEntry(v.version(), v.validFrom(), v.validTo(), v.adopted(), v.source(), v.note(), rules);
    }

    private static ObjectNode rule(RuleSpec r, ObjectMapper mapper) {
        ObjectNode out = mapper.createObjectNode();
        out.put("type", r.type());
        out.setAll((ObjectNode) mapper.valueToTree(r));
        return out;
    }
}
