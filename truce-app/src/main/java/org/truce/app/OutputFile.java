package org.truce.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A command's {@code --out} file, written so that it appears complete or not at all: the body goes to a hidden
 * temporary file beside it, which is then moved over the target atomically (and deleted if anything fails).
 * Stateless.
 */
final class OutputFile {
    /** What to write. */
    interface Body {
        void write(OutputStream os) throws IOException;
    }

    private OutputFile() {}

    /** Writes {@code body} to {@code out}; a missing directory is a {@link UserError} naming {@code --out}. */
    static void write(Path out, Body body) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("--out " + out + ": the directory " + parent + " does not exist");
        }
        Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".part");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                body.write(os);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
