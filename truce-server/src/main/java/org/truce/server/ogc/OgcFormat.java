package org.truce.server.ogc;

import java.util.Locale;
import java.util.Optional;
import org.truce.server.api.ProblemException;

/**
 * The encodings an OGC resource is served in: JSON (GeoJSON for features) or a readable HTML page. Chosen by the
 * {@code f} parameter when given, else by the {@code Accept} header (the highest-quality of the JSON and HTML
 * types it names; wildcards and absent headers mean JSON, so programs get JSON by default and browsers, which
 * name text/html, get HTML).
 */
public enum OgcFormat {
    JSON, HTML;

    /**
     * @param f      the {@code f} parameter, if given: {@code json} or {@code html} (else a 400 problem)
     * @param accept the {@code Accept} header, if any
     */
    public static OgcFormat negotiate(Optional<String> f, Optional<String> accept) {
        if (f.isPresent()) {
            return switch (f.get().strip().toLowerCase(Locale.ROOT)) {
                case "json", "geojson" -> JSON;
                case "html" -> HTML;
                default -> throw ProblemException.badParameter("f", "parameter 'f' must be json or html; got '"
                        + f.get() + "'");
            };
        }
        double json = 0;
        double html = 0;
        for (String range : accept.orElse("").split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0; // a malformed weight counts as "not acceptable" rather than failing the request
                    }
                }
            }
            if (type.equals("text/html")) html = Math.max(html, q);
            else if (type.equals("application/json") || type.equals("application/geo+json")
                    || type.equals("application/problem+json")) json = Math.max(json, q);
        }
        return html > json ? HTML : JSON;
    }
}
