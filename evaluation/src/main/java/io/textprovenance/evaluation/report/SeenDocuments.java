package io.textprovenance.evaluation.report;

import io.textprovenance.evaluation.data.DocumentSplit;
import io.textprovenance.verdict.calibration.CalibrationFile;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a shipped calibration.json has seen of a data set, by the split it records
 * ({@link CalibrationFile.SplitRecord}): documents of its calibration split are its references (their texts are
 * left out: a threshold checked on its own references says nothing), documents of its train split are what a PAWN
 * head trained on that split learned from (PAWN does not score them). Every other text is new to it and counts,
 * whatever split this run's seed would put it in: a data set PAWN never saw is evaluated on all its texts.
 */
final class SeenDocuments {

    /** The report header's sentence when the run splits the data itself (no --thresholds). */
    static final String SPLIT_SCOPE = "Zero-shot scores on all texts; trained detectors (pawn) on the test split only"
            + " (split by human document: 60% train, 20% calibration, 20% test), so their cells show their own n.";

    private final Set<String> train;
    private final Set<String> calibration;
    private final boolean recorded;

    private SeenDocuments(Set<String> train, Set<String> calibration, boolean recorded) {
        this.train = train;
        this.calibration = calibration;
        this.recorded = recorded;
    }

    /** @param record the file's split; null when it records none (nothing is known to be seen) */
    static SeenDocuments of(CalibrationFile.SplitRecord record) {
        return record == null ? new SeenDocuments(Set.of(), Set.of(), false)
                : new SeenDocuments(Set.copyOf(record.trainDocuments()), Set.copyOf(record.calibrationDocuments()), true);
    }

    /** The split of this run's documents, to record in a fitted calibration.json. */
    static CalibrationFile.SplitRecord record(List<ScoredDocument> documents, DocumentSplit split) {
        Set<String> train = new TreeSet<>();
        Set<String> calibration = new TreeSet<>();
        for (ScoredDocument document : documents) {
            if (document.split().equals("train")) {
                train.add(CalibrationFile.SplitRecord.hash(document.document()));
            } else if (document.split().equals("calibration")) {
                calibration.add(CalibrationFile.SplitRecord.hash(document.document()));
            }
        }
        return new CalibrationFile.SplitRecord(split.seed(), List.copyOf(train), List.copyOf(calibration));
    }

    /** Whether a trained detector (PAWN) learned from the document. */
    boolean trainedOn(String documentKey) {
        return train.contains(CalibrationFile.SplitRecord.hash(documentKey));
    }

    /** Whether the document's texts are the calibration's references. */
    boolean references(String documentKey) {
        return calibration.contains(CalibrationFile.SplitRecord.hash(documentKey));
    }

    /**
     * The report header's sentence: which texts count, and why.
     *
     * @param texts     the data set's texts
     * @param documents those scored (the references left out)
     */
    String describe(int texts, List<ScoredDocument> documents) {
        if (!recorded) {
            return String.format(Locale.ROOT, "Shipped thresholds on all %d texts, by every detector: the calibration"
                    + " file records no split, so nothing is known to be seen (if this data set holds the texts it was"
                    + " fitted on, or PAWN's training texts, the figures are optimistic).", texts);
        }
        long references = texts - documents.size();
        long trainedOn = documents.stream().filter(d -> trainedOn(d.document())).count();
        if (references == 0 && trainedOn == 0) {
            return String.format(Locale.ROOT, "Shipped thresholds on all %d texts, by every detector: neither the"
                    + " calibration nor PAWN has seen a document of this data set.", texts);
        }
        return String.format(Locale.ROOT, "Shipped thresholds on %d of %d texts: %d are texts of the calibration's own"
                + " reference documents (left out); of the rest, %d belong to documents PAWN trained on, so pawn is"
                + " reported on the other %d and the zero-shot scores on all %d.", documents.size(), texts, references,
                trainedOn, documents.size() - trainedOn, documents.size());
    }
}
