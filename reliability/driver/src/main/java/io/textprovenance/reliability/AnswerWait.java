package io.textprovenance.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Waiting for the service to answer documents (a verdict or a dead letter), as the observer sees them. */
final class AnswerWait {

    private final Observer observer;
    private final Duration quietTimeout;
    private final String documentsTopic;
    private final RunLog log;
    private final Supplier<String> diagnostics;

    /** @param diagnostics what to log when giving up (records on the topics, consumer groups) */
    AnswerWait(Observer observer, Duration quietTimeout, String documentsTopic, RunLog log,
               Supplier<String> diagnostics) {
        this.observer = observer;
        this.quietTimeout = quietTimeout;
        this.documentsTopic = documentsTopic;
        this.log = log;
        this.diagnostics = diagnostics;
    }

    /**
     * Waits until {@code share} of {@code snapshot} are answered; gives up after {@code quietTimeout} without a
     * new verdict or dead letter. Returns whether the share was reached.
     */
    boolean await(List<Doc> snapshot, double share, String what) throws InterruptedException {
        int target = (int) Math.ceil(snapshot.size() * share);
        long lastReport = System.nanoTime();
        long lastCount = -1;
        long lastChange = System.nanoTime();
        while (true) {
            int answered = 0;
            for (Doc doc : snapshot) {
                if (observer.answeredAt(doc) >= 0) {
                    answered++;
                }
            }
            long now = System.nanoTime();
            if (answered != lastCount) {
                lastCount = answered;
                lastChange = now;
            }
            if (answered >= target) {
                return true;
            }
            long quiet = now - Math.max(lastChange, observer.lastArrival.get());
            if (quiet > quietTimeout.toNanos()) {
                Map<Integer, Integer> pendingByPartition = new TreeMap<>();
                for (Doc doc : snapshot) {
                    if (observer.answeredAt(doc) < 0) {
                        pendingByPartition.merge(doc.partition, 1, Integer::sum);
                    }
                }
                log.log("%s: gave up: %d/%d answered and nothing new for %d s; unanswered by %s partition: %s; %s",
                        what, answered, snapshot.size(), quietTimeout.toSeconds(), documentsTopic, pendingByPartition,
                        diagnostics.get());
                return false;
            }
            if (now - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                log.log("%s: %d/%d answered (verdict records %d, dead letters %d)", what, answered, snapshot.size(),
                        observer.verdictRecords.get(), observer.letterRecords.get());
                lastReport = now;
            }
            Thread.sleep(200);
        }
    }
}
