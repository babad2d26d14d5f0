package io.textprovenance.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentSplitTests {

    @Test
    void shouldKeepOneDocumentOnOneSideWhenFilesCutItToOtherLengths() {
        List<LabeledText> texts = new ArrayList<>();
        for (int doc = 0; doc < 200; doc++) {
            String article = ("Article " + doc + " opens with the council meeting on roads and schools in the town of"
                    + " Exeter, where residents asked for more buses and safer crossings near the old market hall").repeat(2);
            String[] words = article.split(" ");
            for (int file = 0; file < 3; file++) {    // each generator's file keeps another prefix length
                String cut = String.join(" ", List.of(words).subList(0, 25 + 5 * file));
                texts.add(new LabeledText(cut, false, "none", "news", "file" + file, doc));
                texts.add(new LabeledText("Machine text " + file + " for " + doc, true, "gen" + file, "news", "file" + file, doc));
            }
        }
        DocumentSplit split = new DocumentSplit(texts, 2025);
        Map<Integer, String> sideOfDocument = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (LabeledText text : texts) {
            String side = split.splitOf(text);
            String first = sideOfDocument.putIfAbsent(text.pair(), side);
            assertThat(first == null ? side : first).as("document %d", text.pair()).isEqualTo(side);
            sizes.merge(side, 1, Integer::sum);
        }
        assertThat(sizes.keySet()).containsExactlyInAnyOrder("train", "calibration", "test");
        assertThat(sizes.get("train")).isGreaterThan(sizes.get("test"));
    }

    @Test
    void shouldKeyADocumentByItsFirstTwentyWords() {
        assertThat(DocumentSplit.documentKey("  a b\n c  ")).isEqualTo("a b c");
        String words = "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20";
        assertThat(DocumentSplit.documentKey(words + " w21 w22")).isEqualTo(words);
    }
}
