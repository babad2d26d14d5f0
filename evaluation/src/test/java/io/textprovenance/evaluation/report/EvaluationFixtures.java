package io.textprovenance.evaluation.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Models and small data sets for the harness's end-to-end tests (tests run from the module directory). */
final class EvaluationFixtures {

    private EvaluationFixtures() {
    }

    /** The arguments followed by more. */
    static String[] with(String[] args, String... more) {
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /**
     * A data directory under {@code directory} with one pair file news_tiny.raw_data.json of n human texts
     * (humanFormat with i) and n machine texts (machineFormat with i mod machineVariants).
     */
    static Path pairFile(Path directory, int n, String humanFormat, String machineFormat, int machineVariants)
            throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        List<String> human = new ArrayList<>();
        List<String> machine = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            human.add(String.format(humanFormat, i));
            machine.add(String.format(machineFormat, i % machineVariants));
        }
        JsonMapper.shared().writeValue(data.resolve("news_tiny.raw_data.json").toFile(),
                Map.of("original", human, "sampled", machine));
        return data;
    }

    /** The bundled small model (context 256, with a PAWN head and a calibration). */
    static Path bundledModel() {
        return Path.of("../models/tiny").toAbsolutePath().normalize();
    }

    /** The tiny scoring graph of the scoring module's test resources (context 32). */
    static Path tinyModel() {
        return Path.of("../scoring/src/test/resources/tiny/scoring-graph").toAbsolutePath().normalize();
    }
}
