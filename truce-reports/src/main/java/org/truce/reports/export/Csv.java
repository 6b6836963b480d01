package org.truce.reports.export;

import java.util.List;

/**
 * RFC 4180 CSV fields and records: a field is quoted when it holds a comma, a double quote, CR or LF, or starts or
 * ends with a space (which some readers would trim); quotes inside are doubled. Records end with CRLF. Stateless.
 */
public final class Csv {
    public static final String EOL = "\r\n";

    private Csv() {}

    /** One field as it must appear in the file. */
    public static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0 || (!value.isEmpty()
                && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** One record, fields quoted as needed, ending with CRLF. */
    public static String record(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(field(values.get(i)));
        }
        return sb.append(EOL).toString();
    }
}
