package org.truce.reports.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class CotExportTest {
    @Test
    void oneEventPerIncidentThenPerTrack() throws Exception {
        Document doc = Fixtures.parseXml(Fixtures.write(new CotExport(Duration.ofHours(6)), Fixtures.full()));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("events");
        NodeList events = doc.getElementsByTagName("event");
        assertThat(events.getLength()).isEqualTo(4);

        Element fire = (Element) events.item(0);
        assertThat(fire.getAttribute("version")).isEqualTo("2.0");
        assertThat(fire.getAttribute("uid")).isEqualTo("truce.INC-2020-11-14-0042");
        assertThat(fire.getAttribute("type")).isEqualTo(CotExport.INCIDENT_TYPE).isEqualTo("b-m-p-s-p-i");
        assertThat(fire.getAttribute("start")).isEqualTo("2020-11-14T10:00:00Z");
        assertThat(fire.getAttribute("time")).isEqualTo("2020-11-14T10:20:00Z");
        assertThat(fire.getAttribute("stale")).isEqualTo("2020-11-14T16:20:00Z");
        Element point = (Element) fire.getElementsByTagName("point").item(0);
        assertThat(Double.parseDouble(point.getAttribute("lat"))).isEqualTo(39.81234, within(1e-7));
        assertThat(Double.parseDouble(point.getAttribute("lon"))).isEqualTo(46.75123, within(1e-7));
        // ce is 1-sigma: the 600 m 95 % radius over 2.4477.
        assertThat(Double.parseDouble(point.getAttribute("ce"))).isEqualTo(245.1, within(0.05));
        Element truce = (Element) fire.getElementsByTagName("truce").item(0);
        assertThat(truce.getAttribute("ruleType")).isEqualTo("cease-fire");
        assertThat(truce.getAttribute("partyName")).isEqualTo("Armenia");

        Element awkward = (Element) events.item(1);
        assertThat(awkward.getElementsByTagName("remarks").item(0).getTextContent()).isEqualTo(Fixtures.AWKWARD);

        Element track = (Element) events.item(3);
        assertThat(track.getAttribute("type")).isEqualTo("a-u-G");
        assertThat(((Element) track.getElementsByTagName("point").item(0)).getAttribute("ce")).isEqualTo("120.0");
    }

    @Test
    void ceIsTheOneSigmaOfTheNinetyFivePercentRadius() {
        // For a circular normal, P(r <= k sigma) = 1 - exp(-k^2/2); at k = R95_PER_SIGMA it is 0.95.
        assertThat(1 - Math.exp(-Math.pow(CotExport.R95_PER_SIGMA, 2) / 2)).isEqualTo(0.95, within(1e-12));
        assertThat(CotExport.ce(CotExport.R95_PER_SIGMA * 100)).isEqualTo(100.0, within(1e-9));
    }
}
