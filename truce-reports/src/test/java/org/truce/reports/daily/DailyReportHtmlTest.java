package org.truce.reports.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The HTML of each edition: well-formed XHTML, what the public may see and what only staff may see. */
class DailyReportHtmlTest {
    private final SimulatedDay day = SimulatedDay.get();
    private final DailyReportRenderer renderer = new DailyReportRenderer();

    @Test
    void thePublicPageShowsNoUnpublishedCaseNoClaimAndNoBlindAssessment() throws Exception {
        String html = renderer.html(day.report(Edition.PUBLIC), ReportLanguage.EN);
        parse(html);
        day.unpublished.forEach(c -> assertThat(html.contains(c.id().value())).as(c.id().value()).isFalse());
        assertThat(html.contains(day.blindCaseId)).isFalse();
        assertThat(html.contains(SimulatedDay.BLIND_TEXT)).isFalse();
        assertThat(html.contains(SimulatedDay.ALLEGATION_CLAIM)).isFalse();
        assertThat(html).contains("Public edition", "ALG-AM-0001", "data:image/png;base64,", "@font-face");
        day.published.stream().filter(c -> day.report(Edition.PUBLIC).confirmed().stream()
                .anyMatch(f -> f.caseId().equals(c.id().value())))
                .forEach(c -> assertThat(html).contains(c.id().value()));
    }

    @Test
    void theRestrictedPageAddsClaimsAndPendingCasesButStillNoBlindAssessment() throws Exception {
        String html = renderer.html(day.report(Edition.RESTRICTED), ReportLanguage.RU);
        parse(html);
        assertThat(html).contains("Служебная редакция", SimulatedDay.ALLEGATION_CLAIM, day.blindCaseId);
        assertThat(html.contains(SimulatedDay.BLIND_TEXT)).isFalse();
    }

    @Test
    void withoutJointVerificationDataThePageSaysSo() throws Exception {
        var s = day.sources();
        var bare = new DailyReportBuilder.Sources(s.agreement(), s.incidents(), s.observations(), s.assets(),
                java.util.Optional.empty(), s.checkpoints());
        String html = renderer.html(DailyReportBuilder.build(bare, Edition.PUBLIC, SimulatedDay.AS_OF, day.facts()),
                ReportLanguage.TR);
        parse(html);
        assertThat(html).contains(new ReportMessages(ReportLanguage.TR).get("no_joint_data").replace("'", "&#39;"));
        assertThat(html).doesNotContain("id=\"confirmed\"");
    }

    private static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }
}
