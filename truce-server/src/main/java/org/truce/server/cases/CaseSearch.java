package org.truce.server.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.truce.ground.ProvisionId;
import org.truce.cases.CaseState;
import org.truce.cases.CaseView;

/**
 * Case search for {@code GET /api/cases?q=&state=&provision=}. The free text is matched against the JSON of each
 * {@link CaseView} exactly as the caller receives it, never against the case itself, so a word that only a sealed
 * assessment holds finds nothing: search cannot tell a viewer more than reading the case would. Stateless.
 */
final class CaseSearch {
    private CaseSearch() {}

    /** The views that pass every given filter, in their order; {@code q} is case-insensitive, any field. */
    static List<CaseView> filter(List<CaseView> views, Optional<String> q, Optional<CaseState> state,
                                 Optional<ProvisionId> provision, ObjectMapper mapper) {
        Optional<String> needle = q.map(s -> s.strip().toLowerCase(Locale.ROOT));
        return views.stream()
                .filter(v -> state.map(s -> v.state() == s).orElse(true))
                .filter(v -> provision.map(p -> p.equals(v.provision())).orElse(true))
                .filter(v -> needle.map(n -> contains(mapper.valueToTree(v), n)).orElse(true))
                .toList();
    }

    private static boolean contains(JsonNode node, String needle) {
        if (node.isValueNode()) return node.asText().toLowerCase(Locale.ROOT).contains(needle);
        for (JsonNode child : node) {
            if (contains(child, needle)) return true;
        }
        // Object keys carry ids too (the slots by contingent); a viewer sees those keys anyway.
        for (var it = node.fieldNames(); it.hasNext(); ) {
            if (it.next().toLowerCase(Locale.ROOT).contains(needle)) return true;
        }
        return false;
    }
}
