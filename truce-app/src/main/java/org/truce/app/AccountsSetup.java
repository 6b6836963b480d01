package org.truce.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.truce.accounts.AccountException;
import org.truce.accounts.Accounts;
import org.truce.accounts.Language;
import org.truce.agreement.Agreement;
import org.truce.agreement.Contingent;
import org.truce.agreement.Party;
import org.truce.cases.Role;
import org.truce.server.auth.AccountsHttp;
import org.truce.server.auth.Argon2idHasher;
import org.truce.server.auth.LoginThrottle;
import org.truce.store.jdbc.JdbcStore;

/** Wires accounts (docs/accounts.md): the service on the store, the HTTP sign-in, and a simulated center's demo accounts. */
final class AccountsSetup {
    /** The file in a simulated center's data directory listing its demo accounts and their passwords. */
    static final String DEMO_FILE = "demo-accounts.txt";

    private AccountsSetup() {}

    /** The account service on the store's tables, hashing with the configured Argon2id cost, on real time. */
    static Accounts accounts(Agreement agreement, JdbcStore store, Settings settings) {
        return new Accounts(agreement, store.accounts(), store.apiTokens(), hasher(settings), Clock.systemUTC(),
                new SecureRandom());
    }

    static Argon2idHasher hasher(Settings settings) {
        try {
            return new Argon2idHasher(new Argon2idHasher.Params(settings.integer("accounts.argon2-memory-kib", 8, 4_194_304),
                    settings.integer("accounts.argon2-iterations", 1, 100), settings.integer("accounts.argon2-parallelism", 1, 64)));
        } catch (IllegalArgumentException e) {
            throw new UserError("configuration accounts.argon2-*: " + e.getMessage(), e);
        }
    }

    /** Sign-in over HTTP with the configured sessions and throttling; sessions run on real time, never scenario time. */
    static AccountsHttp http(Accounts accounts, Settings settings) {
        AccountsHttp.Config config = new AccountsHttp.Config(settings.duration("accounts.session-idle-timeout"),
                settings.duration("accounts.session-absolute-timeout"), settings.bool("accounts.secure-cookies"),
                throttle(settings));
        return new AccountsHttp(accounts, config, Clock.systemUTC(), new SecureRandom());
    }

    private static LoginThrottle.Config throttle(Settings settings) {
        try {
            return new LoginThrottle.Config(settings.integer("accounts.login-free-failures", 1, 1000),
                    settings.duration("accounts.login-base-delay"), settings.duration("accounts.login-max-delay"),
                    LoginThrottle.Config.defaults().forgetAfter());
        } catch (IllegalArgumentException e) {
            throw new UserError("configuration accounts.login-*: " + e.getMessage(), e);
        }
    }

    /**
     * A simulated center's demo accounts, made on its first start (when it has no account at all): per contingent
     * an analyst, a duty officer and a head, per party a liaison officer, and one auditor; each with a random
     * password, listed in {@code <data>/demo-accounts.txt} (owner read/write only). Never fixed passwords.
     *
     * @return the file, when there is one
     */
    static Optional<Path> demoAccounts(Accounts accounts, Agreement agreement, Path data) {
        Path file = data.resolve(DEMO_FILE);
        if (!accounts.list().isEmpty()) return Files.exists(file) ? Optional.of(file) : Optional.empty();
        StringBuilder text = new StringBuilder("# Demo accounts of this simulated center: user, password, role, "
                + "contingent or party.\n# Made at its first start; sign in at /login.html. Keep this file private.\n");
        for (Contingent c : agreement.contingents()) {
            String prefix = c.id().value().toLowerCase(Locale.ROOT);
            Language lang = language(c.language());
            add(accounts, text, prefix + "-analyst", Role.ANALYST, Optional.of(c.id().value()), Optional.empty(), lang);
            add(accounts, text, prefix + "-duty", Role.DUTY_OFFICER, Optional.of(c.id().value()), Optional.empty(), lang);
            add(accounts, text, prefix + "-head", Role.HEAD_OF_CONTINGENT, Optional.of(c.id().value()), Optional.empty(), lang);
        }
        for (Party p : agreement.parties()) {
            add(accounts, text, p.id().value().toLowerCase(Locale.ROOT) + "-liaison", Role.LIAISON_OFFICER,
                    Optional.empty(), Optional.of(p.id().value()), Language.EN);
        }
        add(accounts, text, "auditor", Role.AUDITOR, Optional.empty(), Optional.empty(), Language.EN);
        writePrivate(file, text.toString());
        return Optional.of(file);
    }

    private static void add(Accounts accounts, StringBuilder text, String user, Role role, Optional<String> contingent,
                            Optional<String> party, Language lang) {
        char[] password = accounts.generatePassword();
        try {
            accounts.add(user, "", role, contingent, party, lang, password);
            text.append(user).append('\t').append(password).append('\t').append(role)
                    .append(contingent.or(() -> party).map(x -> "\t" + x).orElse("")).append('\n');
        } catch (AccountException e) {
            throw new UserError("cannot make demo account " + user + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static Language language(String code) {
        try {
            return Language.of(code);
        } catch (AccountException e) {
            return Language.EN;
        }
    }

    /** Writes a new file readable by its owner only (mode 600 where the file system has POSIX permissions). */
    static void writePrivate(Path file, String text) {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                w.write(text);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError(file + " already exists; remove it or use another data directory", e);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static void printDemoFile(Optional<Path> file, PrintWriter out) {
        file.ifPresent(f -> out.printf("Demo accounts: user names and passwords in %s (sign in at /login.html)%n", f));
    }
}
