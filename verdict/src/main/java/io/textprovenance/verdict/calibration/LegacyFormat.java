package io.textprovenance.verdict.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Format 1 of calibration.json (no {@code formatVersion}; snake_case inside each score, the test figures beside
 * the references) rewritten as format {@value CalibrationFile#FORMAT_VERSION}, so that files written before the
 * typed binding still load. Derived fields ({@code rule}, {@code test_fpr}, {@code test_tpr}) are dropped; the
 * counts they came from are kept. Unknown fields are kept as they are, so that binding names them.
 */
final class LegacyFormat {

    /** Format-1 name to format-2 name, for the fields that stay where they are. */
    private static final Map<String, String> SCORE_FIELDS = Map.of("calibration_human_texts", "calibrationHumanTexts",
            "calibration_unit", "calibrationUnit", "reference_scores", "humanReferences",
            "machine_reference_scores", "machineReferences");

    private static final Map<String, String> SCORE_TEST_FIELDS = Map.of("test_human_texts", "humanTexts",
            "test_false_positives", "falsePositives", "test_machine_texts", "machineTexts",
            "test_true_positives", "truePositives", "test_false_positives_length_matched", "lengthMatchedFalsePositives",
            "test_true_positives_length_matched", "lengthMatchedTruePositives",
            "test_labels_human_texts", "labelsOfHumanTexts", "test_labels_machine_texts", "labelsOfMachineTexts");

    private static final Map<String, String> LENGTH_TEST_FIELDS = Map.of("test_human_texts", "humanTexts",
            "test_false_positives", "falsePositives",
            "test_false_positives_at_overall_threshold", "falsePositivesAtOverallThreshold",
            "test_machine_texts", "machineTexts", "test_true_positives", "truePositives",
            "test_humans_called_human", "humansCalledHuman", "test_machines_called_human", "machinesCalledHuman");

    private static final Map<String, String> BIN_FIELDS = Map.of("false_positives", "falsePositives",
            "true_positives", "truePositives");

    private LegacyFormat() {
    }

    static ObjectNode upgrade(ObjectNode legacy) {
        ObjectNode upgraded = legacy.deepCopy();
        upgraded.put("formatVersion", CalibrationFile.FORMAT_VERSION);
        ObjectNode scores = JsonNodeFactory.instance.objectNode();
        legacy.path("scores").properties().forEach(entry -> scores.set(entry.getKey(), score(entry.getValue())));
        upgraded.set("scores", scores);
        if (legacy.has("targetFpr")) {
            // format 1 counted its test figures with the service's defaults and machine at p <= targetFpr
            ObjectNode policy = upgraded.putObject("testPolicy");
            policy.put("minTokens", 32);
            policy.set("machinePValue", legacy.get("targetFpr"));
            policy.put("humanMissPValue", 0.05);
        }
        return upgraded;
    }

    private static ObjectNode score(JsonNode legacy) {
        ObjectNode score = JsonNodeFactory.instance.objectNode();
        ObjectNode test = JsonNodeFactory.instance.objectNode();
        legacy.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "rule", "test_fpr", "test_tpr" -> { }   // derived
                case "by_length" -> {
                    ArrayNode levels = score.putArray("byLength");
                    value.forEach(level -> levels.add(length(level)));
                }
                case "test_by_length" -> {
                    ArrayNode bins = test.putArray("byTokenBin");
                    value.forEach(bin -> bins.add(renamed(bin, BIN_FIELDS)));
                }
                default -> {
                    if (SCORE_TEST_FIELDS.containsKey(name)) {
                        test.set(SCORE_TEST_FIELDS.get(name), value);
                    } else {
                        score.set(SCORE_FIELDS.getOrDefault(name, name), value);
                    }
                }
            }
        });
        if (!test.isEmpty()) {
            score.set("test", test);
        }
        return score;
    }

    private static ObjectNode length(JsonNode legacy) {
        ObjectNode level = JsonNodeFactory.instance.objectNode();
        ObjectNode test = JsonNodeFactory.instance.objectNode();
        legacy.properties().forEach(field -> {
            String name = field.getKey();
            if (LENGTH_TEST_FIELDS.containsKey(name)) {
                test.set(LENGTH_TEST_FIELDS.get(name), field.getValue());
            } else {
                level.set(SCORE_FIELDS.getOrDefault(name, name), field.getValue());
            }
        });
        if (!test.isEmpty()) {
            level.set("test", test);
        }
        return level;
    }

    private static ObjectNode renamed(JsonNode node, Map<String, String> names) {
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(field -> renamed.set(names.getOrDefault(field.getKey(), field.getKey()), field.getValue()));
        return renamed;
    }
}
