package org.truce.ingest.cot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** CoT XML samples for the tests, the same shapes docs/sensors.md shows. */
final class CotSamples {
    private CotSamples() {}

    /** A hostile tank seen by camera TR-CAM-01, 25 m CE90. */
    static String detection(String uid, Instant t, double lat, double lon) {
        return detection(uid, t, String.valueOf(lat), String.valueOf(lon), "TR-CAM-01");
    }

    static String detection(String uid, Instant t, String lat, String lon, String producer) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<event version=\"2.0\" uid=\"" + uid + "\" type=\"a-h-G-E-V-A-T\" how=\"m-i\" time=\"" + t
                + "\" start=\"" + t + "\" stale=\"" + t.plusSeconds(300) + "\">"
                + "<point lat=\"" + lat + "\" lon=\"" + lon + "\" hae=\"600\" ce=\"25\" le=\"10\"/>"
                + "<detail><link uid=\"" + producer + "\" relation=\"p-p\" type=\"a-f-G-E-S\"/>"
                + "<_truce side=\"AZ\" sideConfidence=\"0.7\" classConfidence=\"0.9\" count=\"2\"/>"
                + "<remarks>two tanks moving north</remarks></detail></event>";
    }

    /** An ATAK phone carried by staff TR-OBS-01 reporting its own position. */
    static String selfReport(Instant t, double lat, double lon) {
        return "<event version=\"2.0\" uid=\"ANDROID-0123456789\" type=\"a-f-G-U-C\" how=\"h-e\" time=\"" + t
                + "\" start=\"" + t + "\" stale=\"" + t.plusSeconds(60) + "\">"
                + "<point lat=\"" + lat + "\" lon=\"" + lon + "\" hae=\"9999999\" ce=\"9999999\" le=\"9999999\"/>"
                + "<detail><contact callsign=\"TR-OBS-01\" endpoint=\"*:-1:stcp\"/><track course=\"90\" speed=\"1.5\"/>"
                + "</detail></event>";
    }

    static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<event version=\"2.0\" uid=\"x\" type=\"a-h-G\" how=\"m-i\" time=\"2020-11-14T08:00:00Z\" "
            + "start=\"2020-11-14T08:00:00Z\" stale=\"2020-11-14T08:05:00Z\"><point lat=\"39.8\" lon=\"46.7\" "
            + "hae=\"0\" ce=\"10\" le=\"10\"/><detail><link uid=\"TR-CAM-01\" relation=\"p-p\"/>"
            + "<remarks>&xxe;</remarks></detail></event>";

    static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE event ["
            + "<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
            + "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
            + "<event version=\"2.0\" uid=\"x\" type=\"a-h-G\" how=\"m-i\" time=\"2020-11-14T08:00:00Z\" "
            + "start=\"2020-11-14T08:00:00Z\" stale=\"2020-11-14T08:05:00Z\"><point lat=\"39.8\" lon=\"46.7\" "
            + "hae=\"0\" ce=\"10\" le=\"10\"/><detail><link uid=\"TR-CAM-01\" relation=\"p-p\"/>"
            + "<remarks>&lol9;</remarks></detail></event>";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
