package org.truce.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ entry), interior node = SHA-256(0x01 ‖ left ‖ right),
 * the hash of the empty tree = SHA-256 of no bytes. An instance holds one {@link MessageDigest} and is therefore
 * NOT thread-safe; the static helpers make a fresh digest per call and are.
 */
public final class Rfc9162 {
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final Hash EMPTY = new Rfc9162().digestEmpty();

    private final MessageDigest sha256;

    public Rfc9162() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** MTH({}) = SHA-256(""). */
    public static Hash emptyRoot() {
        return EMPTY;
    }

    public static Hash leafHashOf(byte[] entry) {
        return Hash.wrap(new Rfc9162().leaf(entry));
    }

    public static Hash nodeHashOf(Hash left, Hash right) {
        return Hash.wrap(new Rfc9162().node(left.unsafeBytes(), right.unsafeBytes()));
    }

    /** SHA-256(0x00 ‖ entry), as a fresh array. */
    public byte[] leaf(byte[] entry) {
        sha256.update(LEAF_PREFIX);
        sha256.update(entry);
        return sha256.digest();
    }

    /** SHA-256(0x01 ‖ left ‖ right), as a fresh array. */
    public byte[] node(byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** {@link #node(byte[], byte[])} reading both children from one array at the given offsets, into {@code out}. */
    void node(byte[] src, int leftOff, byte[] rightSrc, int rightOff, byte[] out, int outOff) {
        sha256.update(NODE_PREFIX);
        sha256.update(src, leftOff, Hash.LENGTH);
        sha256.update(rightSrc, rightOff, Hash.LENGTH);
        try {
            sha256.digest(out, outOff, Hash.LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
    }

    private Hash digestEmpty() {
        return Hash.wrap(sha256.digest());
    }
}
