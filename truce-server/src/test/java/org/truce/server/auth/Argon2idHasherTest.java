package org.truce.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2idHasherTest {
    private final Argon2idHasher hasher = new Argon2idHasher(new Argon2idHasher.Params(1024, 1, 1));

    @Test
    void aHashVerifiesItsPasswordOnlyAndIsSaltedEachTime() {
        char[] pw = "correct horse battery staple".toCharArray();
        String h = hasher.hash(pw);
        assertThat(h).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.verify(pw, h)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl".toCharArray(), h)).isFalse();
        assertThat(hasher.hash(pw)).isNotEqualTo(h);
        assertThat(hasher.verify(pw, "not a hash")).isFalse();
        assertThat(hasher.verify(pw, "")).isFalse();
    }

    @Test
    void theDefaultsAreOwaspsArgon2idMinimum() {
        Argon2idHasher defaults = new Argon2idHasher();
        String h = defaults.hash("a password of some length".toCharArray());
        assertThat(h).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(defaults.needsRehash(h)).isFalse();
    }

    @Test
    void hashesMadeWithOtherParametersNeedARehash() {
        String weak = hasher.hash("a password of some length".toCharArray());
        Argon2idHasher stronger = new Argon2idHasher(new Argon2idHasher.Params(2048, 2, 1));
        assertThat(hasher.needsRehash(weak)).isFalse();
        assertThat(stronger.needsRehash(weak)).isTrue();
        assertThat(stronger.verify("a password of some length".toCharArray(), weak)).isTrue();
        assertThat(stronger.needsRehash("$2b$10$somebcrypthash")).isTrue();
    }
}
