package org.truce.app.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.truce.ledger.NoteSigner;

/**
 * A contingent's private key file: one line, {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 ‖ seed)>} (the text form
 * of Go's note package), written readable by its owner only.
 */
public final class KeyFiles {
    private KeyFiles() {}

    public static NoteSigner read(Path file) {
        try {
            return NoteSigner.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read key file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path file, NoteSigner key) throws IOException {
        if (Files.exists(file)) throw new IOException(file + " exists: refusing to overwrite a key");
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, key.privateKeyText() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
