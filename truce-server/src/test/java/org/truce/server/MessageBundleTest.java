package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.truce.agreement.ZoneRole;
import org.truce.fusion.TrackStatus;
import org.truce.implementation.ProvisionStatus;
import org.truce.implementation.Reason;
import org.truce.implementation.RuleChange;
import org.truce.implementation.VersionView;
import org.truce.rules.IncidentState;
import org.truce.ground.AssetKind;
import org.truce.ground.ObjectClass;
import org.truce.sensing.health.AssetStatus;

/**
 * All UI text comes from the message bundles, and the bundles agree: the page's languages (English, Russian,
 * Turkish) each have a bundle with exactly the same ids, every message keeps the same placeholders in every
 * language, and every id the page's scripts and HTML use exists in every bundle.
 */
class MessageBundleTest {
    static final List<String> LANGUAGES = List.of("en", "ru", "tr");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]+)}");

    private static String resource(String name) throws IOException {
        try (InputStream in = MessageBundleTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode bundle(String language) throws IOException {
        return JSON.readTree(resource("/web/i18n/" + language + ".json"));
    }

    private static Set<String> keys(JsonNode bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> placeholders(String message) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** Every message id the page's scripts and HTML use, including those built from a prefix and a domain value. */
    static Set<String> usedIds() throws IOException {
        Set<String> used = new TreeSet<>();
        String js = resource("/web/i18n.js") + resource("/web/map.js") + resource("/web/coverage.js")
                + resource("/web/session.js") + resource("/web/login.js") + resource("/web/cases.js")
                + resource("/web/provisions.js");
        Matcher m = Pattern.compile("\\bt\\(\\s*\"([\\w.-]+)\"\\s*[,)]").matcher(js);
        while (m.find()) used.add(m.group(1));
        for (String page : List.of("index", "login", "desk", "case", "allegations", "findings", "provisions")) {
            Matcher html = Pattern.compile("data-i18n=\"([\\w.-]+)\"").matcher(resource("/web/" + page + ".html"));
            while (html.find()) used.add(html.group(1));
        }
        assertThat(used).hasSizeGreaterThan(30);
        // Ids built from a prefix and a domain value: every value needs its message.
        for (ZoneRole r : ZoneRole.values()) used.add("zone.role." + r.name());
        for (IncidentState s : IncidentState.values()) used.add("incident.state." + s.name());
        for (AssetKind k : AssetKind.values()) used.add("asset.kind." + k.name());
        for (ObjectClass c : ObjectClass.values()) used.add("object.class." + c.name());
        for (TrackStatus s : TrackStatus.values()) used.add("track.status." + s.name());
        for (AssetStatus s : AssetStatus.values()) used.add("health.status." + s.name());
        for (String type : List.of("cease-fire", "hold-positions", "withdraw-by", "corridor-control", "force-cap",
                "restricted-movement")) {
            used.add("rule.type." + type);
        }
        for (String status : List.of("open", "connecting", "lost")) used.add("live." + status);
        // The implementation tracker's statuses, reasons, version states and amendment kinds.
        for (ProvisionStatus s : ProvisionStatus.values()) used.add("provisions.status." + s.name());
        for (Reason r : Reason.values()) used.add("provisions.reason." + r.name());
        for (VersionView.State s : VersionView.State.values()) used.add("provisions.versionState." + s.name());
        for (RuleChange.Kind k : RuleChange.Kind.values()) used.add("provisions.ruleChange." + k.name());
        for (String language : LANGUAGES) used.add("lang." + language);
        for (org.truce.cases.Role r : org.truce.cases.Role.values()) used.add("role." + r.name());
        // The case pages: states, answers, verdicts, allegation statuses, desk tasks and what a slot may show.
        for (org.truce.cases.CaseState s : org.truce.cases.CaseState.values()) used.add("cases.state." + s.name());
        for (org.truce.cases.Happened h : org.truce.cases.Happened.values()) used.add("cases.happened." + h.name());
        for (org.truce.cases.Verdict v : org.truce.cases.Verdict.values()) used.add("cases.verdict." + v.name());
        for (org.truce.cases.AllegationStatus a : org.truce.cases.AllegationStatus.values()) {
            used.add("cases.allegation." + a.name());
        }
        for (var task : org.truce.cases.WorkQueue.Task.values()) used.add("cases.task." + task.name());
        for (var u : org.truce.cases.WorkQueue.Urgency.values()) used.add("cases.urgency." + u.name());
        for (String kind : List.of("sealed", "pending", "submitted", "missing", "visible")) used.add("cases.slot." + kind);
        used.add("cases.coverage.observed");
        used.add("cases.coverage.unobserved");
        return used;
    }

    @Test
    void everyMessageIdThePageUsesExistsInEveryBundle() throws IOException {
        Set<String> used = usedIds();
        for (String language : LANGUAGES) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(keys(bundle(language)));
            assertThat(missing).as("ids the page uses but %s.json lacks", language).isEmpty();
        }
    }

    @Test
    void theSelectorOffersExactlyTheBundledLanguages() throws IOException {
        assertThat(resource("/web/i18n.js")).contains("const SUPPORTED = [\"en\", \"ru\", \"tr\"];");
    }

    @Test
    void everyBundleHasExactlyTheEnglishIds() throws IOException, URISyntaxException {
        Set<String> english = keys(bundle("en"));
        Path dir = Path.of(MessageBundleTest.class.getResource("/web/i18n/en.json").toURI()).getParent();
        List<String> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted().toList();
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(LANGUAGES.stream().map(l -> l + ".json").toList());
        for (String language : LANGUAGES) {
            Set<String> ids = keys(bundle(language));
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(ids);
            Set<String> extra = new TreeSet<>(ids);
            extra.removeAll(english);
            assertThat(missing).as("ids missing from %s.json", language).isEmpty();
            assertThat(extra).as("ids in %s.json that en.json lacks", language).isEmpty();
        }
    }

    @Test
    void everyTranslationKeepsThePlaceholdersAndSaysSomething() throws IOException {
        JsonNode english = bundle("en");
        List<String> problems = new ArrayList<>();
        for (String language : LANGUAGES) {
            JsonNode other = bundle(language);
            for (String id : keys(english)) {
                JsonNode message = other.get(id);
                if (message == null) continue; // reported by everyBundleHasExactlyTheEnglishIds
                if (!message.isTextual() || message.asText().isBlank()) {
                    problems.add(language + ".json " + id + ": not a non-empty string");
                    continue;
                }
                Set<String> want = placeholders(english.get(id).asText());
                Set<String> got = placeholders(message.asText());
                if (!got.equals(want)) {
                    problems.add(language + ".json " + id + ": placeholders " + got + ", en.json has " + want);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
