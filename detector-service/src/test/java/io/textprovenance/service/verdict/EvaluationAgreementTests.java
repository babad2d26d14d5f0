package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.evaluation.report.Evaluate;
import io.textprovenance.service.resilience.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: the label the evaluation reports for a text ({@code Evaluate --thresholds}, labels.jsonl) is the label
 * the service answers for the same text with the same calibration (the bundled tiny model, its PAWN head and
 * calibration.json), at several detector.verdict.machine-p-value settings. Each setting is its own application
 * context; the evaluation runs the harness's own scoring.
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../models/tiny",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false",
        // the tiny head records no text normalization (trained before it was recorded): both sides accept it here
        // (Evaluate's --pawn-require-normalization false), so that the agreement covers PAWN's labels too
        "detector.scoring.pawn.require-normalization=false"})
class EvaluationAgreementTests {

    private static final Path MODEL = Path.of("../models/tiny").toAbsolutePath().normalize();

    /** Texts of several lengths and kinds: too short, no content, plain prose, repetitive prose. */
    static final List<String> TEXTS = List.of(
            "Thanks, see you at noon.",
            "!!! ... ??? --- *** ### !!!",
            "The committee met on Tuesday to discuss the budget for the coming year. Members argued about the cost of"
                    + " repairing the old bridge, the salaries of the teachers and whether the library should open on"
                    + " Sundays. After three hours the chair proposed a compromise: the bridge would be repaired in"
                    + " spring, the library would open on two Sundays a month, and the salaries would be reviewed in"
                    + " the autumn when the tax figures were known.",
            "I grew up in a small town by the sea, where the fishing boats came in before dawn and the whole harbour"
                    + " smelled of salt and diesel. My grandmother sold bread from a window in her kitchen, and every"
                    + " morning a queue of sleepy sailors waited for the first loaves. When she died the bakery closed,"
                    + " and the queue moved to the supermarket on the hill.",
            "The the the the the the the the the the the the the the the the the the the the the the the the the the"
                    + " the the the the the the the the the the the the the the the the the the the the the the.",
            "In conclusion, it is important to note that there are many factors to consider. First, it is important"
                    + " to consider the benefits. Second, it is important to consider the drawbacks. Third, it is"
                    + " important to consider the overall impact. By considering these factors, we can make an informed"
                    + " decision that takes into account all of the important factors.",
            "Rain again. The dog refuses to go out, the cat refuses to come in, and I have run out of coffee. Called"
                    + " the plumber about the leak under the sink; he says Thursday, which means Friday. Read half a"
                    + " chapter of the novel Anna lent me and fell asleep on the sofa with the lights on.",
            "Artificial intelligence is a rapidly evolving field that has the potential to transform many aspects of"
                    + " our lives. From healthcare to transportation, AI technologies are being used to improve"
                    + " efficiency, accuracy and decision-making. However, there are also important ethical"
                    + " considerations that must be addressed as these technologies continue to develop.");

    @Nested
    @TestPropertySource(properties = "detector.verdict.machine-p-value=0.01")
    class AtTheDefault {
        @Autowired
        VerdictService service;

        @TempDir
        Path directory;

        @Test
        void shouldGiveEveryTextTheServicesLabel() throws IOException {
            assertSameLabels(service, directory, 0.01);
        }
    }

    @Nested
    @TestPropertySource(properties = "detector.verdict.machine-p-value=0.1")
    class AtTenPercent {
        @Autowired
        VerdictService service;

        @TempDir
        Path directory;

        @Test
        void shouldGiveEveryTextTheServicesLabel() throws IOException {
            assertSameLabels(service, directory, 0.1);
        }
    }

    @Nested
    @TestPropertySource(properties = {"detector.verdict.machine-p-value=0.5", "detector.verdict.human-miss-p-value=0.5",
            "detector.verdict.min-tokens=8"})
    class AtHalf {
        @Autowired
        VerdictService service;

        @TempDir
        Path directory;

        @Test
        void shouldGiveEveryTextTheServicesLabel() throws IOException {
            List<String> labels = assertSameLabels(service, directory, 0.5, "--human-miss-p-value", "0.5",
                    "--min-tokens", "8");
            assertThat(labels).contains("machine");   // the setting matters: at 1% no text here is called machine
        }
    }

    /** Runs the evaluation with the same policy, then asks the service: the labels must agree text by text. */
    static List<String> assertSameLabels(VerdictService service, Path directory, double machinePValue,
                                         String... policy) throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        StringBuilder jsonl = new StringBuilder();
        JsonMapper json = JsonMapper.shared();
        for (int i = 0; i < TEXTS.size(); i++) {
            jsonl.append(json.writeValueAsString(java.util.Map.of("text", TEXTS.get(i), "label",
                    i % 2 == 0 ? "human" : "machine"))).append('\n');
        }
        Files.writeString(data.resolve("agreement_tiny.jsonl"), jsonl);
        Path out = directory.resolve("report");
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--out", out.toString(), "--model",
                MODEL.toString(), "--thresholds", MODEL.resolve("calibration.json").toString(), "--machine-p-value",
                String.format(Locale.ROOT, "%s", machinePValue), "--perturb-max", "0", "--pawn-require-normalization",
                "false"));
        args.addAll(List.of(policy));
        Evaluate.main(args.toArray(String[]::new));
        List<String> lines = Files.readAllLines(out.resolve("labels.jsonl"));
        assertThat(lines).hasSize(TEXTS.size());
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            JsonNode evaluated = json.readTree(lines.get(i));
            Verdict verdict = service.judge(Channel.REST, "agreement-" + i, TEXTS.get(i), false);
            assertThat(evaluated.get("label").asString()).as("text %d: %s", i, verdict.reason()).isEqualTo(verdict.label());
            assertThat(evaluated.get("policy").asString()).as("text %d", i).isEqualTo(verdict.policy());
            assertThat(evaluated.get("reason").asString()).as("text %d", i).isEqualTo(verdict.reason());
            labels.add(verdict.label());
        }
        return labels;
    }
}
