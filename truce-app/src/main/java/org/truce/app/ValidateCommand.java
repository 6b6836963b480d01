package org.truce.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.truce.agreement.Agreement;
import org.truce.agreement.io.AgreementError;
import org.truce.agreement.io.AgreementException;
import org.truce.agreement.io.AgreementLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code truce validate DIR}: loads an agreement and lists every error; exit 0 when valid, 2 when not. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks an agreement (a scenario folder with agreement.json and its zone files).",
                "Lists every error with file, JSON path, line and reason; exits 2 when there is any."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "the scenario folder, e.g. scenarios/karabakh-2020")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Agreement a = AgreementLoader.load(dir);
            long rules = a.provisions().stream().flatMap(p -> p.versions().stream())
                    .mapToLong(v -> v.rules().size()).sum();
            spec.commandLine().getOut().printf("%s: valid — %s: %d parties, %d contingents, %d zones, %d provisions, %d rules%n",
                    dir, a.id(), a.parties().size(), a.contingents().size(), a.zones().size(), a.provisions().size(), rules);
            return ExitCodes.OK;
        } catch (AgreementException e) {
            var err = spec.commandLine().getErr();
            err.printf("%s: %d error%s%n", dir, e.errors().size(), e.errors().size() == 1 ? "" : "s");
            for (AgreementError error : e.errors()) err.println("  " + error);
            return ExitCodes.BAD_INPUT;
        }
    }
}
