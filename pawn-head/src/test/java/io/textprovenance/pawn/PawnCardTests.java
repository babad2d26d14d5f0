package io.textprovenance.pawn;

import static org.assertj.core.api.Assertions.assertThat;

import io.textprovenance.scoring.tokenizer.LayoutNormalizingTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A head is used only with the text normalization it was trained under (issue 14): pawn.json records it, with the
 * split it trained on; one recording another is refused, one recording none is refused unless accepted.
 */
class PawnCardTests {

    static final String SCORER = LayoutNormalizingTokenizer.VERSION;

    @TempDir
    Path directory;

    @Test
    void shouldRefuseTheBundledTinyHeadWhichRecordsNoNormalizationUnlessAccepted() {
        PawnCard card = PawnCard.read(Path.of("../models/tiny"));

        assertThat(card.textNormalization()).isEmpty();
        assertThat(card.refusal(SCORER, true)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("records no text normalization", SCORER, "train_pawn.py"));
        assertThat(card.refusal(SCORER, false)).isEmpty();
    }

    @Test
    void shouldRefuseAHeadOfAnotherNormalizationEvenWhenUnrecordedOnesAreAccepted() throws IOException {
        PawnCard card = write("\"text_normalization\": \"layout-1\"");

        assertThat(card.refusal(SCORER, false)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("'layout-1'", "'" + SCORER + "'"));
        assertThat(card.refusal(SCORER, true)).isPresent();
    }

    @Test
    void shouldAcceptAHeadOfTheScorersNormalizationAndReadItsSplit() throws IOException {
        PawnCard card = write("\"text_normalization\": \"" + SCORER + "\", \"split\": {\"seed\": 2025,"
                + " \"train_documents\": 3, \"train_documents_sha256\": \"abc\"}");

        assertThat(card.refusal(SCORER, true)).isEmpty();
        assertThat(card.split()).contains(new PawnCard.TrainingSplit(2025, 3, "abc"));
        assertThat(card.sha256()).isEqualTo("00ff");
    }

    /** The value Python's hashlib.sha256("\n".join(sorted(set(keys))).encode()).hexdigest() gives. */
    @Test
    void shouldDigestTheTrainDocumentsAsTrainPawnDoes() {
        assertThat(PawnCard.digest(List.of("b0", "a1", "a1")))
                .isEqualTo("c0eb82c7b93e48e91392cbf3ace956bd0ea7bab7f9c9e487d747918ad60de17a");
    }

    private PawnCard write(String fields) throws IOException {
        Files.writeString(directory.resolve("pawn.json"), "{\"sha256\": \"00ff\", \"backbone\": \"tiny 1 00\", "
                + fields + "}");
        return PawnCard.read(directory);
    }
}
