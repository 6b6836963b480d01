package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 signing key for signed notes, with the text form of Go's {@code golang.org/x/mod/sumdb/note}:
 * {@code PRIVATE+KEY+<name>+<key hash, 8 hex digits>+<base64(0x01 ‖ 32-byte seed)>}. Immutable and thread-safe.
 */
public final class NoteSigner {
    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        this.name = NoteKeyNames.check(name);
        this.seed = seed.clone();
        this.privateKey = Ed25519Keys.privateKey(seed);
        this.verifier = NoteVerifier.of(name, Ed25519Keys.publicOf(seed));
    }

    /** A new key named {@code name} (e.g. {@code truce-karabakh-2020-ru-1}: add a version for rotation). */
    public static NoteSigner generate(String name, SecureRandom random) {
        KeyPair kp = Ed25519Keys.generate(random);
        return new NoteSigner(name, Ed25519Keys.rawSeed(kp.getPrivate()));
    }

    /** Parses the private key text (surrounding whitespace ignored); the message says what is wrong. */
    public static NoteSigner parse(String text) {
        String t = text.strip();
        if (!t.startsWith(PREFIX)) throw new IllegalArgumentException("private key does not start with PRIVATE+KEY+");
        String[] parts = t.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) throw new IllegalArgumentException("private key needs PRIVATE+KEY+name+hash+key");
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("private key material is not base64");
        }
        if (blob.length != 33 || blob[0] != Ed25519Keys.ALG_ED25519) {
            throw new IllegalArgumentException("private key is not an Ed25519 (0x01) key of 32 bytes");
        }
        NoteSigner s = new NoteSigner(parts[0], Arrays.copyOfRange(blob, 1, 33));
        if (!String.format("%08x", s.verifier.keyHash()).equals(parts[1])) {
            throw new IllegalArgumentException("private key hash " + parts[1] + " does not match the key");
        }
        return s;
    }

    public String name() {
        return name;
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** The private key text; write it only to a file readable by its owner. */
    public String privateKeyText() {
        return PREFIX + name + "+" + String.format("%08x", verifier.keyHash()) + "+"
                + Base64.getEncoder().encodeToString(Ed25519Keys.concat(new byte[] {Ed25519Keys.ALG_ED25519}, seed));
    }

    /** The Ed25519 signature (64 bytes) of the note body's UTF-8 bytes. */
    public byte[] signBytes(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public NoteSignature sign(String body) {
        return new NoteSignature(name, verifier.keyHash(), signBytes(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "NoteSigner[" + name + " " + HexFormat.of().toHexDigits(verifier.keyHash()) + "]";
    }
}
