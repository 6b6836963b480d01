package org.truce.ledger;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a C2SP signed note: {@code "— " name " " base64(key hash ‖ signature) LF}, where the key
 * hash is 4 bytes (big-endian uint32) and, for Ed25519, the signature is 64 bytes. Immutable.
 */
public record NoteSignature(String name, int keyHash, byte[] signature) {
    /** U+2014 EM DASH followed by a space: how every signature line starts. */
    public static final String LINE_PREFIX = "\u2014 ";

    public NoteSignature {
        Objects.requireNonNull(name);
        NoteKeyNames.check(name);
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The line without its final LF. */
    public String line() {
        byte[] blob = new byte[4 + signature.length];
        blob[0] = (byte) (keyHash >>> 24);
        blob[1] = (byte) (keyHash >>> 16);
        blob[2] = (byte) (keyHash >>> 8);
        blob[3] = (byte) keyHash;
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return LINE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob);
    }

    /** Parses one line (without LF). */
    public static NoteSignature parseLine(String line) {
        if (!line.startsWith(LINE_PREFIX)) throw new IllegalArgumentException("signature line does not start with \"— \"");
        String rest = line.substring(LINE_PREFIX.length());
        int sp = rest.indexOf(' ');
        if (sp <= 0) throw new IllegalArgumentException("signature line has no name and signature");
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(rest.substring(sp + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signature of " + rest.substring(0, sp) + " is not base64");
        }
        if (blob.length < 5) throw new IllegalArgumentException("signature of " + rest.substring(0, sp) + " is too short");
        int hash = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        return new NoteSignature(rest.substring(0, sp), hash, Arrays.copyOfRange(blob, 4, blob.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteSignature s && s.name.equals(name) && s.keyHash == keyHash
                && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, keyHash, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return line();
    }
}
