package io.textprovenance.scoring.tokenizer;

/**
 * Token ids with the UTF-16 span of each token in the original text.
 *
 * @param ids    token ids, in order
 * @param starts first UTF-16 index of each token
 * @param ends   one past the last UTF-16 index of each token
 */
public record TokenizedText(long[] ids, int[] starts, int[] ends) {

    public TokenizedText {
        if (ids.length != starts.length || ids.length != ends.length) {
            throw new IllegalArgumentException("ids, starts and ends differ in length");
        }
        ids = ids.clone();
        starts = starts.clone();
        ends = ends.clone();
    }

    public int size() {
        return ids.length;
    }

    @Override
    public long[] ids() {
        return ids.clone();
    }

    public long id(int i) {
        return ids[i];
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }
}
