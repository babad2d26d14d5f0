package io.textprovenance.scoring;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default pretrained model, imported by training/import_model.sh into models/smollm2-135m (the
 * scoring module's build runs that script before its tests, so a missing import is an error, not a skip).
 */
public final class ImportedModel {

    private ImportedModel() {
    }

    public static Path directory() {
        for (Path candidate : new Path[] {Path.of("../models/smollm2-135m"), Path.of("models/smollm2-135m")}) {
            if (Files.isRegularFile(candidate.resolve("model.onnx"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("the imported model is missing from models/smollm2-135m (looked from "
                + Path.of("").toAbsolutePath() + "): run training/import_model.sh");
    }
}
