package org.truce.agreement.io;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.truce.agreement.Provision;
import org.truce.ground.ProvisionId;
import org.truce.agreement.ProvisionVersion;
import org.truce.agreement.RuleSpec;

/**
 * Reads the {@code provisions} array: ids unique, versions numbered 1..n in file order with non-overlapping
 * validity intervals, rules well-formed with ids unique within a version and never shared between provisions
 * (a rule id recurs only across versions of its own provision, as an amended rule). Not thread-safe.
 */
final class ProvisionReader {
    private final RuleReader rules;
    private final Map<String, JsonPath> provisionIds = new HashMap<>();
    private final Map<String, String> ruleOwner = new HashMap<>();

    ProvisionReader(RuleReader rules) {
        this.rules = rules;
    }

    List<Provision> read(List<Fields.Item> items, Fields top) {
        List<Provision> out = new ArrayList<>();
        for (Fields.Item item : items) {
            top.object(item).flatMap(this::provision).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Provision> provision(Fields f) {
        Optional<String> id = f.text("id");
        id.ifPresent(v -> {
            JsonPath first = provisionIds.putIfAbsent(v, f.at("id"));
            if (first != null) f.error("id", "duplicate provision id '" + v + "' (first at " + first + ")");
        });
        Optional<String> title = f.text("title");
        Optional<String> text = f.text("text");
        boolean tracked = f.boolOr("tracked", false);
        Optional<List<Fields.Item>> items = f.array("versions");
        if (items.isPresent() && items.get().isEmpty()) f.error("versions", "a provision needs at least one version");
        List<ProvisionVersion> versions = new ArrayList<>();
        boolean versionsOk = true;
        Optional<ProvisionVersion> previous = Optional.empty();
        for (int i = 0; i < items.map(List::size).orElse(0); i++) {
            Fields.Item item = items.get().get(i);
            int position = i;
            Optional<ProvisionVersion> v = f.object(item).flatMap(vf -> version(vf, position + 1, tracked, id));
            if (v.isPresent() && previous.isPresent()) overlap(f, item.path(), previous.get(), v.get());
            versionsOk &= v.isPresent();
            v.ifPresent(versions::add);
            previous = v;
        }
        f.finish();
        if (id.isEmpty() || title.isEmpty() || text.isEmpty() || !versionsOk || versions.isEmpty()) return Optional.empty();
        return Optional.of(new Provision(ProvisionId.of(id.get()), title.get(), text.get(), tracked, versions));
    }

    private Optional<ProvisionVersion> version(Fields f, int expected, boolean tracked, Optional<String> provision) {
        Optional<Integer> number = f.integer("version");
        number.filter(n -> n != expected).ifPresent(n -> f.error("version",
                "versions are numbered 1..n in file order: expected " + expected + ", got " + n));
        Optional<Instant> from = f.instant("validFrom");
        Optional<Instant> to = f.optInstant("validTo");
        boolean toBad = f.has("validTo") && to.isEmpty();
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            f.error("validTo", "validTo " + to.get() + " is not after validFrom " + from.get());
            toBad = true;
        }
        Optional<LocalDate> adopted = f.date("adopted");
        Optional<String> source = f.text("source");
        String note = f.textOr("note", "");
        List<Fields.Item> ruleItems = f.optArray("rules");
        if (tracked && !ruleItems.isEmpty()) {
            f.error("rules", "a tracked provision is an implementation item without rules; remove the rules or set tracked to false");
        }
        List<RuleSpec> specs = new ArrayList<>();
        Map<String, JsonPath> idsHere = new HashMap<>();
        boolean rulesOk = true;
        for (Fields.Item item : ruleItems) {
            Optional<RuleSpec> r = f.object(item).flatMap(rf -> {
                Optional<RuleSpec> spec = rules.read(rf, from);
                rf.raw("id").filter(n -> n.isTextual() && !n.textValue().isBlank())
                        .ifPresent(n -> checkRuleId(rf, n.textValue(), idsHere, provision));
                return spec;
            });
            rulesOk &= r.isPresent();
            r.ifPresent(specs::add);
        }
        f.finish();
        if (number.isEmpty() || number.get() != expected || from.isEmpty() || toBad || adopted.isEmpty()
                || source.isEmpty() || !rulesOk) {
            return Optional.empty();
        }
        return Optional.of(new ProvisionVersion(expected, from.get(), to, adopted.get(), source.get(), note, specs));
    }

    private void checkRuleId(Fields rf, String ruleId, Map<String, JsonPath> idsHere, Optional<String> provision) {
        JsonPath first = idsHere.putIfAbsent(ruleId, rf.at("id"));
        if (first != null) {
            rf.error("id", "duplicate rule id '" + ruleId + "' (first at " + first + ")");
            return;
        }
        provision.ifPresent(p -> {
            String owner = ruleOwner.putIfAbsent(ruleId, p);
            if (owner != null && !owner.equals(p)) {
                rf.error("id", "duplicate rule id '" + ruleId + "' (already used by provision '" + owner + "')");
            }
        });
    }

    private static void overlap(Fields f, JsonPath at, ProvisionVersion prev, ProvisionVersion cur) {
        JsonPath where = at.child("validFrom");
        if (prev.validTo().isEmpty()) {
            f.error(where, "validity overlaps version " + prev.version() + ", which is open-ended (give it a validTo)");
        } else if (prev.validTo().get().isAfter(cur.validFrom())) {
            f.error(where, "validity overlaps version " + prev.version() + " (in force until " + prev.validTo().get()
                    + "); versions must not overlap");
        }
    }
}
