package org.truce.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C2SP signed notes and Ed25519 keys, against the reference example of Go's note package and against OpenSSL. */
class SignedNoteTest {
    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String SIG_LINE = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=";

    @Test
    void reproducesTheReferenceKeyHashAndSignatureByteForByte() {
        NoteSigner signer = NoteSigner.parse(SKEY);
        assertThat(signer.verifier().text()).isEqualTo(VKEY);
        assertThat(signer.privateKeyText()).isEqualTo(SKEY);
        SignedNote note = new SignedNote(TEXT, List.of(signer.sign(TEXT)));
        assertThat(note.text()).isEqualTo(TEXT + "\n" + SIG_LINE + "\n");
    }

    @Test
    void parsesAndVerifiesTheReferenceNoteAndRejectsAnyChange() {
        SignedNote note = SignedNote.parse(TEXT + "\n" + SIG_LINE + "\n");
        NoteVerifier v = NoteVerifier.parse(VKEY);
        assertThat(note.body()).isEqualTo(TEXT);
        assertThat(v.verify(note.body(), note.signatures().get(0))).isTrue();
        assertThat(v.verify(TEXT.replace("cryptography", "cryptographY"), note.signatures().get(0))).isFalse();
        NoteVerifier other = NoteSigner.generate("PeterNeumann", new SecureRandom()).verifier();
        assertThat(other.verify(note.body(), note.signatures().get(0))).isFalse();
    }

    @Test
    void rejectsMalformedKeysAndNotes() {
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> NoteSigner.parse("PeterNeumann+c74f20a3+x")).hasMessageContaining("PRIVATE+KEY");
        assertThatThrownBy(() -> SignedNote.parse(TEXT)).hasMessageContaining("blank line");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n- PeterNeumann abc\n")).hasMessageContaining("line 1");
    }

    @Test
    void checkpointBodyFollowsTheTlogCheckpointFormat() {
        Hash root = Rfc9162.emptyRoot();
        Checkpoint cp = new Checkpoint("truce/karabakh-2020", 0, root, List.of());
        assertThat(cp.body()).isEqualTo("truce/karabakh-2020\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
        assertThat(Checkpoint.parse(cp.body())).isEqualTo(cp);
        Checkpoint ext = new Checkpoint("o", 12, root, List.of("ext line"));
        assertThat(Checkpoint.parse(ext.body())).isEqualTo(ext);
        assertThatThrownBy(() -> Checkpoint.parse("o\n012\n" + root.base64() + "\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Checkpoint.parse("o\n12\nnot-base64\n")).hasMessageContaining("line 3");
    }

    @Test
    void openSslVerifiesACheckpointSignature(@TempDir Path dir) throws Exception {
        assumeThat(onPath("openssl")).as("openssl on PATH").isTrue();
        NoteSigner key = NoteSigner.generate("truce-test-1", new SecureRandom());
        Checkpoint cp = new Checkpoint("truce/test", 3, Rfc9162.leafHashOf(new byte[] {1}), List.of());
        NoteSignature sig = key.sign(cp.body());
        Files.writeString(dir.resolve("pub.pem"), key.verifier().pem());
        Files.write(dir.resolve("body"), cp.body().getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("sig"), sig.signature());
        assertThat(openssl(dir)).isZero();
        Files.write(dir.resolve("body"), cp.body().replace("3", "4").getBytes(StandardCharsets.UTF_8));
        assertThat(openssl(dir)).isNotZero();
    }

    static int openssl(Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin",
                "-in", "body", "-sigfile", "sig").directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }
}
