package io.textprovenance.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** bin/ctl.sh: starts, stops and kills the broker and the service instances. */
final class ControlScript {

    private final Path script;

    ControlScript(Path script) {
        this.script = script;
    }

    /** Runs {@code ctl.sh COMMAND...} with the suite's output; fails when it fails or takes over 300 s. */
    void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(script.toString());
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("ctl.sh " + String.join(" ", command) + " did not finish in 300 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("ctl.sh " + String.join(" ", command) + " failed (exit " + process.exitValue() + ")");
        }
    }
}
