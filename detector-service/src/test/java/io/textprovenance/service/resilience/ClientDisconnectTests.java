package io.textprovenance.service.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.textprovenance.scoring.batch.DynamicBatcher;
import io.textprovenance.scoring.onnx.OnnxScorer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A REST client that closes its connection while its request is scored stops the scoring within about a second:
 * its queued windows are withdrawn (issue 12, item 3: "cancellation ... when its client goes away"). Through the
 * real Tomcat, over raw sockets; the model is slowed down (every batch of two windows takes {@value #BATCH_MILLIS}
 * ms), so that the long documents here take 10-20 s to score.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "detector.scoring.model-dir=${user.dir}/../scoring/src/test/resources/tiny/scoring-graph",
        "detector.scoring.max-batch-tokens=64",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=true",
        "detector.security.api-keys=test-key",
        "detector.verdict.max-tokens=100000"})
class ClientDisconnectTests {

    static final long BATCH_MILLIS = 80;
    static final String SHORT_TEXT = "The council met on Tuesday to discuss the budget for the coming year and the roads.";

    @LocalServerPort
    int port;

    @Autowired
    OnnxScorer scorer;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    private DynamicBatcher batcher;

    @BeforeEach
    void slowModel() {
        batcher = scorer.batcher();
        batcher.onBatch(size -> {
            try {
                Thread.sleep(BATCH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterEach
    void drain() {
        await(Duration.ofSeconds(60), () -> batcher.queuedWindows() == 0);
    }

    @Test
    void shouldWithdrawTheWindowsOfAVerdictWhoseClientLeft() throws Exception {
        String text = longText(1, 2500);
        assertThat(windowsOf(text)).as("windows the document needs").isGreaterThan(150);

        assertCancelledWhenTheClientLeaves("/v1/verdicts", "{\"id\": \"long\", \"text\": \"" + text + "\"}");
    }

    @Test
    void shouldWithdrawTheWindowsOfABatchWhoseClientLeft() throws Exception {
        String first = longText(2, 1500);
        String second = longText(3, 1500);
        assertThat(windowsOf(first) + windowsOf(second)).as("windows the batch needs").isGreaterThan(150);

        assertCancelledWhenTheClientLeaves("/v1/verdicts/batch", "{\"documents\": [{\"text\": \"" + first
                + "\"}, {\"text\": \"" + second + "\"}]}");
    }

    @Test
    void shouldAnswerAClientThatStays() throws Exception {
        double goneBefore = goneCount();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            send(socket, "/v1/verdicts", "{\"id\": \"short\", \"text\": \"" + longText(4, 150) + "\"}", true);
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 200").contains("\"id\":\"short\"");
        }
        assertThat(goneCount()).isEqualTo(goneBefore);
    }

    @Test
    void shouldNotTakeBytesPipelinedBehindARequestForADisconnect() throws Exception {
        double goneBefore = goneCount();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            long runBefore = batcher.windowsRun();
            // ~25 batches (about 2 s): the probe asks several times while the next request waits in the socket
            send(socket, "/v1/verdicts", "{\"id\": \"first\", \"text\": \"" + longText(5, 500) + "\"}", false);
            await(Duration.ofSeconds(30), () -> batcher.windowsRun() > runBefore);
            send(socket, "/v1/verdicts", "{\"id\": \"second\", \"text\": \"" + SHORT_TEXT + "\"}", true);

            InputStream in = socket.getInputStream();
            String first = readResponse(in);
            String second = readResponse(in);

            assertThat(first).startsWith("HTTP/1.1 200").contains("\"id\":\"first\"");
            assertThat(second).startsWith("HTTP/1.1 200").contains("\"id\":\"second\"");
        }
        assertThat(goneCount()).isEqualTo(goneBefore);
    }

    private void assertCancelledWhenTheClientLeaves(String path, String body) throws Exception {
        double goneBefore = goneCount();
        CircuitBreaker.Metrics breaker = circuitBreakers.circuitBreaker(ResilienceConfiguration.SCORER).getMetrics();
        int failedBefore = breaker.getNumberOfFailedCalls();
        long runBefore = batcher.windowsRun();
        Socket socket = new Socket("localhost", port);
        send(socket, path, body, true);
        await(Duration.ofSeconds(30), () -> batcher.windowsRun() > runBefore);
        assertThat(batcher.queuedWindows()).as("windows queued while scoring").isGreaterThan(50);

        socket.close();
        long closedAt = System.nanoTime();

        boolean withdrawn = await(Duration.ofSeconds(3), () -> batcher.queuedWindows() == 0);
        long afterMillis = (System.nanoTime() - closedAt) / 1_000_000;
        assertThat(withdrawn).as("queued windows withdrawn within 3 s of the disconnect (" + batcher.queuedWindows()
                + " still queued after " + afterMillis + " ms)").isTrue();
        long runAtWithdrawal = batcher.windowsRun();
        Thread.sleep(4 * BATCH_MILLIS);
        assertThat(batcher.windowsRun()).as("nothing scored after the withdrawal").isEqualTo(runAtWithdrawal);
        assertThat(await(Duration.ofSeconds(3), () -> goneCount() == goneBefore + 1))
                .as("detector.rest.client.gone counted the request").isTrue();
        assertThat(breaker.getNumberOfFailedCalls()).as("a client leaving is no failure of the scorer")
                .isEqualTo(failedBefore);
        assertThat(await(Duration.ofSeconds(3), () -> meters.find("http.server.requests").tag("uri", path)
                .tag("status", "499").timer() != null)).as("the request recorded with status 499").isTrue();
    }

    private int windowsOf(String text) {
        return (scorer.tokenize(text).size() + 1) / (scorer.manifest().contextLength() / 2);
    }

    private double goneCount() {
        Counter gone = meters.find("detector.rest.client.gone").counter();
        return gone == null ? 0 : gone.count();
    }

    private static void send(Socket socket, String path, String json, boolean last) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: test-key\r\n"
                + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n" + (last ? "Connection: close\r\n" : "") + "\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** One response (headers and a Content-Length or chunked body), as text. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the headers: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        String lower = headers.toLowerCase();
        StringBuilder body = new StringBuilder();
        if (lower.contains("transfer-encoding: chunked")) {
            while (true) {
                String sizeLine = readLine(in);
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    readLine(in);
                    break;
                }
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                readLine(in);
            }
        } else {
            int at = lower.indexOf("content-length:");
            int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
            body.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return headers + body;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean await(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** About {@code words} words of plain English-like prose, different for each seed. */
    static String longText(long seed, int words) {
        String[] vocabulary = ("the council met on tuesday to discuss budget for coming year and roads while members"
                + " of public asked questions about schools water parks library housing taxes bridge repairs new"
                + " station winter plans summer festival local business owners said they would support proposal"
                + " if costs stayed within limits set last spring mayor thanked everyone").split(" ");
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            String word = vocabulary[random.nextInt(vocabulary.length)];
            out.add(i % 12 == 11 ? word + "." : word);
        }
        return String.join(" ", out);
    }
}
