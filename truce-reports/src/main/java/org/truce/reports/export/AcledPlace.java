package org.truce.reports.export;

import java.util.Objects;

/**
 * The country fields of an ACLED row, which incidents do not carry: they are the theater's, given by the caller.
 *
 * @param iso     ISO 3166-1 numeric country code as ACLED writes it (e.g. {@code 31}), or blank
 * @param region  ACLED region name (e.g. {@code Caucasus and Central Asia}), or blank
 * @param country country name, or blank; also names unidentified actors, {@code Unidentified Armed Group (country)}
 */
public record AcledPlace(String iso, String region, String country) {
    /** No country information: the three columns stay empty and unattributed actors are {@code undetermined}. */
    public static final AcledPlace UNKNOWN = new AcledPlace("", "", "");

    public AcledPlace {
        Objects.requireNonNull(iso, "iso");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(country, "country");
        if (!iso.isBlank() && !iso.strip().matches("\\d{1,3}")) {
            throw new IllegalArgumentException("ACLED iso must be an ISO 3166-1 numeric code (1-3 digits): '" + iso + "'");
        }
        iso = iso.strip();
        region = region.strip();
        country = country.strip();
    }
}
