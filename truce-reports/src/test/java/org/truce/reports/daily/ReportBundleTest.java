package org.truce.reports.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.truce.cases.AllegationStatus;
import org.truce.cases.Finding;
import org.truce.cases.Happened;
import org.truce.cases.Verdict;
import org.truce.pipeline.CoverageRecorder;
import org.truce.ground.AssetKind;
import org.truce.sensing.health.AssetStatus;

/**
 * No UI string outside the bundles: every key the template or the renderer asks for exists in English, Russian and
 * Turkish, the three bundles hold the same keys with the same placeholders, and a missing key is an error.
 */
class ReportBundleTest {
    private static final String DIR = "/org/truce/reports/daily/";
    private static final List<String> RULE_TYPES = List.of("cease-fire", "hold-positions", "withdraw-by",
            "corridor-control", "force-cap", "restricted-movement");

    @Test
    void everyKeyTheTemplateAndRendererUseIsInEveryLanguage() throws IOException {
        Set<String> needed = new TreeSet<>(templateKeys());
        assertThat(needed).hasSizeGreaterThan(50);
        RULE_TYPES.forEach(t -> needed.add("kind." + t));
        for (Edition e : Edition.values()) needed.add("edition." + e.name());
        for (Verdict v : Verdict.values()) needed.add("verdict." + v.name());
        for (Finding.Basis b : Finding.Basis.values()) needed.add("basis." + b.name());
        for (Happened h : Happened.values()) needed.add("happened." + h.name());
        for (AllegationStatus s : AllegationStatus.values()) needed.add("allegation." + s.name());
        for (AssetKind k : AssetKind.values()) needed.add("asset." + k.name());
        for (CoverageRecorder.CellKind k : CoverageRecorder.CellKind.values()) needed.add("cell." + k.name());
        for (AssetStatus s : List.of(AssetStatus.OFFLINE, AssetStatus.PROBABLE_INTERFERENCE, AssetStatus.DEGRADED,
                AssetStatus.POSITION_ANOMALY)) needed.add("status." + s.name());
        needed.addAll(List.of("period", "compiled", "checkpoint_value", "checkpoint_none", "summary_incidents",
                "summary_joint", "summary_pending", "summary_coverage", "dissent_case", "position_missing",
                "pending_public", "pending_undecided", "pending_unpublished", "pending_without", "coverage_note",
                "party_undetermined", "not_published", "still_out", "duration", "chart_axis_count", "chart_axis_hour",
                "chart_series_today", "chart_series_previous", "chart_series_incidents", "chart_series_observed"));
        List<String> missing = new ArrayList<>();
        for (ReportLanguage lang : ReportLanguage.values()) {
            Properties p = bundle(lang);
            for (String k : needed) if (!p.containsKey(k) || p.getProperty(k).isBlank()) missing.add(lang.code() + ": " + k);
        }
        assertThat(missing).as("keys missing from report_<lang>.properties").isEmpty();
    }

    @Test
    void theThreeBundlesHaveTheSameKeysAndPlaceholders() throws IOException {
        Properties en = bundle(ReportLanguage.EN);
        for (ReportLanguage lang : List.of(ReportLanguage.RU, ReportLanguage.TR)) {
            Properties other = bundle(lang);
            assertThat(other.stringPropertyNames()).as(lang.code() + " keys").isEqualTo(en.stringPropertyNames());
            for (String k : en.stringPropertyNames()) {
                assertThat(placeholders(other.getProperty(k))).as(lang.code() + " placeholders of " + k)
                        .isEqualTo(placeholders(en.getProperty(k)));
            }
        }
    }

    @Test
    void aMissingKeyIsAnErrorNamingKeyAndLanguageNeverAnotherLanguagesText() {
        ReportMessages ru = new ReportMessages(ReportLanguage.RU);
        assertThatThrownBy(() -> ru.get("no_such_key")).isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("no_such_key").hasMessageContaining("report_ru");
        assertThat(ru.get("title")).isEqualTo("Ежедневный совместный доклад");
    }

    private static Set<String> templateKeys() throws IOException {
        String template;
        try (InputStream in = ReportBundleTest.class.getResourceAsStream(DIR + "daily-report.mustache")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\{#t}}(.*?)\\{\\{/t}}").matcher(template);
        while (m.find()) keys.add(m.group(1).trim());
        return keys;
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static Properties bundle(ReportLanguage lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportBundleTest.class.getResourceAsStream(DIR + "report_" + lang.code() + ".properties")) {
            assertThat(in).as("report_" + lang.code() + ".properties").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
