package io.textprovenance.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closed-loop REST load: at each client count, that many threads POST ~200-word documents to /v1/verdicts
 * for a fixed time. Reports throughput, p50/p99 latency of the 200s, status counts, whether every 429/503
 * carried Retry-After, and the service's peak RSS (from /proc) against the chart's memory limit.
 */
final class LoadTest {

    private final String url;
    private final String apiKey;
    private final List<Integer> levels;
    private final Duration duration;
    private final Duration warmup;
    private final long pid;
    private final long memoryLimit;
    private final String memoryLimitText;
    private final int words;
    private final Path reportDir;
    private final String commit;
    private final double minGoodputShare;
    private final double maxP99Ratio;
    private final long backoffCapMillis;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> bodies = new ArrayList<>();
    private final RssSampler rss;

    LoadTest(Args args) {
        this.url = args.get("url", "http://127.0.0.1:18081") + "/v1/verdicts";
        this.apiKey = args.get("api-key", "reliability-key");
        this.levels = args.list("levels", "1,4,16,64").stream().map(Integer::parseInt).toList();
        this.duration = args.seconds("seconds", 15);
        this.warmup = args.seconds("warmup", 5);
        this.pid = args.getLong("pid", -1);
        this.rss = new RssSampler(pid);
        this.memoryLimitText = args.get("memory-limit", "3Gi");
        this.memoryLimit = parseQuantity(memoryLimitText);
        this.words = args.getInt("words", 200);
        this.reportDir = Path.of(args.get("report-dir", "reliability/target/report"));
        this.commit = args.get("commit", "unknown");
        this.minGoodputShare = Double.parseDouble(args.get("min-goodput-share", "0.5"));
        this.maxP99Ratio = Double.parseDouble(args.get("max-p99-ratio", "3"));
        // on 429/503 a client waits Retry-After, at most this long (0: retry at once, a flood)
        this.backoffCapMillis = args.seconds("backoff-cap", 1).toMillis();
        Random random = new Random(7);
        for (int i = 0; i < 64; i++) {
            ObjectNode node = json.createObjectNode();
            node.put("id", "load-" + i);
            node.put("text", Texts.prose(random, words));
            bodies.add(json.writeValueAsString(node));
        }
    }


    int run() throws Exception {
        Files.createDirectories(reportDir);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        rss.start();
        log("load on %s: %s clients, %d s each (after %d s warm-up), %d-word documents, Retry-After honoured up to %d ms;"
                + " chart memory limit %s", url, levels, duration.toSeconds(), warmup.toSeconds(), words, backoffCapMillis,
                memoryLimitText);
        runLevel(client, 2, warmup);   // JIT and ONNX warm-up, not reported
        List<LoadLevel> results = new ArrayList<>();
        for (int clients : levels) {
            Thread.sleep(2000);   // let queued work of the previous level finish
            LoadLevel level = runLevel(client, clients, duration);
            results.add(level);
            log("%3d clients: %6.1f ok/s, p50 %7.1f ms, p99 %7.1f ms (200s); statuses %s; peak RSS %d MiB",
                    clients, level.okPerSecond(), level.p50(), level.p99(), level.statuses(), level.peakRssBytes() >> 20);
        }
        String setup = String.format("POST /v1/verdicts, %d-word documents, closed loop, %d s per level; on 429/503 a"
                + " client waits Retry-After, at most %d ms; chart memory limit %s.%n%n", words, duration.toSeconds(),
                backoffCapMillis, memoryLimitText);
        return new LoadReport(reportDir, commit, setup, minGoodputShare, maxP99Ratio, pid, memoryLimit,
                memoryLimitText).write(results, rss.peak());
    }

    private LoadLevel runLevel(HttpClient client, int clients, Duration length) throws InterruptedException {
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        List<long[]> okLatencies = new ArrayList<>();
        List<long[]> allLatencies = new ArrayList<>();
        LongAdder missingRetryAfter = new LongAdder();
        LongAdder errors = new LongAdder();
        CountDownLatch done = new CountDownLatch(clients);
        rss.resetLevel();
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] ok = {new long[1024]};
            long[][] all = {new long[1024]};
            int[] counts = new int[2];
            int offset = c;
            Thread thread = new Thread(() -> {
                try {
                    int i = offset;
                    while (System.nanoTime() < deadline) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                                .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(120))
                                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i++ % bodies.size()))).build();
                        long begin = System.nanoTime();
                        int status;
                        HttpResponse<Void> response;
                        try {
                            response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            status = response.statusCode();
                        } catch (IOException e) {
                            errors.increment();
                            Thread.sleep(100);
                            continue;
                        }
                        long latency = System.nanoTime() - begin;
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        java.util.Optional<String> retryAfter = response.headers().firstValue("Retry-After");
                        if ((status == 429 || status == 503) && retryAfter.isEmpty()) {
                            missingRetryAfter.increment();
                        }
                        all[0] = append(all[0], counts, 1, latency);
                        if (status == 200) {
                            ok[0] = append(ok[0], counts, 0, latency);
                        } else if ((status == 429 || status == 503) && backoffCapMillis > 0) {
                            // a client that honours Retry-After, waiting at most the cap
                            long wait = backoffCapMillis;
                            try {
                                wait = Math.min(wait, Long.parseLong(retryAfter.orElse("1").trim()) * 1000);
                            } catch (NumberFormatException e) {
                                // an HTTP date: wait the cap
                            }
                            Thread.sleep(Math.max(0, Math.min(wait, (deadline - System.nanoTime()) / 1_000_000)));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (okLatencies) {
                        okLatencies.add(Arrays.copyOf(ok[0], counts[0]));
                        allLatencies.add(Arrays.copyOf(all[0], counts[1]));
                    }
                    done.countDown();
                }
            }, "client-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        if (!done.await(length.toSeconds() + 180, TimeUnit.SECONDS)) {
            log("%d clients: requests still running 180 s after the end", clients);
            threads.forEach(Thread::interrupt);
            done.await(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] okAll;
        long[] everything;
        synchronized (okLatencies) {
            okAll = okLatencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            everything = allLatencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        }
        Map<Integer, Long> statusCounts = new TreeMap<>();
        statuses.forEach((status, count) -> statusCounts.put(status, count.sum()));
        return new LoadLevel(clients, seconds, statusCounts, everything.length, okAll.length, okAll.length / seconds,
                percentile(okAll, 0.50), percentile(okAll, 0.99), percentile(everything, 0.50), percentile(everything, 0.99),
                missingRetryAfter.sum(), errors.sum(), rss.levelPeak());
    }

    private static long[] append(long[] array, int[] counts, int which, long value) {
        if (counts[which] == array.length) {
            array = Arrays.copyOf(array, array.length * 2);
        }
        array[counts[which]++] = value;
        return array;
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** A Kubernetes quantity: 3Gi, 3072Mi, 3G, 512M, or bytes. */
    static long parseQuantity(String text) {
        String value = text.trim();
        String[][] units = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"k", "1000"}, {"K", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] unit : units) {
            if (value.endsWith(unit[0])) {
                return (long) (Double.parseDouble(value.substring(0, value.length() - unit[0].length())) * Long.parseLong(unit[1]));
            }
        }
        return Long.parseLong(value);
    }

    private static void log(String format, Object... args) {
        System.out.printf("[%s] %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
        System.out.flush();
    }
}
