package io.textprovenance.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** REST calls on one service instance during a scorer outage: is its circuit open, and what does a verdict get. */
final class ServiceProbe {

    private static final Pattern OPEN_STATE = Pattern.compile(
            "resilience4j_circuitbreaker_state\\{[^}]*name=\"scorer\"[^}]*state=\"open\"[^}]*} ([0-9.]+)");

    private final String restB;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ServiceProbe(String restB, String apiKey) {
        this.restB = restB;
        this.apiKey = apiKey;
    }

    /** Whether the scorer circuit is open: its Prometheus gauge, else the health endpoint. */
    boolean circuitOpen() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(restB + "/actuator/prometheus"))
                    .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher matcher = OPEN_STATE.matcher(response.body());
            if (matcher.find() && Double.parseDouble(matcher.group(1)) > 0) {
                return true;
            }
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(restB + "/actuator/health"))
                    .header("X-API-Key", apiKey).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return health.body().contains("\"circuitBreaker\":\"OPEN\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One REST call on b while its circuit is open: expect 503 with Retry-After. */
    String restProbe() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(restB + "/v1/verdicts"))
                    .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + Texts.prose(new Random(1), 60) + "\"}"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " Retry-After=" + response.headers().firstValue("Retry-After").orElse("none");
        } catch (IOException e) {
            return "error " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
