package io.textprovenance.evaluation.report;

import static io.textprovenance.evaluation.report.EvaluationFixtures.pairFile;
import static io.textprovenance.evaluation.report.EvaluationFixtures.tinyModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.textprovenance.evaluation.cache.CacheFeatures;
import io.textprovenance.evaluation.cache.FeatureCache;
import io.textprovenance.scoring.ScorerSettings;
import io.textprovenance.scoring.onnx.OnnxScorer;
import io.textprovenance.scoring.tokenizer.LayoutNormalizingTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The feature cache end to end with the tiny test model: a report from the cache equals one from scoring, an older
 * cache is reused only for the same token ids, reindexing rewrites only the splits, and a cache of another token
 * limit is refused.
 */
class EvaluateFeatureCacheTests {

    @TempDir
    Path directory;

    @Test
    void shouldGiveTheSameReportFromTheFeatureCacheAsFromScoring() throws IOException {
        Path data = pairFile(directory, 40, "Minutes %d: the board approved the budget after a long debate on parks.",
                "A a a a b b %d", 5);
        Path features = directory.resolve("features");
        CacheFeatures.main(new String[] {"--data", data.toString(), "--out", features.toString(),
                "--model", tinyModel().toString(), "--max-tokens", "16"});
        Path scored = directory.resolve("scored");
        Path cached = directory.resolve("cached");
        Evaluate.main(new String[] {"--data", data.toString(), "--out", scored.toString(), "--model",
                tinyModel().toString(), "--max-tokens", "16"});
        Evaluate.main(new String[] {"--data", data.toString(), "--out", cached.toString(), "--model",
                tinyModel().toString(), "--max-tokens", "16", "--features", features.toString()});
        JsonMapper json = JsonMapper.shared();
        JsonNode fromScoring = json.readTree(scored.resolve("report.json").toFile()).get("results");
        JsonNode fromCache = json.readTree(cached.resolve("report.json").toFile()).get("results");
        assertThat(fromScoring).isNotEmpty();
        assertThat(fromCache).isEqualTo(fromScoring);
    }

    @Test
    void shouldReuseAnOlderCachesFeaturesOnlyForTheSameTokenIds() throws IOException {
        Path data = pairFile(directory, 12, "Report %d: the harbour reopened after the storm damaged two piers.",
                "C c c d d %d", 3);
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");
        CacheFeatures.main(new String[] {"--data", data.toString(), "--out", first.toString(),
                "--model", tinyModel().toString(), "--max-tokens", "16"});
        CacheFeatures.main(new String[] {"--data", data.toString(), "--out", second.toString(),
                "--model", tinyModel().toString(), "--max-tokens", "16", "--reuse", first.toString()});
        for (String file : new String[] {"metrics.f32", "hidden.f32", "token_ids.i32", "index.jsonl"}) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(file).isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        String text = "Report 0: the harbour reopened after the storm damaged two piers.";
        try (OnnxScorer scorer = OnnxScorer.open(ScorerSettings.defaults(tinyModel()));
             FeatureCache cache = FeatureCache.open(first, scorer.manifest(), 16)) {
            long[] ids = Arrays.copyOf(scorer.tokenize(text).ids(), 16);
            assertThat(CacheFeatures.reusable(cache, text, ids)).isPresent();
            long[] other = ids.clone();
            other[3] = other[3] + 1;
            assertThat(CacheFeatures.reusable(cache, text, other)).isEmpty();
            assertThat(CacheFeatures.reusable(null, text, ids)).isEmpty();
        }
    }

    @Test
    void shouldRewriteOnlyTheSplitsWhenReindexing() throws IOException {
        Path data = pairFile(directory, 30, "Notes %d: the library extended its opening hours for students during exams.",
                "B b b c c %d", 4);
        Path features = directory.resolve("features");
        String[] cache = {"--data", data.toString(), "--out", features.toString(), "--model", tinyModel().toString(),
            "--max-tokens", "16"};
        CacheFeatures.main(cache);
        JsonMapper json = JsonMapper.shared();
        JsonNode meta = json.readTree(features.resolve("meta.json").toFile());
        assertThat(meta.get("text_normalization").asString()).isEqualTo(LayoutNormalizingTokenizer.VERSION);
        assertThat(meta.get("split_seed").asInt()).isEqualTo(2025);
        List<String> before = Files.readAllLines(features.resolve("index.jsonl"));
        assertThat(json.readTree(before.get(0)).get("document").asString()).hasSize(16);
        CacheFeatures.main(new String[] {"--data", data.toString(), "--out", features.toString(), "--seed", "7",
            "--reindex", "true"});
        List<String> after = Files.readAllLines(features.resolve("index.jsonl"));
        assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
        assertThat(json.readTree(features.resolve("meta.json").toFile()).get("split_seed").asInt()).isEqualTo(7);
        for (int i = 0; i < before.size(); i++) {
            ObjectNode was = (ObjectNode) json.readTree(before.get(i));
            ObjectNode now = (ObjectNode) json.readTree(after.get(i));
            was.remove("split");
            now.remove("split");
            assertThat(now).isEqualTo(was);
        }
    }

    @Test
    void shouldRefuseAFeatureCacheOfAnotherTokenLimit() throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.writeString(data.resolve("news_tiny.raw_data.json"),
                "{\"original\": [\"The council met on Monday.\"], \"sampled\": [\"The the the the.\"]}");
        Path features = directory.resolve("features");
        CacheFeatures.main(new String[] {"--data", data.toString(), "--out", features.toString(),
                "--model", tinyModel().toString(), "--max-tokens", "16"});
        assertThatThrownBy(() -> Evaluate.main(new String[] {"--data", data.toString(), "--out",
                directory.resolve("out").toString(), "--model", tinyModel().toString(), "--max-tokens", "32",
                "--features", features.toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 32");
    }
}
