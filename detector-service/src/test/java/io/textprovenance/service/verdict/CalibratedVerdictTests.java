package io.textprovenance.service.verdict;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tiny model with a calibration.json: p-values come from the human references cut to the text's length
 * (here every 8-token reference is far below any score, every whole-text one far above).
 */
@SpringBootTest(properties = {
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false",
        "detector.verdict.min-tokens=4",
        "detector.verdict.machine-p-value=0.25"})
@AutoConfigureMockMvc
class CalibratedVerdictTests {

    private static final Path TINY = Path.of("../scoring/src/test/resources/tiny/scoring-graph");
    private static Path modelDirectory;

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void calibratedModel(DynamicPropertyRegistry registry) {
        modelDirectory = copyWithCalibration();
        registry.add("detector.scoring.model-dir", modelDirectory::toString);
    }

    @AfterAll
    static void deleteModelCopy() throws IOException {
        if (modelDirectory != null) {
            try (Stream<Path> files = Files.list(modelDirectory)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(modelDirectory);
        }
    }

    @Test
    void shouldTakePValuesFromTheReferencesOfTheTextsLength() throws Exception {
        mvc.perform(post("/v1/verdicts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + VerdictApiTests.TEXT + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokens.referenceTokens").value(8))
                .andExpect(jsonPath("$.zeroShot[1].name").value("fast-detectgpt"))
                .andExpect(jsonPath("$.zeroShot[1].pValue").value(0.2))       // (1 + 0) / (1 + 4)
                .andExpect(jsonPath("$.zeroShot[1].missPValue").value(1.0))   // (1 + 3) / (1 + 3)
                .andExpect(jsonPath("$.zeroShot[0].pValue").isEmpty())        // liketropy: not calibrated
                .andExpect(jsonPath("$.label").value("machine"))
                .andExpect(jsonPath("$.policy").value("zero-shot"));
        mvc.perform(post("/v1/verdicts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"One two three four five\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokens.referenceTokens").value(4))
                .andExpect(jsonPath("$.zeroShot[1].pValue").value(1.0))       // 4-token references: all above
                .andExpect(jsonPath("$.zeroShot[1].missPValue").value(0.25)); // below all 4-token machine texts
        // below detector.verdict.min-tokens (4) no p-value is given at all (issue 16)
        mvc.perform(post("/v1/verdicts").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"One two\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy").value("too-short"))
                .andExpect(jsonPath("$.zeroShot[1].pValue").isEmpty());
        mvc.perform(get("/v1/models")).andExpect(status().isOk());
    }

    private static Path copyWithCalibration() {
        try {
            Path directory = Files.createTempDirectory("calibrated-tiny");
            for (String file : new String[] {"model.json", "model.onnx", "tokenizer.json"}) {
                Files.copy(TINY.resolve(file), directory.resolve(file));
            }
            String sha = JsonMapper.shared().readTree(TINY.resolve("model.json").toFile()).get("sha256")
                    .get("model.onnx").asString();
            Files.writeString(directory.resolve("calibration.json"), """
                    {"formatVersion": 2, "model": "tiny", "modelSha256": "%s", "maxTokens": 512, "targetFpr": 0.25,
                     "scores": {"fast-detectgpt": {"threshold": 1000, "calibrationHumanTexts": 4,
                      "humanReferences": [1000, 1000, 1000, 1000],
                      "byLength": [{"tokens": 4, "threshold": 1000, "calibrationHumanTexts": 4,
                                    "humanReferences": [1000, 1000, 1000, 1000],
                                    "machineReferences": [2000, 2000, 2000]},
                                   {"tokens": 8, "threshold": -1000, "calibrationHumanTexts": 4,
                                    "humanReferences": [-1000, -1000, -1000, -1000],
                                    "machineReferences": [-2000, -2000, -2000]}]}}}
                    """.formatted(sha));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
