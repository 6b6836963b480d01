package org.truce.app.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.truce.ledger.CheckpointRecord;
import org.truce.ledger.CheckpointStore;
import org.truce.ledger.Hash;
import org.truce.ledger.KeyRecord;
import org.truce.ledger.LedgerStore;
import org.truce.ledger.LedgerStores;
import org.truce.ledger.NoteVerifier;

/**
 * The self-contained export of a transparency log (format {@code truce-log-bundle v1}), written and read here:
 * <pre>
 *   README.md          how to verify, in words
 *   manifest.json      format, origin, entry count, roster, checkpoint count
 *   entries.log        every entry's bytes followed by LF (a v1 entry is exactly two lines)
 *   leaf-hashes.txt    the stored leaf hash of each entry, lowercase hex, one per line
 *   checkpoints.tsv    per checkpoint: number, tree size, signed-at (UTC), file name
 *   checkpoints/       000001.note … the signed notes, byte for byte
 *   keys.txt           per key: contingent, verifier key, registered-at
 *   keys/              NAME.pem: each verifier key as a PEM public key, for OpenSSL
 * </pre>
 * Not thread-safe; streams entries so any log size fits in memory.
 */
public final class LedgerBundle {
    public static final String FORMAT = "truce-log-bundle v1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final JsonNode manifest;

    private LedgerBundle(Path dir, JsonNode manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Writes the bundle of {@code entries}/{@code checkpoints} into {@code out} (created; must be empty if it exists). */
    public static void write(Path out, LedgerStore entries, CheckpointStore checkpoints, String origin, Instant exportedAt)
            throws IOException {
        Files.createDirectories(out);
        try (var existing = Files.list(out)) {
            if (existing.findAny().isPresent()) throw new IOException(out + " is not empty");
        }
        long n = 0;
        try (OutputStream e = new BufferedOutputStream(Files.newOutputStream(out.resolve("entries.log")), 1 << 16);
             var h = Files.newBufferedWriter(out.resolve("leaf-hashes.txt"))) {
            Iterator<LedgerStore.StoredEntry> it = LedgerStores.iterate(entries);
            while (it.hasNext()) {
                LedgerStore.StoredEntry s = it.next();
                e.write(s.entry());
                e.write('\n');
                h.write(s.leafHash().hex());
                h.write('\n');
                n++;
            }
        }
        Path cpDir = Files.createDirectories(out.resolve("checkpoints"));
        List<CheckpointRecord> cps = checkpoints.checkpoints();
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < cps.size(); i++) {
            String file = String.format("%06d.note", i + 1);
            Files.writeString(cpDir.resolve(file), cps.get(i).note(), StandardCharsets.UTF_8);
            tsv.append(i + 1).append('\t').append(cps.get(i).treeSize()).append('\t').append(cps.get(i).at())
                    .append('\t').append(file).append('\n');
        }
        Files.writeString(out.resolve("checkpoints.tsv"), tsv);
        Path keyDir = Files.createDirectories(out.resolve("keys"));
        StringBuilder keys = new StringBuilder();
        for (KeyRecord k : checkpoints.keys()) {
            NoteVerifier v = NoteVerifier.parse(k.verifierKey());
            keys.append(k.contingent()).append(' ').append(k.verifierKey()).append(' ').append(k.registered()).append('\n');
            Files.writeString(keyDir.resolve(v.name() + ".pem"), v.pem());
        }
        Files.writeString(out.resolve("keys.txt"), keys);
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("origin", origin);
        m.put("entries", n);
        m.put("checkpoints", cps.size());
        m.putPOJO("roster", checkpoints.roster());
        m.put("exportedAt", exportedAt.toString());
        JSON.writeValue(out.resolve("manifest.json").toFile(), m);
        try (InputStream readme = LedgerBundle.class.getResourceAsStream("bundle-README.md")) {
            Files.write(out.resolve("README.md"), readme.readAllBytes());
        }
    }

    /** Opens a bundle for reading; throws {@link BundleFormatException} naming the file at fault. */
    public static LedgerBundle open(Path dir) {
        Path m = dir.resolve("manifest.json");
        if (!Files.isRegularFile(m)) throw new BundleFormatException(m + ": missing (is this a log bundle?)");
        JsonNode manifest;
        try {
            manifest = JSON.readTree(m.toFile());
        } catch (IOException e) {
            throw new BundleFormatException(m + ": not JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(manifest.path("format").asText())) {
            throw new BundleFormatException(m + ": format is not \"" + FORMAT + "\"");
        }
        return new LedgerBundle(dir, manifest);
    }

    public String origin() {
        return manifest.path("origin").asText();
    }

    public long declaredEntries() {
        return manifest.path("entries").asLong(-1);
    }

    public List<String> roster() {
        List<String> out = new ArrayList<>();
        manifest.path("roster").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The checkpoints listed in {@code checkpoints.tsv}, with their note files' text. */
    public List<CheckpointRecord> checkpoints() {
        Path tsv = dir.resolve("checkpoints.tsv");
        List<CheckpointRecord> out = new ArrayList<>();
        List<String> lines = lines(tsv);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            String where = tsv + " line " + (i + 1);
            if (f.length != 4) throw new BundleFormatException(where + ": needs 4 tab-separated fields");
            try {
                Path note = dir.resolve("checkpoints").resolve(f[3]).normalize();
                if (!note.startsWith(dir.resolve("checkpoints").normalize())) {
                    throw new BundleFormatException(where + ": file " + f[3] + " is outside checkpoints/");
                }
                out.add(new CheckpointRecord(Long.parseLong(f[1]), Instant.parse(f[2]),
                        Files.readString(note, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new BundleFormatException(where + ": cannot read " + f[3] + ": " + e.getMessage());
            } catch (RuntimeException e) {
                if (e instanceof BundleFormatException b) throw b;
                throw new BundleFormatException(where + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The keys of {@code keys.txt}, or of another file in the same format (keys obtained independently). */
    public List<KeyRecord> keys() {
        return readKeys(dir.resolve("keys.txt"));
    }

    public static List<KeyRecord> readKeys(Path file) {
        List<KeyRecord> out = new ArrayList<>();
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split(" +");
            if (f.length != 3) throw new BundleFormatException(file + " line " + (i + 1) + ": needs contingent, key, time");
            try {
                out.add(new KeyRecord(f[0], f[1], Instant.parse(f[2])));
            } catch (RuntimeException e) {
                throw new BundleFormatException(file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Streams {@code entries.log} (two LF-terminated lines per entry) beside {@code leaf-hashes.txt}. A missing or
     * unreadable leaf hash reads as 32 zero bytes, which no entry hashes to, so the verifier names that entry.
     */
    public Iterator<LedgerStore.StoredEntry> entries() {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(dir.resolve("entries.log")), 1 << 16);
            BufferedReader hashes = Files.newBufferedReader(dir.resolve("leaf-hashes.txt"));
            return new EntryIterator(in, hashes);
        } catch (IOException e) {
            throw new BundleFormatException(dir + ": cannot read entries.log or leaf-hashes.txt: " + e.getMessage());
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new BundleFormatException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static final class EntryIterator implements Iterator<LedgerStore.StoredEntry> {
        private final InputStream in;
        private final BufferedReader hashes;
        private LedgerStore.StoredEntry next;
        private long index;
        private boolean done;

        EntryIterator(InputStream in, BufferedReader hashes) {
            this.in = in;
            this.hashes = hashes;
        }

        @Override
        public boolean hasNext() {
            if (next != null) return true;
            if (done) return false;
            try {
                byte[] header = line();
                if (header == null) {
                    done = true;
                    in.close();
                    hashes.close();
                    return false;
                }
                byte[] body = line();
                ByteArrayOutputStream e = new ByteArrayOutputStream(header.length + 1 + (body == null ? 0 : body.length));
                e.write(header);
                if (body != null) {
                    e.write('\n');
                    e.write(body);
                }
                String h = hashes.readLine();
                Hash stored;
                try {
                    stored = h == null ? Hash.of(new byte[Hash.LENGTH]) : Hash.of(HexFormat.of().parseHex(h.trim()));
                } catch (IllegalArgumentException bad) {
                    stored = Hash.of(new byte[Hash.LENGTH]);
                }
                next = new LedgerStore.StoredEntry(index++, e.toByteArray(), stored);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("entries.log, entry " + index, e);
            }
        }

        @Override
        public LedgerStore.StoredEntry next() {
            if (!hasNext()) throw new NoSuchElementException();
            LedgerStore.StoredEntry n = next;
            next = null;
            return n;
        }

        /** One LF-terminated line without its LF; null at end of file. */
        private byte[] line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(256);
            int c;
            boolean any = false;
            while ((c = in.read()) >= 0) {
                any = true;
                if (c == '\n') return b.toByteArray();
                b.write(c);
            }
            return any ? b.toByteArray() : null;
        }
    }
}
