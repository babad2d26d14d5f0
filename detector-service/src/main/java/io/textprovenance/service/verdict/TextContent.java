package io.textprovenance.service.verdict;

/** Whether a text holds anything to judge: a letter or a digit of any script (not only spaces, emoji, punctuation). */
final class TextContent {

    private TextContent() {
    }

    static boolean hasLettersOrDigits(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
