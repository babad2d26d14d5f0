package io.textprovenance.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load stage's checks and report: only 200/429/503, Retry-After on every 429/503, goodput and p99 of the 200s
 * past saturation, peak RSS under the chart's memory limit; printed, and written to load.md, load.json and
 * load.counts in the report directory.
 */
final class LoadReport {

    private final Path reportDir;
    private final String commit;
    private final String setup;
    private final double minGoodputShare;
    private final double maxP99Ratio;
    private final long pid;
    private final long memoryLimit;
    private final String memoryLimitText;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param setup the report's first paragraph: what was sent and how (Markdown, ending in a blank line)
     * @param pid   the service's process id, or &lt;= 0 when its RSS was not sampled
     */
    LoadReport(Path reportDir, String commit, String setup, double minGoodputShare, double maxP99Ratio, long pid,
               long memoryLimit, String memoryLimitText) {
        this.reportDir = reportDir;
        this.commit = commit;
        this.setup = setup;
        this.minGoodputShare = minGoodputShare;
        this.maxP99Ratio = maxP99Ratio;
        this.pid = pid;
        this.memoryLimit = memoryLimit;
        this.memoryLimitText = memoryLimitText;
    }

    /** Writes the report of these levels; returns the number of failed checks. */
    int write(List<LoadLevel> results, long peak) throws IOException {
        List<String[]> checks = new ArrayList<>();
        long unexpected = 0;
        long missingRetryAfter = 0;
        for (LoadLevel level : results) {
            for (Map.Entry<Integer, Long> entry : level.statuses().entrySet()) {
                int status = entry.getKey();
                if (status != 200 && status != 429 && status != 503) {
                    unexpected += entry.getValue();
                }
            }
            missingRetryAfter += level.sheddingWithoutRetryAfter();
        }
        checks.add(check("only 200, 429 or 503 under load", unexpected == 0, unexpected + " other responses"));
        checks.add(check("every 429/503 carries Retry-After", missingRetryAfter == 0,
                missingRetryAfter + " without Retry-After"));
        double best = results.stream().mapToDouble(LoadLevel::okPerSecond).max().orElse(0);
        LoadLevel top = results.get(results.size() - 1);
        checks.add(check("past saturation (" + top.clients() + " clients) goodput stays >= " + Math.round(minGoodputShare * 100)
                        + "% of the best level's", top.okPerSecond() >= minGoodputShare * best,
                String.format("%.1f ok/s vs best %.1f ok/s", top.okPerSecond(), best)));
        LoadLevel reference = results.stream().filter(l -> l.clients() <= 4).reduce((a, b) -> b).orElse(results.get(0));
        boolean latencyKept = top.ok() > 0 && top.p99() <= maxP99Ratio * Math.max(reference.p99(), 1);
        checks.add(check("accepted requests keep their latency: p99 of 200s at " + top.clients() + " clients <= " + maxP99Ratio
                        + " x p99 at " + reference.clients(), latencyKept,
                String.format("%.0f ms vs %.0f ms", top.p99(), reference.p99())));
        checks.add(check("service RSS stays under the chart's memory limit (" + memoryLimitText + ")",
                pid <= 0 || peak < memoryLimit, pid <= 0 ? "RSS not sampled (no pid)"
                        : String.format("peak %d MiB of %d MiB", peak >> 20, memoryLimit >> 20)));

        StringBuilder md = new StringBuilder();
        md.append("## Load (commit ").append(commit).append(", ").append(Instant.now()).append(")\n\n");
        md.append(setup);
        md.append("| clients | requests | 200/s | p50 of 200s (ms) | p99 of 200s (ms) | p50 all (ms) | p99 all (ms) | statuses |"
                + " 429/503 without Retry-After | connection errors | peak RSS (MiB) |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LoadLevel level : results) {
            md.append(String.format("| %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %s | %d | %d | %d |%n", level.clients(),
                    level.requests(), level.okPerSecond(), level.p50(), level.p99(), level.p50All(), level.p99All(),
                    level.statuses().toString().replace("{", "").replace("}", "").replace("=", ": "),
                    level.sheddingWithoutRetryAfter(), level.errors(), level.peakRssBytes() >> 20));
        }
        md.append("\n| check | result | detail |\n|---|---|---|\n");
        int failures = 0;
        System.out.println();
        System.out.println("LOAD CHECKS");
        for (String[] check : checks) {
            boolean passed = check[1].equals("pass");
            if (!passed) {
                failures++;
            }
            System.out.printf("  %s  %s: %s%n", passed ? "PASS" : "FAIL", check[0], check[2]);
            md.append("| ").append(check[0]).append(" | ").append(passed ? "pass" : "**FAIL**").append(" | ")
                    .append(check[2]).append(" |\n");
        }
        System.out.printf("load: %d passed, %d failed%n", checks.size() - failures, failures);
        Files.writeString(reportDir.resolve("load.counts"), (checks.size() - failures) + " " + failures + "\n");
        Files.writeString(reportDir.resolve("load.md"), md.toString());
        ObjectNode root = json.createObjectNode();
        root.put("commit", commit);
        root.set("levels", json.valueToTree(results));
        root.put("peakRssBytes", peak);
        root.put("memoryLimitBytes", memoryLimit);
        Files.writeString(reportDir.resolve("load.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        System.out.println(md);
        return failures;
    }

    private static String[] check(String name, boolean passed, String detail) {
        return new String[] {name, passed ? "pass" : "fail", detail};
    }
}
