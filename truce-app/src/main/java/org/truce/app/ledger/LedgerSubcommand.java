package org.truce.app.ledger;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the log commands: turns bad input into "truce &lt;command&gt;: reason" on stderr with exit code 2, and a
 * failing store or file system into exit code 1, instead of a stack trace.
 */
abstract class LedgerSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (IllegalArgumentException | BundleFormatException e) {
            spec.commandLine().getErr().println(prefix() + e.getMessage());
            return 2;
        } catch (Exception e) {
            spec.commandLine().getErr().println(prefix() + e.getMessage());
            return 1;
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
        }
    }

    protected abstract int execute() throws Exception;

    private String prefix() {
        return spec.qualifiedName() + ": ";
    }
}
