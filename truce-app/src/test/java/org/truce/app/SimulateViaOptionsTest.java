package org.truce.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.truce.testing.TestAgreements;

/** {@code simulate --via} refuses what it cannot do with the reason, and a non-zero exit. */
class SimulateViaOptionsTest {
    @Test
    void badOptionsAndAnUnreachableTargetAreRefusedWithTheReason() throws Exception {
        Cli unknown = Cli.run("simulate", "--via", "mavlink,smoke", "--target", "127.0.0.1");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("'smoke'");

        Cli alone = Cli.run("simulate", "--via", "mavlink");
        assertThat(alone.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(alone.err()).contains("--via and --target go together");

        Cli klvNoPort = Cli.run("simulate", "--via", "mavlink,klv", "--target", "127.0.0.1");
        assertThat(klvNoPort.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(klvNoPort.err()).contains("--via klv needs --klv-port");

        Cli badTarget = Cli.run("simulate", "--via", "mqtt", "--target", "host:99999");
        assertThat(badTarget.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badTarget.err()).contains("port must be 1..65535");

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli nobody = Cli.run("simulate", "--scenario", TestAgreements.scenarioDir("karabakh-2020").toString(),
                "--via", "mqtt", "--target", "127.0.0.1:" + closed, "--duration", "1m");
        assertThat(nobody.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nobody.err()).contains("cannot reach the target center at http://127.0.0.1:" + closed);
    }
}
