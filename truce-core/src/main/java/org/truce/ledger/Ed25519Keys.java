package org.truce.ledger;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** Raw 32-byte Ed25519 keys to and from the JDK's key objects, and the signed-note key hash. Thread-safe. */
final class Ed25519Keys {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key. */
    static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** DER prefix of an Ed25519 PKCS#8 PrivateKeyInfo (RFC 8410), followed by the 32-byte seed. */
    static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    /** The signed-note algorithm byte for Ed25519. */
    static final byte ALG_ED25519 = 0x01;

    private Ed25519Keys() {}

    static PublicKey publicKey(byte[] raw) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static PrivateKey privateKey(byte[] seed) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    /**
     * The public key of a seed. The JDK has no call for it, so this runs its key-pair generator on a "random"
     * source that yields the seed: RFC 8032 derives the key pair from those 32 bytes alone.
     */
    static byte[] publicOf(byte[] seed) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            KeyPair kp = g.generateKeyPair();
            byte[] priv = kp.getPrivate().getEncoded();
            if (!Arrays.equals(Arrays.copyOfRange(priv, priv.length - 32, priv.length), seed)) {
                throw new IllegalStateException("the JDK did not derive the key pair from the given seed");
            }
            byte[] pub = kp.getPublic().getEncoded();
            return Arrays.copyOfRange(pub, pub.length - 32, pub.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of the JDK", e);
        }
    }

    static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of the JDK", e);
        }
    }

    static byte[] rawSeed(PrivateKey key) {
        byte[] enc = key.getEncoded();
        return Arrays.copyOfRange(enc, enc.length - 32, enc.length);
    }

    /** First 4 bytes, big-endian, of SHA-256(name ‖ LF ‖ 0x01 ‖ public key). */
    static int keyHash(String name, byte[] rawPublic) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) '\n');
            md.update(ALG_ED25519);
            md.update(rawPublic);
            byte[] d = md.digest();
            return ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A SecureRandom that hands out one fixed seed; used only by {@link #publicOf}. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) throw new IllegalStateException("unexpected request for " + bytes.length + " bytes");
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
