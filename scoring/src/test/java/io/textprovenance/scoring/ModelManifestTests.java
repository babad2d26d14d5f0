package io.textprovenance.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelManifestTests {

    @TempDir
    Path directory;

    @Test
    void shouldLoadTheBundledModelAndCheckItsDigests() {
        ModelManifest manifest = ModelManifest.load(TinyModel.directory());
        assertThat(manifest.format()).isEqualTo(ModelFormat.SCORING_GRAPH);
        assertThat(manifest.contextLength()).isGreaterThanOrEqualTo(256);
        assertThat(manifest.sha256()).containsKeys("model.onnx", "tokenizer.json");
        assertThat(manifest.shortSha()).hasSize(12);
    }

    @Test
    void shouldRefuseAnAlteredFile() throws IOException {
        write("model.onnx", "weights");
        write("tokenizer.json", "{}");
        writeManifest(ModelManifest.digest(directory.resolve("model.onnx")), "0".repeat(64));
        assertThatThrownBy(() -> ModelManifest.load(directory)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tokenizer.json").hasMessageContaining("altered");
    }

    @Test
    void shouldRefuseAMissingFileOrManifest() throws IOException {
        assertThatThrownBy(() -> ModelManifest.load(directory)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no model.json");
        write("tokenizer.json", "{}");
        writeManifest("0".repeat(64), ModelManifest.digest(directory.resolve("tokenizer.json")));
        assertThatThrownBy(() -> ModelManifest.load(directory)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model.onnx").hasMessageContaining("missing");
    }

    @Test
    void shouldRefuseAManifestWithoutAContextLength() throws IOException {
        write("model.json", "{\"name\": \"m\", \"version\": \"1\", \"vocab_size\": 10, \"bos_token_id\": 0,"
                + " \"clip_nats\": 10, \"sha256\": {\"model.onnx\": \"x\", \"tokenizer.json\": \"y\"}}");
        assertThatThrownBy(() -> ModelManifest.load(directory)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("context_length");
    }

    private void writeManifest(String modelSha, String tokenizerSha) throws IOException {
        write("model.json", "{\"name\": \"m\", \"version\": \"1\", \"vocab_size\": 10, \"context_length\": 16,"
                + " \"hidden_size\": 4, \"bos_token_id\": 0, \"clip_nats\": 10, \"sha256\": {\"model.onnx\": \""
                + modelSha + "\", \"tokenizer.json\": \"" + tokenizerSha + "\"}}");
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content);
    }
}
