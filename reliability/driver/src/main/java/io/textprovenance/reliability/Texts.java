package io.textprovenance.reliability;

import java.util.Random;

/** English-looking prose from a small grammar: documents of a given length in words, reproducible by seed. */
final class Texts {

    private static final String[] SUBJECTS = {"The committee", "Our team", "The city council", "A small group of volunteers",
        "The new manager", "Most residents", "The research lab", "Her younger brother", "The local bakery",
        "Several engineers", "The museum", "An old friend of mine", "The school board", "The company", "Each student",
        "The river authority", "My neighbour", "The hospital staff", "A visiting professor", "The football club"};
    private static final String[] VERBS = {"decided to review", "spent the morning discussing", "quietly rejected",
        "finally approved", "could not explain", "wrote a long letter about", "carefully measured", "argued against",
        "started to rebuild", "was surprised by", "forgot to mention", "published a report on", "agreed to fund",
        "kept asking about", "tried to improve", "walked us through", "worried about", "celebrated", "postponed",
        "took photographs of"};
    private static final String[] OBJECTS = {"the budget for next year", "the broken bridge near the station",
        "a plan to plant more trees", "the results of the survey", "the noise from the construction site",
        "the price of fresh bread", "an unusual pattern in the data", "the schedule for the summer festival",
        "the old library on the hill", "a shortage of nurses", "the flooding after the storm", "the new bus routes",
        "a proposal for cheaper housing", "the winter heating costs", "the missing equipment",
        "the history of the harbour", "a strange letter from abroad", "the design of the playground",
        "the water quality report", "the late delivery of the books"};
    private static final String[] TAILS = {"", "", " before the meeting ended", " after a long and tiring week",
        " because nobody else would", " even though it rained all day", " with surprising patience",
        " while the children waited outside", " for the third time this month", " without asking anyone first",
        " as the evening grew colder", " in front of a curious crowd"};
    private static final String[] CONNECTORS = {"", "", "", "However, ", "Later, ", "Meanwhile, ", "In the end, ",
        "At first, ", "Surprisingly, ", "As a result, "};

    private Texts() {
    }

    /** About {@code words} words of prose (whole sentences, so a little more). */
    static String prose(Random random, int words) {
        StringBuilder text = new StringBuilder(words * 7);
        int count = 0;
        int sentencesInParagraph = 0;
        while (count < words) {
            String connector = pick(random, CONNECTORS);
            String subject = pick(random, SUBJECTS);
            if (!connector.isEmpty()) {
                subject = Character.toLowerCase(subject.charAt(0)) + subject.substring(1);
            }
            String sentence = connector + subject + " " + pick(random, VERBS) + " " + pick(random, OBJECTS)
                    + pick(random, TAILS) + ".";
            text.append(sentence);
            count += sentence.split(" ").length;
            if (++sentencesInParagraph >= 4 + random.nextInt(4)) {
                text.append("\n\n");
                sentencesInParagraph = 0;
            } else {
                text.append(' ');
            }
        }
        return text.toString().strip();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
