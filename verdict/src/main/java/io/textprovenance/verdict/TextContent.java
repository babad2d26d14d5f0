package io.textprovenance.verdict;

/** Whether a text holds anything to judge: a letter or a digit of any script (not only spaces, emoji, punctuation). */
public final class TextContent {

    private TextContent() {
    }

    public static boolean hasLettersOrDigits(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
