package io.textprovenance.verdict.calibration;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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
        return regrouped(legacy, SCORE_TEST_FIELDS, (name, value, score, test) -> {
            switch (name) {
                case "rule", "test_fpr", "test_tpr" -> { }   // derived
                case "by_length" -> {
                    ArrayNode levels = score.putArray("byLength");
                    value.forEach(level -> levels.add(regrouped(level, LENGTH_TEST_FIELDS, LegacyFormat::renamedField)));
                }
                case "test_by_length" -> {
                    ArrayNode bins = test.putArray("byTokenBin");
                    value.forEach(bin -> bins.add(renamed(bin, BIN_FIELDS)));
                }
                default -> renamedField(name, value, score, test);
            }
        });
    }

    /** Where a field of format 1 goes that is not one of the test figures. */
    @FunctionalInterface
    private interface FieldMove {
        void move(String name, JsonNode value, ObjectNode target, ObjectNode test);
    }

    /** A score's or a length's fields, the test figures (renamed) gathered in its "test" object. */
    private static ObjectNode regrouped(JsonNode legacy, Map<String, String> testFields, FieldMove other) {
        ObjectNode target = JsonNodeFactory.instance.objectNode();
        ObjectNode test = JsonNodeFactory.instance.objectNode();
        legacy.properties().forEach(field -> {
            if (testFields.containsKey(field.getKey())) {
                test.set(testFields.get(field.getKey()), field.getValue());
            } else {
                other.move(field.getKey(), field.getValue(), target, test);
            }
        });
        if (!test.isEmpty()) {
            target.set("test", test);
        }
        return target;
    }

    private static void renamedField(String name, JsonNode value, ObjectNode target, ObjectNode test) {
        target.set(SCORE_FIELDS.getOrDefault(name, name), value);
    }

    private static ObjectNode renamed(JsonNode node, Map<String, String> names) {
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(field -> renamed.set(names.getOrDefault(field.getKey(), field.getKey()), field.getValue()));
        return renamed;
    }
}
