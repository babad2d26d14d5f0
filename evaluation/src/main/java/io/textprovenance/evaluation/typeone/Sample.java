package io.textprovenance.evaluation.typeone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A sampled text.
 *
 * @param mode         how it was drawn (sample_texts.py --mode; "exact" when the file does not say)
 * @param windows      the plan the sampler followed, [start, end, first scored] each
 * @param promptTokens tokens of the unscored prompt it was drawn after (0: none)
 * @param stop         "eos" or "max" when the sampler stopped at the end-of-text token or the maximum
 *                     length (the length is then a stopping time); empty for a length fixed in advance
 */
record Sample(String id, String mode, String text, long[] tokenIds, Optional<List<List<Integer>>> windows,
              int promptTokens, Optional<String> stop) {

    /** The samples of a sample_texts.py JSON Lines file, in order. */
    static List<Sample> readAll(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            JsonNode ids = row.get("token_ids");
            long[] tokenIds = new long[ids.size()];
            for (int i = 0; i < tokenIds.length; i++) {
                tokenIds[i] = ids.get(i).asLong();
            }
            Optional<List<List<Integer>>> windows = Optional.empty();
            if (row.hasNonNull("windows")) {
                List<List<Integer>> plan = new ArrayList<>();
                row.get("windows").forEach(w -> plan.add(List.of(w.get(0).asInt(), w.get(1).asInt(), w.get(2).asInt())));
                windows = Optional.of(plan);
            }
            samples.add(new Sample(row.path("id").asString(file.getFileName() + " line " + (samples.size() + 1)),
                    row.path("mode").asString("exact"), row.get("text").asString(), tokenIds, windows,
                    row.path("prompt_ids").size(),
                    row.hasNonNull("stop") ? Optional.of(row.get("stop").asString()) : Optional.empty()));
        }
        return samples;
    }
}
