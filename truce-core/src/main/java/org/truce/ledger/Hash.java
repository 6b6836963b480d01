package org.truce.ledger;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 value of the transparency log (a leaf hash, a node hash or a tree head). Immutable, exactly 32 bytes,
 * compared by content.
 */
public final class Hash {
    /** Length of every hash in bytes. */
    public static final int LENGTH = 32;

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}, which must be 32 long. */
    public static Hash of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /** Takes ownership of {@code bytes} without copying; callers must not change the array afterwards. */
    static Hash wrap(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        }
        return new Hash(bytes);
    }

    public static Hash ofHex(String hex) {
        return wrap(HexFormat.of().parseHex(hex));
    }

    /** Parses standard base64 (RFC 4648 §4, with padding), the form used in checkpoints. */
    public static Hash ofBase64(String base64) {
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + base64, e);
        }
        return wrap(b);
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The array itself, for hashing without a copy; callers must not change it. */
    byte[] unsafeBytes() {
        return bytes;
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
