package io.textprovenance.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The Kafka fault suite. Produces documents of mixed lengths plus 2% hostile records of every kind to the
 * documents topic in segments, injects one fault per segment through bin/ctl.sh (kill -9 of instance b,
 * broker stop/kill and restart, a scorer outage on b), and checks from the verdicts and dead-letter topics
 * that nothing was lost, every poison record was dead-lettered with its reason and origin, and the
 * configured consumer group's lag drained to 0. Exit status 1 when any check fails.
 */
final class FaultSuite {

    private final String bootstrap;
    private final ControlScript ctl;
    private final String mode;
    private final int documents;
    private final double hostileShare;
    private final double mediumShare;
    private final double longShare;
    private final int heavyPerKind;
    private final int maxTokens;
    private final List<String> faults;
    private final Duration serviceDown;
    private final Duration brokerDown;
    private final Duration outageHold;
    private final Duration quietTimeout;
    private final Duration lagTimeout;
    private final String documentsTopic;
    private final String verdictsTopic;
    private final String deadLetterTopic;
    private final String group;
    private final ServiceProbe serviceB;
    private final Path reportDir;
    private final long seed;
    private final String commit;

    private final List<Doc> docs = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> injected = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final RunLog runLog = new RunLog();
    private Observer observer;
    private KafkaQueries kafka;
    private DocumentProducer documentProducer;
    private AnswerWait answers;
    private Fault baseline;
    private String groupInUse = "?";

    FaultSuite(Args args) {
        this.bootstrap = args.get("bootstrap", "127.0.0.1:19092");
        this.ctl = new ControlScript(Path.of(args.get("ctl")));
        this.mode = args.get("mode", "short");
        boolean full = mode.equals("full");
        this.documents = args.getInt("documents", full ? 10000 : 1500);
        this.hostileShare = Double.parseDouble(args.get("hostile-share", "0.02"));
        this.mediumShare = Double.parseDouble(args.get("medium-share", full ? "0.05" : "0.02"));
        this.longShare = Double.parseDouble(args.get("long-share", full ? "0.01" : "0.005"));
        this.heavyPerKind = args.getInt("heavy-per-kind", full ? 4 : 1);
        // the service's detector.verdict.max-tokens: valid long documents stay under it
        this.maxTokens = args.getInt("max-tokens", 4096);
        this.faults = args.list("faults", full ? "kill-b,broker-restart,outage-b,broker-kill9" : "kill-b,broker-restart");
        this.serviceDown = args.seconds("service-down", full ? 10 : 5);
        this.brokerDown = args.seconds("broker-down", full ? 30 : 15);
        this.outageHold = args.seconds("outage-hold", full ? 30 : 15);
        this.quietTimeout = args.seconds("quiet-timeout", 75);
        this.lagTimeout = args.seconds("lag-timeout", 60);
        this.documentsTopic = args.get("documents-topic", "documents");
        this.verdictsTopic = args.get("verdicts-topic", "verdicts");
        this.deadLetterTopic = args.get("dead-letter-topic", "documents.DLT");
        this.group = args.get("group", "detector");
        this.serviceB = new ServiceProbe(args.get("rest-b", "http://127.0.0.1:18082"),
                args.get("api-key", "reliability-key"));
        this.reportDir = Path.of(args.get("report-dir", "reliability/target/report"));
        this.seed = args.getLong("seed", 20261130L);
        this.commit = args.get("commit", "unknown");
    }

    int run() throws Exception {
        Files.createDirectories(reportDir);
        log("fault suite (%s): %d documents, %.0f%% hostile, faults %s, bootstrap %s", mode, documents,
                hostileShare * 100, faults, bootstrap);
        List<List<Doc>> segments = plan();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             DocumentProducer documentProducer = new DocumentProducer(bootstrap, documentsTopic);
             Observer observer = new Observer(bootstrap, verdictsTopic, deadLetterTopic)) {
            this.observer = observer;
            this.documentProducer = documentProducer;
            this.kafka = new KafkaQueries(admin, documentsTopic, group);
            this.answers = new AnswerWait(observer, quietTimeout, documentsTopic, runLog, this::topicEnds);
            kafka.waitForTopic(documentsTopic);
            observer.assign(Duration.ofSeconds(60));
            Thread observerThread = new Thread(observer, "observer");
            observerThread.setDaemon(true);
            observerThread.start();
            findGroup(Duration.ofSeconds(60));

            // segment 0: no fault, a baseline; its figures are those of a "fault" that changes nothing
            long baselineStart = System.nanoTime();
            baseline = new Fault("none (baseline)", 0);
            baseline.injected = baselineStart;
            baseline.restored = baselineStart;
            baseline.live = baselineStart;
            produce(segments.get(0));
            boolean baselineDrained = waitAnswered(segments.get(0), 1.0, "baseline");
            if (baselineDrained) {
                baseline.drained = System.nanoTime();
            }
            double baselineSeconds = seconds(System.nanoTime() - baselineStart);
            log("baseline: %d records answered in %.1f s (%.1f records/s)%s", segments.get(0).size(), baselineSeconds,
                    segments.get(0).size() / baselineSeconds, baselineDrained ? "" : " (NOT all answered)");

            for (int i = 0; i < faults.size(); i++) {
                runFault(faults.get(i), i + 1, segments.get(i + 1));
            }
            waitAnswered(docs, 1.0, "final drain");
            long lag = waitLag();
            Thread.sleep(2000);   // late duplicates
            if (observer.failure() != null) {
                checks.add(new Check("observer", false, "the verdicts/DLT reader failed: " + observer.failure()));
            }
            new FaultChecks(observer, documentsTopic, deadLetterTopic, group, quietTimeout, commit, mode)
                    .evaluate(docs, baseline, injected, groupInUse, lag, baselineSeconds, checks, figures);
        }
        return new FaultReport(reportDir, mode, commit).write(figures, checks);
    }

    // ---------------------------------------------------------------- documents

    private List<List<Doc>> plan() {
        List<List<Doc>> segments = new DocumentPlan(seed, documents, faults.size(), hostileShare, mediumShare, longShare,
                heavyPerKind, maxTokens).segments();
        Map<Kind, Long> counts = segments.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(d -> d.kind, () -> new EnumMap<>(Kind.class), Collectors.counting()));
        log("planned %d records in %d segments: %s", segments.stream().mapToInt(List::size).sum(), faults.size() + 1,
                counts);
        return segments;
    }

    private void produce(List<Doc> segment) {
        documentProducer.send(segment);
        int failed = 0;
        for (Doc doc : segment) {
            if (doc.sendError != null) {
                failed++;
                log("could not produce %s: %s", doc.id, doc.sendError);
            } else {
                docs.add(doc);
            }
        }
        log("produced %d records to %s%s", segment.size() - failed, documentsTopic, failed > 0 ? " (" + failed + " failed)" : "");
    }

    // ---------------------------------------------------------------- answers

    /**
     * Waits until {@code share} of {@code which} are answered; gives up after {@code quietTimeout} without a
     * new verdict or dead letter. Returns whether the share was reached.
     */
    private boolean waitAnswered(List<Doc> which, double share, String what) throws InterruptedException {
        List<Doc> snapshot;
        synchronized (docs) {
            snapshot = new ArrayList<>(which);
        }
        return answers.await(snapshot, share, what);
    }

    // ---------------------------------------------------------------- faults

    private void runFault(String name, int segmentIndex, List<Doc> segment) throws Exception {
        Fault fault = new Fault(name, segmentIndex);
        injected.add(fault);
        List<Doc> before = segment.subList(0, segment.size() / 2);
        List<Doc> during = segment.subList(segment.size() / 2, segment.size());
        produce(before);
        // inject while work is in flight: once part of the first half has been answered
        waitAnswered(before, 0.3, name + ": warm-up");
        log("FAULT %s", name);
        fault.injected = System.nanoTime();
        switch (name) {
            case "kill-b" -> {
                ctl.run("service-kill9", "b");
                produce(during);
                sleepUntil(fault.injected + serviceDown.toNanos());
                fault.restored = System.nanoTime();
                ctl.run("service-start", "b");
                fault.live = System.nanoTime();
            }
            case "kill-a" -> {
                ctl.run("service-kill9", "a");
                produce(during);
                sleepUntil(fault.injected + serviceDown.toNanos());
                fault.restored = System.nanoTime();
                ctl.run("service-start", "a");
                fault.live = System.nanoTime();
            }
            case "broker-restart", "broker-kill9" -> {
                ctl.run(name.equals("broker-restart") ? "broker-stop" : "broker-kill9");
                sleepUntil(fault.injected + brokerDown.toNanos());
                fault.restored = System.nanoTime();
                ctl.run("broker-start");
                fault.live = System.nanoTime();
                produce(during);
            }
            case "outage-b" -> {
                // a scorer that always times out: instance b restarted with a 1 ms scoring time limit
                ctl.run("service-stop", "b");
                ctl.run("service-start", "b", "--detector.resilience.timeout=1ms", "--detector.resilience.open-duration=5s");
                // produce once b holds partitions, so that it has documents to fail on
                waitForMembers(2, Duration.ofSeconds(60));
                produce(during);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline && fault.circuitOpened == null) {
                    if (serviceB.circuitOpen()) {
                        fault.circuitOpened = System.nanoTime();
                    } else {
                        Thread.sleep(250);
                    }
                }
                if (fault.circuitOpened == null) {
                    log("the scorer circuit of b did not open within 60 s");
                } else {
                    log("scorer circuit of b open after %.1f s", seconds(fault.circuitOpened - fault.injected));
                    fault.restProbe = serviceB.restProbe();
                    log("REST on b while open: %s", fault.restProbe);
                }
                sleepUntil(System.nanoTime() + outageHold.toNanos());
                fault.restored = System.nanoTime();
                ctl.run("service-stop", "b");
                ctl.run("service-start", "b");
                fault.live = System.nanoTime();
            }
            default -> throw new IllegalArgumentException("unknown fault " + name + " (kill-b, kill-a, broker-restart, "
                    + "broker-kill9, outage-b)");
        }
        List<Doc> sofar;
        synchronized (docs) {
            sofar = new ArrayList<>(docs);
        }
        if (waitAnswered(sofar, 1.0, name + ": drain")) {
            fault.drained = System.nanoTime();
        }
        log("%s: down %.1f s, drained %s", name, seconds(fault.restored - fault.injected),
                fault.drained < 0 ? "NO" : String.format("%.1f s after restore", seconds(fault.drained - fault.live)));
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    // ---------------------------------------------------------------- Kafka admin

    /** Diagnostics: records on the verdicts and dead-letter topics (end offsets) against what the observer read. */
    private String topicEnds() {
        try {
            Map<String, Long> ends = kafka.endOffsets(List.of(verdictsTopic, deadLetterTopic));
            return "records on the topics " + ends + ", read by the suite: verdicts " + observer.verdictRecords.get()
                    + ", dead letters " + observer.letterRecords.get() + "; consumer groups "
                    + kafka.groupsConsumingDocuments();
        } catch (Exception e) {
            return "topic ends unavailable: " + e;
        }
    }

    /** The groups whose members are assigned the documents topic; waits for 2 members. */
    private void findGroup(Duration timeout) throws Exception {
        Map<String, Integer> consuming = kafka.awaitConsumers(2, timeout, 500);
        groupInUse = consuming.isEmpty() ? "none" : String.join(",", consuming.keySet());
        log("consumer groups on %s: %s (configured: %s)", documentsTopic, consuming, group);
    }

    private void waitForMembers(int members, Duration timeout) throws Exception {
        if (KafkaQueries.members(kafka.awaitConsumers(members, timeout, 250)) < members) {
            log("fewer than %d consumers hold %s partitions after %d s", members, documentsTopic, timeout.toSeconds());
        }
    }

    /** Waits for the configured group's lag on the documents topic to reach 0; returns the last lag (-1: no offsets). */
    private long waitLag() throws Exception {
        long lag = kafka.awaitLag(lagTimeout);
        log("lag of group %s on %s: %s", group, documentsTopic, lag < 0 ? "no committed offsets" : String.valueOf(lag));
        return lag;
    }

    private double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void log(String format, Object... args) {
        runLog.log(format, args);
    }
}
