package io.textprovenance.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the console's JavaScript unit checks (src/test/js, Node's built-in test runner: offsets, emoji, CJK, line
 * breaks, colour buckets, plot geometry) with the machine's {@code node}; skipped, saying so, where there is none,
 * except under CI ({@code CI=true}), where it fails: .ci/run installs Node.js.
 * Offline and about a second: nothing is installed.
 */
class ConsoleScriptTests {

    @Test
    void shouldPassTheHeatmapChecksUnderNode() throws Exception {
        if (!nodeAvailable() && BrowserPresent.ci()) {
            fail("CI=true and no `node` on the PATH: the console's JavaScript checks (src/test/js) need it"
                    + " (.ci/run installs nodejs)");
        }
        assumeTrue(nodeAvailable(), "no `node` on the PATH: the console's JavaScript checks (src/test/js) are skipped");
        Process node = new ProcessBuilder("node", "--test", "src/test/js/").redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();

        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0");
    }

    private static boolean nodeAvailable() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
