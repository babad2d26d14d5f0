package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.textprovenance.scoring.tokenizer.LayoutNormalizingTokenizer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A PAWN head is used only with the text normalization it was trained under (issue 14). The bundled tiny head was
 * trained before the scorer normalized layout and quotes, and its pawn.json records no normalization: by default
 * (detector.scoring.pawn.require-normalization=true) the service starts without it, labels from the zero-shot
 * scores, and says why in /v1/models and in the scorer's health.
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../models/tiny",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false"})
@AutoConfigureMockMvc
class PawnRefusalTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("scorerHealthIndicator")
    HealthIndicator scorerHealth;

    @Test
    void shouldListTheModelWithoutPawnAndSayWhy() throws Exception {
        mvc.perform(get("/v1/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].pawn").value(false))
                .andExpect(jsonPath("$[0].pawnRefusal").value(containsString("records no text normalization")))
                .andExpect(jsonPath("$[0].pawnRefusal").value(containsString(LayoutNormalizingTokenizer.VERSION)))
                .andExpect(jsonPath("$[0].pawnRefusal").value(containsString(
                        "detector.scoring.pawn.require-normalization=false")));
        assertThat(String.valueOf(scorerHealth.health().getDetails().get("pawn")))
                .startsWith("refused: pawn.json records no text normalization");
    }

    @Test
    void shouldLabelFromTheZeroShotScores() throws Exception {
        mvc.perform(post("/v1/verdicts").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + VerdictExplanationTests.PARAGRAPH.repeat(2) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.policy").value(not("pawn")))
                .andExpect(jsonPath("$.machineProbability").value(nullValue()))
                .andExpect(jsonPath("$.model.pawn").value(false));
    }
}
