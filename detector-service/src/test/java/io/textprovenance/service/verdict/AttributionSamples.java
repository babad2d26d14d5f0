package io.textprovenance.service.verdict;

/**
 * Two texts sampled at temperature 1 for the attribution tests: one from models/tiny ({@code training/sample_texts.py
 * -n 200 --min-len 64 --max-len 200 --group 20 --seed 31}, sample exact-31-00024, 109 tokens, re-tokenizes to the
 * sampled ids) and one from SmolLM2-135M-Instruct ({@code --seed 7}, sample-7-00099, 169 tokens), which the small model's
 * provenance test rejects (p = 7e-6).
 */
final class AttributionSamples {

    static final String TINY = "Yes being pretty longer something, the fortune. What you see me, I may answer with the way between m"
            + "y army would be the idea after it was but if long above, but whom he shows about governments, as you"
            + ", slept by to own question, I had more than join the Council of the answer:<|endoftext|>Her glass th"
            + "an occurred that beers is alcohol of course of further my feet to master of others them had left lat"
            + "er out.Dape came, in the question with S.\nIights in those to the case, you want.";

    static final String SMOLLM2 = "'sclubshell().execute()` for receiving a `Game` result.\n\n- In `live_url` the `tableTackingCount do"
            + "wn` is set to `-1`, which indicates a sick game.\n\n- The game data is stored in each `mapbox. ul.li"
            + "st` and handled using `mapbox.markers.ConstrainedListList` to avoid data corruption: `mapbox.map.map"
            + "Style.unhidePath = onAnimationEnded;`\n\n- When the game ends, `mapbox.map.mapStyle.publicationStory"
            + "board.unhideStoryboard*********************` is called.\n\n```javascript\nfunction checkCamera(tileP"
            + "osX, tilePosY, whichView\uc740 thatOfEachViewModel, ofEachViewModel)";

    private AttributionSamples() {
    }
}
