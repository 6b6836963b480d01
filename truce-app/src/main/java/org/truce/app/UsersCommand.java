package org.truce.app;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.truce.accounts.Account;
import org.truce.accounts.AccountException;
import org.truce.accounts.Accounts;
import org.truce.accounts.Language;
import org.truce.cases.Role;
import org.truce.store.jdbc.JdbcStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce users}: the people who may sign in to a center (docs/accounts.md). Works on a data directory whose
 * center is stopped (the embedded store admits one process at a time).
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Add, disable and list the people who sign in to a center, and issue their API tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Disable.class, UsersCommand.ListUsers.class,
                UsersCommand.Token.class})
final class UsersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every users subcommand shares. */
    abstract static class Base implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", required = true, description = "the center's data directory")
        Path data;

        @Option(names = "--scenario", paramLabel = "DIR",
                description = "the scenario whose agreement names the contingents and parties (default: scenarios/karabakh-2020)")
        Path scenario;

        @Option(names = "--config", paramLabel = "FILE", description = "configuration file (accounts.argon2-* set the hash cost)")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() {
            if (!createsData() && !Files.isDirectory(data)) {
                throw new UserError("--data " + data + " is not a directory (a center's data directory)");
            }
            Settings settings = Settings.load(Optional.ofNullable(config), System.getenv());
            try (JdbcStore store = CenterRuntime.openStore(data)) {
                Accounts accounts = AccountsSetup.accounts(Scenarios.load(scenario != null ? scenario : Scenarios.defaultScenario()),
                        store, settings);
                return run(accounts);
            } catch (AccountException e) {
                throw new UserError(e.getMessage(), e);
            }
        }

        abstract int run(Accounts accounts);

        /** True if the command may start a new data directory (accounts made before the center's first start). */
        boolean createsData() {
            return false;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds an account. The password is read from --password-file (- for standard input), asked for",
                    "on the terminal, or made with --generate-password and printed once; never given on the command line."})
    static final class Add extends Base {
        @Option(names = "--user", required = true, paramLabel = "ID", description = "user id: letters, digits, '.', '_', '-'")
        String user;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "ANALYST, DUTY_OFFICER, HEAD_OF_CONTINGENT, LIAISON_OFFICER or AUDITOR")
        String role;

        @Option(names = "--contingent", paramLabel = "C", description = "the contingent (staff roles)")
        String contingent;

        @Option(names = "--party", paramLabel = "P", description = "the party (liaison officer)")
        String party;

        @Option(names = "--name", paramLabel = "TEXT", description = "display name (default: the user id)")
        String name;

        @Option(names = "--lang", paramLabel = "LANG", description = "preferred language: en, ru or tr (default: en)")
        String lang = "en";

        @Option(names = "--password-file", paramLabel = "FILE", description = "read the password from the first line of FILE (- = standard input)")
        Path passwordFile;

        @Option(names = "--generate-password", description = "make a random password and print it once")
        boolean generate;

        @Override
        boolean createsData() {
            return true;
        }

        @Override
        int run(Accounts accounts) {
            Role r = parseRole(role);
            if (contingent != null && party != null) throw new UserError("give --contingent or --party, not both");
            if (generate && passwordFile != null) throw new UserError("give --password-file or --generate-password, not both");
            char[] password = generate ? accounts.generatePassword() : readPassword();
            try {
                Account a = accounts.add(user, name, r, Optional.ofNullable(contingent), Optional.ofNullable(party),
                        Language.of(lang), password);
                out().printf("Added %s (%s%s).%n", a.userId(), a.role(),
                        a.contingent().map(c -> ", contingent " + c).or(() -> a.party().map(p -> ", party " + p)).orElse(""));
                if (generate) out().printf("Password (shown once): %s%n", new String(password));
                return ExitCodes.OK;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] readPassword() {
            if (passwordFile != null) {
                try {
                    BufferedReader in = passwordFile.toString().equals("-")
                            ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            : Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8);
                    String line = in.readLine();
                    if (line == null || line.isEmpty()) throw new UserError("--password-file " + passwordFile + " has no password on its first line");
                    return line.toCharArray();
                } catch (IOException e) {
                    throw new UserError("cannot read --password-file " + passwordFile + ": " + e.getMessage(), e);
                }
            }
            Console console = System.console();
            if (console == null) {
                throw new UserError("no terminal to ask for the password: use --password-file FILE (- for standard input) "
                        + "or --generate-password");
            }
            char[] first = console.readPassword("Password for %s: ", user);
            char[] second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) throw new UserError("the passwords differ");
            Arrays.fill(second, '\0');
            return first;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables an account: it cannot sign in, and its sessions and API tokens stop working.")
    static final class Disable extends Base {
        @Option(names = "--user", required = true, paramLabel = "ID")
        String user;

        @Override
        int run(Accounts accounts) {
            accounts.disable(user);
            out().printf("Disabled %s.%n", user);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts (never their passwords or tokens).")
    static final class ListUsers extends Base {
        @Override
        int run(Accounts accounts) {
            List<Account> all = accounts.list();
            out().printf("%-24s %-19s %-12s %-4s %-8s %-20s %s%n", "USER", "ROLE", "UNIT", "LANG", "STATUS", "CREATED", "NAME");
            for (Account a : all) {
                out().printf("%-24s %-19s %-12s %-4s %-8s %-20s %s%n", a.userId(), a.role(),
                        a.contingent().map(Object::toString).or(() -> a.party().map(Object::toString)).orElse("-"),
                        a.language().code(), a.disabled() ? "disabled" : "active",
                        a.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), a.displayName());
            }
            out().printf("%d account(s)%n", all.size());
            return ExitCodes.OK;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = {"Issues an API token for scripts (Authorization: Bearer <token>); it is printed once and",
                    "only its SHA-256 is kept."})
    static final class Token extends Base {
        @Option(names = "--user", required = true, paramLabel = "ID")
        String user;

        @Override
        int run(Accounts accounts) {
            out().println(accounts.issueToken(user).token());
            return ExitCodes.OK;
        }
    }

    static Role parseRole(String role) {
        try {
            return Role.valueOf(role.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserError("unknown role '" + role + "': use ANALYST, DUTY_OFFICER, HEAD_OF_CONTINGENT, "
                    + "LIAISON_OFFICER or AUDITOR");
        }
    }
}
