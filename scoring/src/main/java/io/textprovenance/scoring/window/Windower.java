package io.textprovenance.scoring.window;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans overlapping windows over an input sequence longer than the model's context, so that every
 * token is scored exactly once and, after the first window, with at least half a context of left
 * context.
 *
 * <p>The first window covers [0, T) and scores positions 1..T-1 with all their context. Each next
 * window starts T/2 before the previous one's end (or at n - T for the last, which gives it more
 * context) and scores the positions after the previous end. Cost: about n / (T/2) windows, i.e. every
 * token is run through the model about twice for long documents.
 *
 * @param context the model's context length T (&gt;= 4)
 */
public record Windower(int context) {

    public Windower {
        if (context < 4) {
            throw new IllegalArgumentException("context must be >= 4, got " + context);
        }
    }

    /**
     * @param inputLength length n of the input sequence, BOS included (&gt;= 2 to score anything)
     * @return the windows in order; empty if there is nothing to score
     */
    public List<Window> plan(int inputLength) {
        List<Window> windows = new ArrayList<>();
        if (inputLength < 2) {
            return windows;
        }
        int overlap = context - context / 2;   // left context kept for the first newly scored token
        int end = Math.min(context, inputLength);
        windows.add(new Window(0, end, 1));
        while (end < inputLength) {
            int start = Math.min(end - overlap, inputLength - context);
            int windowEnd = start + context;
            windows.add(new Window(start, windowEnd, end));
            end = windowEnd;
        }
        return windows;
    }
}
