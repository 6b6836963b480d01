package org.truce.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.cases.CaseFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.codec.TruceJson;
import org.truce.geo.GeoPoint;

/** The projected views serialise with the project's one mapper, so every channel can emit them as they are. */
class CaseJsonTest {
    final ObjectMapper json = TruceJson.mapper();

    @Test
    void aCaseViewRoundTripsWithTypedSlotsAndOutcome() throws Exception {
        var desk = new Desk();
        desk.work.submit(analyst(RU), desk.id, yes(AZ, 0.9));
        CaseView blind = desk.work.view(analyst(TR), desk.id).orElseThrow();
        JsonNode tree = json.valueToTree(blind);
        assertThat(tree.at("/slots/RU/kind").asText()).isEqualTo("sealed");
        assertThat(tree.toString()).doesNotContain("impacts seen");
        assertThat(json.readValue(json.writeValueAsString(blind), CaseView.class)).isEqualTo(blind);

        desk.work.submit(analyst(TR), desk.id, no());
        desk.work.dissent(head(TR), desk.id, "no violation");
        CaseView open = desk.work.view(analyst(TR), desk.id).orElseThrow();
        assertThat(json.valueToTree(open).at("/outcome/kind").asText()).isEqualTo("dissent");
        assertThat(json.readValue(json.writeValueAsString(open), CaseView.class)).isEqualTo(open);
    }

    @Test
    void anAllegationRoundTrips() throws Exception {
        var a = new Allegation(AllegationId.of("ALG-AM-0001"), AM, "lo-am", T0, T0, T0.plusSeconds(60),
                new Area.Ring(List.of(GeoPoint.of(39.84, 46.77), GeoPoint.of(39.84, 46.79), GeoPoint.of(39.86, 46.79),
                        GeoPoint.of(39.84, 46.77))), "shelling", CEASEFIRE, List.of("witness"),
                AllegationStatus.UNDER_REVIEW, List.of(), "filed");
        assertThat(json.valueToTree(a).at("/area/kind").asText()).isEqualTo("ring");
        assertThat(json.readValue(json.writeValueAsString(a), Allegation.class)).isEqualTo(a);
    }
}
