package io.textprovenance.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionDataTests {

    @TempDir
    Path directory;

    @Test
    void shouldKeepTheDotsOfAGeneratorName() {
        assertThat(DetectionData.stem(Path.of("exp/xsum_gpt-neo-2.7B.raw_data.json"))).isEqualTo("xsum_gpt-neo-2.7B");
        assertThat(DetectionData.stem(Path.of("pubmed-falcon7.jsonl"))).isEqualTo("pubmed-falcon7");
        assertThat(DetectionData.stem(Path.of("squad_opt-2.7b.json"))).isEqualTo("squad_opt-2.7b");
    }

    @Test
    void shouldReadPairAndJsonlFilesAndSkipGenerationArguments() throws IOException {
        Files.createDirectories(directory.resolve("a"));
        Files.writeString(directory.resolve("a/xsum_gpt2-xl.raw_data.json"),
                "{\"original\": [\"human one\", \"human two\"], \"sampled\": [\"machine one\", \"machine two\"]}");
        Files.writeString(directory.resolve("a/xsum_gpt2-xl.args.json"), "{\"do_top_k\": false}");
        Files.writeString(directory.resolve("pubmed-falcon7.jsonl"),
                "{\"text\": \"h\", \"label\": \"human\", \"generator\": \"falcon\", \"domain\": \"pubmed\"}\n"
                        + "{\"text\": \"m\", \"label\": \"machine\", \"generator\": \"falcon\", \"domain\": \"pubmed\"}\n\n");
        List<LabeledText> texts = DetectionData.readDirectory(directory);
        assertThat(texts).hasSize(6);
        assertThat(texts).filteredOn(LabeledText::machine).extracting(LabeledText::generator)
                .containsExactlyInAnyOrder("gpt2-xl", "gpt2-xl", "falcon");
        assertThat(texts).filteredOn(t -> t.source().endsWith(".json")).extracting(LabeledText::domain)
                .containsOnly("xsum");
        assertThat(texts).filteredOn(t -> t.text().equals("machine two")).first()
                .extracting(LabeledText::pair).isEqualTo(1);
    }

    @Test
    void shouldSampleWholePairsPerFileReproducibly() throws IOException {
        StringBuilder human = new StringBuilder();
        StringBuilder machine = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            human.append(i == 0 ? "" : ",").append("\"h").append(i).append('"');
            machine.append(i == 0 ? "" : ",").append("\"m").append(i).append('"');
        }
        Files.writeString(directory.resolve("a_gen.raw_data.json"),
                "{\"original\": [" + human + "], \"sampled\": [" + machine + "]}");
        List<LabeledText> all = DetectionData.readDirectory(directory);
        List<LabeledText> sample = DetectionData.samplePairs(all, 10, 3);
        assertThat(sample).hasSize(20);
        assertThat(sample.stream().filter(LabeledText::machine).map(LabeledText::pair))
                .containsExactlyInAnyOrderElementsOf(sample.stream().filter(t -> !t.machine()).map(LabeledText::pair).toList());
        assertThat(DetectionData.samplePairs(all, 10, 3)).isEqualTo(sample);
        assertThat(DetectionData.samplePairs(all, 0, 3)).isEqualTo(all);
    }

    @Test
    void shouldNameTheFileAndLineOfABadRecord() throws IOException {
        Files.writeString(directory.resolve("bad.jsonl"), "{\"text\": \"x\", \"label\": \"robot\"}\n");
        assertThatThrownBy(() -> DetectionData.readDirectory(directory)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.jsonl line 1");
        Files.delete(directory.resolve("bad.jsonl"));
        Files.writeString(directory.resolve("other.json"), "{\"texts\": []}");
        assertThatThrownBy(() -> DetectionData.readDirectory(directory)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other.json is not a pair file");
    }
}
