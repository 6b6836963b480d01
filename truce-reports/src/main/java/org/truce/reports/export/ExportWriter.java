package org.truce.reports.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an {@link ExportSet} in one format as UTF-8. Implementations are stateless and thread-safe; they write
 * every record of the set, in the set's order, and do not close the stream.
 */
public interface ExportWriter {
    void write(ExportSet set, OutputStream out) throws IOException;
}
