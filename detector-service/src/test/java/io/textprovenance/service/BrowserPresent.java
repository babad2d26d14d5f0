package io.textprovenance.service;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a browser test class, before the service starts, where Chromium or its driver is missing, saying so on the
 * console and in the report; never under CI ({@code CI=true}), where the class's set-up fails instead.
 */
final class BrowserPresent implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Path> chromium = chromium();
        Optional<Path> driver = chromedriver();
        if (chromium.isPresent() && driver.isPresent()) {
            return ConditionEvaluationResult.enabled("Chromium " + chromium.get() + ", " + driver.get());
        }
        if (ci()) {
            return ConditionEvaluationResult.enabled("CI=true: fails without Chromium");
        }
        String reason = context.getDisplayName() + " skipped: " + missing(chromium, driver);
        System.err.println("[WARNING] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static Optional<Path> chromium() {
        return executable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
    }

    static Optional<Path> chromedriver() {
        return executable("CHROMEDRIVER", "chromedriver");
    }

    static String missing(Optional<Path> chromium, Optional<Path> driver) {
        String what = chromium.isEmpty() && driver.isEmpty() ? "Chromium and chromedriver"
                : chromium.isEmpty() ? "Chromium" : "chromedriver";
        return "no " + what + " on this machine (looked for CHROME_BIN and CHROMEDRIVER, then chromium and"
                + " chromedriver on the PATH): the console's browser tests need them; on Debian:"
                + " apt-get install chromium chromium-driver";
    }

    /** Whether this runs under CI (CI set to anything but empty, false or 0), where missing tools fail. */
    static boolean ci() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** The environment variable's path if it names an executable, else the first of the names on the PATH. */
    private static Optional<Path> executable(String variable, String... names) {
        String named = System.getenv(variable);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(names).flatMap(name -> Stream.of(pathVariable.split(File.pathSeparator))
                        .filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
