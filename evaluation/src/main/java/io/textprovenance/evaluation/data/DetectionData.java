package io.textprovenance.evaluation.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads detection data in the two shared formats, from any directory tree:
 * <ul>
 *   <li>pair: a JSON object {"original": [human texts], "sampled": [machine texts]} (index i of both
 *       lists is a pair); generator and domain come from the file name {@code <domain>_<generator>...}</li>
 *   <li>jsonl: one {"text", "label": "human"|"machine", "generator"?, "domain"?} per line.</li>
 * </ul>
 * Files named {@code *.args.json} (generation arguments) are skipped; anything else that is neither
 * format is an error naming the file.
 */
public final class DetectionData {

    private static final JsonMapper JSON = JsonMapper.shared();

    private DetectionData() {
    }

    /** Every labeled text under {@code directory}, files in sorted order. */
    public static List<LabeledText> readDirectory(Path directory) {
        List<LabeledText> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".args.json")) {
                    continue;
                }
                String relative = directory.relativize(file).toString();
                try {
                    if (name.endsWith(".jsonl")) {
                        texts.addAll(readJsonl(file, relative));
                    } else if (name.endsWith(".json")) {
                        texts.addAll(readPairs(file, relative));
                    }
                } catch (JacksonException e) {
                    // not JSON, or a text that is not a string (Jackson 3's exceptions are unchecked)
                    throw new IllegalArgumentException("cannot read " + relative + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
        return texts;
    }

    /**
     * A seeded subset: at most {@code maxPairs} pairs (human and machine text of the same index) per file,
     * for runs that cannot afford every text. {@code maxPairs} &lt;= 0 keeps everything.
     */
    public static List<LabeledText> samplePairs(List<LabeledText> texts, int maxPairs, long seed) {
        if (maxPairs <= 0) {
            return texts;
        }
        java.util.Map<String, java.util.Set<Integer>> kept = new java.util.HashMap<>();
        java.util.Map<String, List<Integer>> pairsByFile = new java.util.LinkedHashMap<>();
        for (LabeledText text : texts) {
            List<Integer> pairs = pairsByFile.computeIfAbsent(text.source(), k -> new ArrayList<>());
            if (!pairs.contains(text.pair())) {
                pairs.add(text.pair());
            }
        }
        pairsByFile.forEach((file, pairs) -> {
            List<Integer> shuffled = new ArrayList<>(pairs);
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed ^ file.hashCode()));
            kept.put(file, new java.util.HashSet<>(shuffled.subList(0, Math.min(maxPairs, shuffled.size()))));
        });
        return texts.stream().filter(t -> kept.get(t.source()).contains(t.pair())).toList();
    }

    static List<LabeledText> readPairs(Path file, String relative) {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.has("original") || !root.has("sampled")) {
            throw new IllegalArgumentException(relative + " is not a pair file: it needs \"original\" and \"sampled\"");
        }
        String[] nameParts = stem(file).split("_", 2);
        String domain = nameParts[0];
        String generator = nameParts.length > 1 ? nameParts[1].replace("generation_", "") : "unknown";
        List<LabeledText> texts = new ArrayList<>();
        JsonNode human = root.get("original");
        JsonNode machine = root.get("sampled");
        for (int i = 0; i < human.size(); i++) {
            texts.add(new LabeledText(human.get(i).asString(), false, "human", domain, relative, i));
        }
        for (int i = 0; i < machine.size(); i++) {
            texts.add(new LabeledText(machine.get(i).asString(), true, generator, domain, relative, i));
        }
        return texts;
    }

    static List<LabeledText> readJsonl(Path file, String relative) throws IOException {
        List<LabeledText> texts = new ArrayList<>();
        String stem = stem(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            int humans = 0;
            int machines = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                String label = row.path("label").asString("").toLowerCase(Locale.ROOT);
                if (!row.hasNonNull("text") || !(label.equals("human") || label.equals("machine"))) {
                    throw new IllegalArgumentException(relative + " line " + number
                            + ": needs \"text\" and \"label\" human|machine");
                }
                boolean machine = label.equals("machine");
                int pair = machine ? machines++ : humans++;
                texts.add(new LabeledText(row.get("text").asString(), machine,
                        machine ? row.path("generator").asString(stem) : "human", row.path("domain").asString(stem),
                        relative, pair));
            }
        }
        return texts;
    }

    /** The file name without its extension and a trailing ".raw_data": "xsum_gpt-neo-2.7B.raw_data.json" gives "xsum_gpt-neo-2.7B". */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        return stem.endsWith(".raw_data") ? stem.substring(0, stem.length() - ".raw_data".length()) : stem;
    }
}
