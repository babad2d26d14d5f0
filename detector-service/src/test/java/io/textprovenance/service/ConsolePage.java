package io.textprovenance.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * What the console page shows, held against the API's verdict for the same text (ConsoleBrowserTests): the
 * verdict card, the heat-map's spans and the provenance plot; screenshots go to {@code shots}.
 */
final class ConsolePage {

    static final Map<String, String> LABELS = Map.of(
            "machine", "Likely machine-written", "human", "Likely human-written", "uncertain", "No call");

    private final ChromeDriver browser;
    private final Duration wait;
    private final Path shots;

    ConsolePage(ChromeDriver browser, Duration wait, Path shots) {
        this.browser = browser;
        this.wait = wait;
        this.shots = shots;
    }

    void assertCard(JsonNode v) {
        String label = v.get("label").asString();
        assertThat(textContent("label")).isEqualTo(LABELS.get(label));
        assertThat(browser.findElement(By.id("label")).getDomAttribute("class")).isEqualTo("label " + label);
        assertThat(textContent("summary")).isNotBlank().isEqualTo(v.get("summary").asString());
        assertThat(textContent("reason")).isEqualTo(v.get("reason").asString() + " (policy: " + v.get("policy").asString()
                + ")");

        List<Double> probability = numbers(textContent("probability"));
        assertThat(textContent("probability")).contains(" from the PAWN classifier; p = ", " against human texts, ",
                " against machine texts");
        assertShown(probability.get(0), v.get("machineProbability").asDouble());
        assertShown(probability.get(1), v.get("machinePValue").asDouble());
        assertShown(probability.get(2), v.get("missPValue").asDouble());

        assertThat(textContent("basis")).isEqualTo(v.get("basis").get("description").asString());
        JsonNode tokens = v.get("tokens");
        assertThat(textContent("tokens")).startsWith(tokens.get("scored").asInt() + " scored");
        JsonNode model = v.get("model");
        assertThat(textContent("model")).startsWith(model.get("name").asString() + " " + model.get("version").asString()
                + " (sha256 " + model.get("sha256").asString()).endsWith(", PAWN, calibrated)");
        assertThat(textContent("timings")).matches("\\d+ ms scoring, \\d+ ms in all");

        List<WebElement> rows = browser.findElements(By.cssSelector("#zero-shot tbody tr"));
        assertThat(rows).hasSize(v.get("zeroShot").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode z = v.get("zeroShot").get(i);
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertThat(cells).hasSize(4);
            assertThat(cells.get(0).getText()).startsWith(z.get("name").asString());
            assertShown(numbers(cells.get(1).getText()).get(0), z.get("score").asDouble());
            assertShown(numbers(cells.get(2).getText()).get(0), z.get("pValue").asDouble());
        }

        JsonNode provenance = v.get("provenance");
        String shown = textContent("provenance");
        assertThat(shown).contains("(" + model.get("name").asString() + ")",
                provenance.get("rejected").asBoolean() ? "Rejected: " : "Not rejected: ");
        Matcher p = Pattern.compile(" p = (\\S+?) \\(anytime-valid p = (\\S+?)\\)").matcher(shown);
        assertThat(p.find()).as(shown).isTrue();
        assertShown(Double.parseDouble(p.group(1)), provenance.get("pValue").asDouble());
        assertShown(Double.parseDouble(p.group(2)), provenance.get("anytimePValue").asDouble());
    }

    /**
     * One span per scored token, in order, each holding its token's text (an emoji's later byte tokens hold ""),
     * and the heat-map's text is the input, character for character.
     */
    void assertHeatmap(String text, JsonNode v) {
        JsonNode evidence = v.get("evidence");
        int n = evidence.size();
        assertThat(n).isEqualTo(v.get("tokens").get("scored").asInt());
        // the spans are built in slices of 1,500 (one per animation frame)
        new WebDriverWait(browser, wait).until(d -> Long.valueOf(n).equals(
                script("return document.querySelectorAll('#heatmap span.tok').length")));
        @SuppressWarnings("unchecked")
        List<List<String>> spans = (List<List<String>>) script("""
                return Array.from(document.querySelectorAll('#heatmap span.tok'))
                  .map(function (s) { return [s.dataset.i, s.textContent, s.className]; });""");
        assertThat(textContent("heatmap")).as("the heat-map's text").isEqualTo(text);
        StringBuilder joined = new StringBuilder();
        int covered = 0;
        for (int i = 0; i < n; i++) {
            List<String> span = spans.get(i);
            assertThat(span.get(0)).isEqualTo(String.valueOf(i));
            assertThat(span.get(2)).matches("tok (b[0-3]|s-?[0-3]|w[0-4]|none)( empty)?( active)?");
            int start = Math.max(evidence.get(i).get("start").asInt(), covered);
            int end = Math.max(evidence.get(i).get("end").asInt(), start);
            assertThat(span.get(1)).as("token %d", i).isEqualTo(text.substring(start, end));
            joined.append(span.get(1));
            covered = end;
        }
        assertThat(joined.toString()).as("the spans' texts joined").isEqualTo(text);
    }

    void assertPlot(JsonNode v) {
        assertThat(browser.findElement(By.cssSelector("#plot svg")).isDisplayed()).isTrue();
        for (String path : List.of("stat", "bound")) {
            assertThat(browser.findElement(By.cssSelector("#plot svg path." + path)).getDomAttribute("d"))
                    .as(path).matches("M[-0-9. ,LM]+");
        }
        int points = v.get("trace").get("points").size();
        assertThat(browser.findElement(By.cssSelector("#plot svg path.stat")).getDomAttribute("d").split("L"))
                .hasSize(points);
        assertThat(textContent("plot-caption")).startsWith("Solid blue: |running statistic|");
    }

    /** The page's numbers are rounded (3 decimals, or 2 significant digits in exponent notation). */
    private static void assertShown(double shown, double value) {
        double tolerance = Math.abs(value) < 0.001 || Math.abs(value) >= 1e5 ? 0.05 * Math.abs(value) : 0.0005;
        assertThat(shown).isCloseTo(value, within(tolerance + 1e-12));
    }

    private static List<Double> numbers(String text) {
        Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?(e[-+]\\d+)?").matcher(text);
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }

    String textContent(String id) {
        return (String) script("return document.getElementById(arguments[0]).textContent", id);
    }

    Object script(String js, Object... args) {
        return browser.executeScript(js, args);
    }

    void screenshot(String name) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(shots.resolve("console-" + name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

}
