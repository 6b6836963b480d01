package org.truce.app;

import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code truce demo}: {@code serve --simulate} on the Karabakh 2020 scenario with demo defaults
 * (data in {@code data/demo}, 300× real time so a scenario day passes in under five minutes).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the center on the simulated Karabakh 2020 theater (serve --simulate with demo defaults)",
                "and prints the URL of the live map."})
final class DemoCommand extends ServeCommand {
    DemoCommand() {
        simulate = true;
        data = Path.of("data", "demo");
        speed = 300.0;
    }

    @Override
    Path defaultScenario() {
        return Scenarios.defaultScenario();
    }
}
