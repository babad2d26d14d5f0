package io.textprovenance.scoring;

import java.nio.file.Files;
import java.nio.file.Path;

/** The tiny 6.9M test model (models/tiny), found from the module directory or the repository root. */
public final class TinyModel {

    private TinyModel() {
    }

    public static Path directory() {
        for (Path candidate : new Path[] {Path.of("../models/tiny"), Path.of("models/tiny")}) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("models/tiny not found from " + Path.of("").toAbsolutePath());
    }
}
