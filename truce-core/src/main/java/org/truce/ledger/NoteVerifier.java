package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 verifier key for signed notes, text form {@code <name>+<key hash, 8 hex digits>+<base64(0x01 ‖ 32-byte
 * public key)>} (the "vkey" of Go's note package and of C2SP). Immutable and thread-safe.
 */
public final class NoteVerifier {
    private final String name;
    private final byte[] rawPublic;
    private final int keyHash;
    private final PublicKey publicKey;

    private NoteVerifier(String name, byte[] rawPublic) {
        this.name = NoteKeyNames.check(name);
        if (rawPublic.length != 32) throw new IllegalArgumentException("Ed25519 public key must be 32 bytes");
        this.rawPublic = rawPublic.clone();
        this.keyHash = Ed25519Keys.keyHash(name, rawPublic);
        this.publicKey = Ed25519Keys.publicKey(rawPublic);
    }

    static NoteVerifier of(String name, byte[] rawPublic) {
        return new NoteVerifier(name, rawPublic);
    }

    /** Parses verifier key text; the message says what is wrong. */
    public static NoteVerifier parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) throw new IllegalArgumentException("verifier key needs name+hash+key: " + vkey);
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("verifier key material is not base64: " + vkey);
        }
        if (blob.length != 33 || blob[0] != Ed25519Keys.ALG_ED25519) {
            throw new IllegalArgumentException("verifier key is not an Ed25519 (0x01) key of 32 bytes: " + vkey);
        }
        NoteVerifier v = new NoteVerifier(parts[0], Arrays.copyOfRange(blob, 1, 33));
        if (!String.format("%08x", v.keyHash).equals(parts[1])) {
            throw new IllegalArgumentException("verifier key hash " + parts[1] + " does not match the key " + parts[0]);
        }
        return v;
    }

    public String name() {
        return name;
    }

    public int keyHash() {
        return keyHash;
    }

    /** The 32-byte public key. */
    public byte[] rawPublicKey() {
        return rawPublic.clone();
    }

    public String text() {
        return name + "+" + String.format("%08x", keyHash) + "+"
                + Base64.getEncoder().encodeToString(Ed25519Keys.concat(new byte[] {Ed25519Keys.ALG_ED25519}, rawPublic));
    }

    /** The public key as a PEM SubjectPublicKeyInfo, readable by OpenSSL. */
    public String pem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(Ed25519Keys.concat(Ed25519Keys.SPKI_PREFIX, rawPublic));
        return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** True when {@code sig} names this key (name and hash) and verifies over {@code body}. */
    public boolean verify(String body, NoteSignature sig) {
        if (!sig.name().equals(name) || sig.keyHash() != keyHash) return false;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(body.getBytes(StandardCharsets.UTF_8));
            return s.verify(sig.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** True when {@code sig} was made by this key (same name and key hash), whether or not it verifies. */
    public boolean names(NoteSignature sig) {
        return sig.name().equals(name) && sig.keyHash() == keyHash;
    }

    @Override
    public String toString() {
        return text();
    }
}
