package io.textprovenance.service.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 16, item 2: the verdict explains itself. On the small bundled model with its PAWN head and calibration: a
 * plain-words summary; no probability or p-value on a too-short text; the tokens a long text's label rests on; the
 * evidence the console draws (ranks, the anytime test along the text).
 */
@SpringBootTest(properties = {
        "detector.scoring.model-dir=${user.dir}/../models/tiny",
        "detector.kafka.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "detector.security.enabled=false",
        // the tiny head records no text normalization (trained before it was recorded): used here on purpose, for
        // parity with its Python reference, not for its quality (PawnRefusalTests: refused by default)
        "detector.scoring.pawn.require-normalization=false"})
@AutoConfigureMockMvc
class VerdictExplanationTests {

    static final String PARAGRAPH = "I knew a young fellow once, who was studying to play the bagpipes, and you would be"
            + " surprised at the amount of opposition he had to contend with. Why, not even from the members of his own"
            + " family did he receive what you could call active encouragement. His father was dead against the"
            + " business from the beginning, and spoke quite unfeelingly on the subject.\\n";

    @Autowired
    MockMvc mvc;

    @Test
    void shouldGiveNoProbabilityOrPValueForATooShortText() throws Exception {
        verdict("{\"text\": \"The committee met on Tuesday.\"}")
                .andExpect(jsonPath("$.policy").value("too-short"))
                .andExpect(jsonPath("$.machineProbability").value(nullValue()))
                .andExpect(jsonPath("$.machinePValue").value(nullValue()))
                .andExpect(jsonPath("$.missPValue").value(nullValue()))
                .andExpect(jsonPath("$.zeroShot[*].pValue", everyItem(nullValue())))
                .andExpect(jsonPath("$.zeroShot[*].missPValue", everyItem(nullValue())))
                .andExpect(jsonPath("$.zeroShot", hasSize(4)))
                .andExpect(jsonPath("$.summary").value(containsString("Too short to judge")))
                .andExpect(jsonPath("$.basis.wholeText").value(true));
    }

    @Test
    void shouldSayInPlainWordsWhatAJudgedTextsLabelMeans() throws Exception {
        verdict("{\"text\": \"" + PARAGRAPH.repeat(2) + "\"}")
                .andExpect(jsonPath("$.policy").value("pawn"))
                .andExpect(jsonPath("$.machineProbability").isNumber())
                .andExpect(jsonPath("$.machinePValue").isNumber())
                .andExpect(jsonPath("$.summary").value(containsString("reference texts of similar length")))
                .andExpect(jsonPath("$.reason").value(containsString("the PAWN classifier gives P(machine)")))
                .andExpect(jsonPath("$.basis.wholeText").value(true))
                .andExpect(jsonPath("$.basis.start").value(0))
                .andExpect(jsonPath("$.evidence").value(nullValue()))
                .andExpect(jsonPath("$.trace").value(nullValue()));
    }

    @Test
    void shouldSayThatALongTextsLabelRestsOnPawnsFirst512Tokens() throws Exception {
        verdict("{\"text\": \"" + PARAGRAPH.repeat(12) + "\"}")
                .andExpect(jsonPath("$.policy").value("pawn"))
                .andExpect(jsonPath("$.tokens.scored").value(greaterThan(512)))
                .andExpect(jsonPath("$.basis.tokens").value(512))
                .andExpect(jsonPath("$.basis.wholeText").value(false))
                .andExpect(jsonPath("$.basis.end").value(greaterThan(1000)))
                .andExpect(jsonPath("$.basis.description").value(containsString("first 512")))
                .andExpect(jsonPath("$.summary").value(containsString("first 512")));
    }

    @Test
    void shouldExplainWithRanksAndTheAnytimeTestAlongTheText() throws Exception {
        String body = verdict("{\"text\": \"" + PARAGRAPH.repeat(3) + "\", \"explain\": true}")
                .andExpect(jsonPath("$.evidence[*].rank", everyItem(greaterThanOrEqualTo(1))))
                .andExpect(jsonPath("$.evidence[0].pawnWeight").isNumber())
                .andExpect(jsonPath("$.trace.test").value("anytime-mixture"))
                .andExpect(jsonPath("$.trace.points[0].tokens").value(1))
                .andExpect(jsonPath("$.trace.points[*].boundary", everyItem(greaterThan(0.0))))
                .andExpect(jsonPath("$.trace.points", not(hasSize(0))))
                .andExpect(jsonPath("$.trace.alpha").isNumber())
                .andReturn().getResponse().getContentAsString();
        Double tracePValue = JsonPath.read(body, "$.trace.pValue");
        Double anytimePValue = JsonPath.read(body, "$.provenance.anytimePValue");
        assertThat(tracePValue).as("the trace is the anytime test of provenance").isEqualTo(anytimePValue);
    }

    private ResultActions verdict(String body) throws Exception {
        return mvc.perform(post("/v1/verdicts").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }
}
