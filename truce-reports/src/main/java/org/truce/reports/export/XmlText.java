package org.truce.reports.export;

/**
 * Text made safe for XML 1.0 character data: {@link javax.xml.stream.XMLStreamWriter} escapes markup characters
 * but writes control characters as they are, which no XML parser accepts. Stateless.
 */
final class XmlText {
    private XmlText() {}

    /** {@code text} with every character not allowed in XML 1.0 replaced by U+FFFD. */
    static String clean(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok && sb == null) sb = new StringBuilder(text.substring(0, i));
            if (sb != null) sb.appendCodePoint(ok ? c : 0xFFFD);
            i += Character.charCount(c);
        }
        return sb == null ? text : sb.toString();
    }
}
