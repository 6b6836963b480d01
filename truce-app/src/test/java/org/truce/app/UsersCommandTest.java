package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.accounts.Accounts;
import org.truce.server.auth.Argon2idHasher;
import org.truce.store.jdbc.JdbcStore;
import org.truce.testing.TestAgreements;

/** {@code truce users add|list|token|disable} end to end on a temporary data directory. */
class UsersCommandTest {
    private static final String SCENARIO = TestAgreements.scenarioDir("karabakh-2020").toString();

    @TempDir
    Path dir;

    private Cli users(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "users";
        all[1] = args[0];
        all[2] = "--data";
        all[3] = dir.resolve("data").toString();
        all[4] = "--scenario=" + SCENARIO;
        System.arraycopy(args, 1, all, 5, args.length - 1);
        return Cli.run(all);
    }

    @Test
    void addListTokenAndDisable() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw.txt"), "a long enough password\n");
        Cli add = users("add", "--user", "ana", "--role", "analyst", "--contingent", "RU", "--name", "Ana Analyst",
                "--lang", "ru", "--password-file", pw.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added ana (ANALYST, contingent RU)");

        Cli gen = users("add", "--user", "liaison-am", "--role", "LIAISON_OFFICER", "--party", "AM", "--generate-password");
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        Matcher m = Pattern.compile("Password \\(shown once\\): (\\S+)").matcher(gen.out());
        assertThat(m.find()).as(gen.out()).isTrue();
        String generated = m.group(1);

        Cli token = users("token", "--user", "ana");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String issued = token.out().strip();
        assertThat(issued).startsWith(Accounts.TOKEN_PREFIX);

        Cli list = users("list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("ana", "ANALYST", "RU", "ru", "active", "Ana Analyst")
                .contains("liaison-am", "LIAISON_OFFICER", "AM").contains("2 account(s)")
                .doesNotContain("$argon2").doesNotContain(generated).doesNotContain(issued);

        assertThat(users("disable", "--user", "ana").exitCode()).isZero();
        assertThat(users("list").out()).containsPattern("ana\\s+ANALYST\\s+RU\\s+ru\\s+disabled");
        Cli tokenForDisabled = users("token", "--user", "ana");
        assertThat(tokenForDisabled.exitCode()).isEqualTo(2);
        assertThat(tokenForDisabled.err()).contains("user ana is disabled");

        // What was stored: an Argon2id hash of the file's password, the generated password, a token's hash only.
        try (JdbcStore store = JdbcStore.h2(dir.resolve("data"))) {
            Argon2idHasher hasher = new Argon2idHasher();
            String hash = store.accounts().passwordHash("ana").orElseThrow();
            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(hasher.verify("a long enough password".toCharArray(), hash)).isTrue();
            assertThat(hasher.verify(generated.toCharArray(), store.accounts().passwordHash("liaison-am").orElseThrow())).isTrue();
            assertThat(store.apiTokens().forUser("ana")).singleElement()
                    .satisfies(t -> assertThat(t.hash()).isEqualTo(Accounts.tokenHash(issued)));
            assertThat(store.accounts().find("ana").orElseThrow().disabled()).isTrue();
        }
    }

    @Test
    void badInputExitsTwoWithTheReason() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw.txt"), "a long enough password\n");
        Path shortPw = Files.writeString(dir.resolve("short.txt"), "short\n");
        Cli unknownContingent = users("add", "--user", "x", "--role", "ANALYST", "--contingent", "ZZ", "--password-file", pw.toString());
        assertThat(unknownContingent.exitCode()).isEqualTo(2);
        assertThat(unknownContingent.err()).contains("contingent 'ZZ' is not one of agreement").contains("RU").contains("TR");
        Cli noContingent = users("add", "--user", "x", "--role", "ANALYST", "--password-file", pw.toString());
        assertThat(noContingent.exitCode()).isEqualTo(2);
        assertThat(noContingent.err()).contains("needs a contingent");
        Cli badRole = users("add", "--user", "x", "--role", "GENERAL", "--password-file", pw.toString());
        assertThat(badRole.exitCode()).isEqualTo(2);
        assertThat(badRole.err()).contains("unknown role 'GENERAL'");
        Cli tooShort = users("add", "--user", "x", "--role", "AUDITOR", "--password-file", shortPw.toString());
        assertThat(tooShort.exitCode()).isEqualTo(2);
        assertThat(tooShort.err()).contains("at least 12 characters");
        Cli badLang = users("add", "--user", "x", "--role", "AUDITOR", "--lang", "de", "--password-file", pw.toString());
        assertThat(badLang.exitCode()).isEqualTo(2);
        assertThat(badLang.err()).contains("unknown language 'de'");
        Cli noPassword = users("add", "--user", "x", "--role", "AUDITOR");
        assertThat(noPassword.exitCode()).isEqualTo(2);
        assertThat(noPassword.err()).contains("--password-file").contains("--generate-password");
        assertThat(users("add", "--user", "x", "--role", "AUDITOR", "--password-file", pw.toString()).exitCode()).isZero();
        Cli duplicate = users("add", "--user", "x", "--role", "AUDITOR", "--password-file", pw.toString());
        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("user x already exists");
        assertThat(users("disable", "--user", "nobody").err()).contains("no user nobody");
        Cli missingData = Cli.run("users", "list", "--data", dir.resolve("nowhere").toString(), "--scenario", SCENARIO);
        assertThat(missingData.exitCode()).isEqualTo(2);
        assertThat(missingData.err()).contains("is not a directory");
        assertThat(Cli.run("users", "add", "--data", dir.toString(), "--user", "y", "--role", "AUDITOR",
                "--password", "secret").exitCode()).as("no password option on the command line").isEqualTo(2);
    }
}
