/*
 * The console's heat-map and plot arithmetic, free of the DOM so that Node can test it
 * (detector-service/src/test/js/heatmap.test.js).
 *
 * Offsets: the API's evidence[].start/end are UTF-16 indices into the request's text, which is exactly how a
 * JavaScript string is indexed, so text.slice(start, end) is the token's text, surrogate pairs (emoji) and CJK
 * included. The tokenizer may give several tokens the same span (a byte-level BPE splits one emoji into several
 * byte tokens, all pointing at the whole character) or leave text between tokens (whitespace it folded): a
 * segment list keeps one entry per token, in order, and fills every gap with plain text, so the concatenated
 * segments are the original text, line breaks and all.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.Heatmap = factory();
  }
})(this, function () {
  'use strict';

  /**
   * Splits text into segments: {token: i, text} for evidence[i] (text possibly empty when an earlier token
   * already covered its span) and {token: -1, text} for text no token covers. Joined, the texts equal `text`.
   * Tokens are taken in the API's order (text order); offsets are clamped into [cursor, text.length] and never
   * split a surrogate pair.
   */
  function segments(text, evidence) {
    var out = [];
    var cursor = 0;
    for (var i = 0; i < evidence.length; i++) {
      var start = clamp(evidence[i].start, cursor, text.length);
      var end = clamp(evidence[i].end, start, text.length);
      start = pairSafe(text, start);
      end = pairSafe(text, end);
      if (start > cursor) {
        out.push({ token: -1, text: text.slice(cursor, start) });
      }
      out.push({ token: i, text: text.slice(start, end) });
      cursor = Math.max(cursor, end);
    }
    if (cursor < text.length) {
      out.push({ token: -1, text: text.slice(cursor) });
    }
    return out;
  }

  function clamp(value, low, high) {
    var v = typeof value === 'number' && isFinite(value) ? Math.floor(value) : low;
    return Math.min(Math.max(v, low), high);
  }

  /** Moves an index that falls between a high and a low surrogate forward past the pair. */
  function pairSafe(text, index) {
    if (index > 0 && index < text.length) {
      var before = text.charCodeAt(index - 1);
      var at = text.charCodeAt(index);
      if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) {
        return index + 1;
      }
    }
    return index;
  }

  /** GLTR's buckets: 0 = top-10, 1 = top-100, 2 = top-1000, 3 = the rest. */
  function rankBucket(rank) {
    return rank <= 10 ? 0 : rank <= 100 ? 1 : rank <= 1000 ? 2 : 3;
  }

  var BUCKET_NAMES = ['top 10', 'top 100', 'top 1000', 'rest'];

  /**
   * Surprisal minus entropy, nats: below 0 the token was more predictable than the model expected at that
   * position (machine-like), above 0 less (human-like). Its mean is what the provenance test weighs.
   */
  function surprise(e) {
    return -e.logProb - e.entropy;
  }

  /**
   * Sentence ranges [start, end) covering the text: a sentence ends after . ! ? … 。 ！ ？ (and closing quotes or
   * brackets) followed by whitespace, or at a line break.
   */
  function sentences(text) {
    var ranges = [];
    var re = /[.!?\u2026\u3002\uff01\uff1f]+["'\u201d\u2019)\]]*(\s+)|\n+/g;
    var start = 0;
    var match;
    while ((match = re.exec(text)) !== null) {
      var end = match.index + match[0].length;
      if (end > start) {
        ranges.push([start, end]);
      }
      start = end;
    }
    if (start < text.length) {
      ranges.push([start, text.length]);
    }
    return ranges;
  }

  /**
   * For each token, the index of the sentence its last character falls in (a token " Two" carries the space
   * that ends the sentence before it).
   */
  function sentenceOfTokens(text, evidence) {
    var ranges = sentences(text);
    var result = new Array(evidence.length);
    var s = 0;
    for (var i = 0; i < evidence.length; i++) {
      var at = Math.max(evidence[i].start, evidence[i].end - 1);
      while (s < ranges.length - 1 && at >= ranges[s][1]) {
        s++;
      }
      result[i] = s;
    }
    return result;
  }

  /**
   * The value each token is coloured by in `mode` ('rank', 'surprise', 'pawn'), or null when it has none
   * (a token beyond the 512 PAWN reads). With bySentence, each token takes its sentence's mean (rank: the mean
   * of log10 rank, turned back into a rank).
   */
  function values(mode, text, evidence, bySentence) {
    var raw = evidence.map(function (e) {
      if (mode === 'rank') {
        return Math.log(Math.max(1, e.rank)) / Math.LN10;
      }
      if (mode === 'pawn') {
        return e.pawnWeight === null || e.pawnWeight === undefined ? null : e.pawnWeight;
      }
      return surprise(e);
    });
    if (bySentence) {
      var sentence = sentenceOfTokens(text, evidence);
      var sums = {};
      var counts = {};
      raw.forEach(function (v, i) {
        if (v !== null) {
          sums[sentence[i]] = (sums[sentence[i]] || 0) + v;
          counts[sentence[i]] = (counts[sentence[i]] || 0) + 1;
        }
      });
      raw = raw.map(function (v, i) {
        return v === null || !counts[sentence[i]] ? null : sums[sentence[i]] / counts[sentence[i]];
      });
    }
    return mode === 'rank' ? raw.map(function (v) { return v === null ? null : Math.pow(10, v); }) : raw;
  }

  /**
   * The CSS class of a coloured value: rank -> b0..b3 (GLTR buckets); surprise -> s-3..s3 (diverging,
   * one step per nat, clamped); pawn -> w0..w4 (share of the largest weight, in fifths); null -> none.
   */
  function colourClass(mode, value, maxWeight) {
    if (value === null || value === undefined || !isFinite(value)) {
      return 'none';
    }
    if (mode === 'rank') {
      return 'b' + rankBucket(value);
    }
    if (mode === 'pawn') {
      var share = maxWeight > 0 ? value / maxWeight : 0;
      return 'w' + Math.min(4, Math.floor(share * 5));
    }
    var step = Math.max(-3, Math.min(3, Math.round(value)));
    return step < 0 ? 's-' + (-step) : 's' + step;
  }

  /**
   * The plot's geometry: points [{tokens, statistic, boundary}] into SVG path strings for |statistic| and the
   * boundary, in a width x height box with `pad` pixels around. The y range is cut so that the large boundary
   * of the first few tokens does not flatten the rest: at most 3 x the larger of the last boundary and the
   * largest |statistic|. Returns {statistic, boundary, yMax, xMax, x(tokens), y(value)}.
   */
  function plotPaths(points, width, height, pad) {
    var xMax = points.length ? points[points.length - 1].tokens : 1;
    var last = points.length ? points[points.length - 1].boundary : 1;
    var biggest = 0;
    points.forEach(function (p) { biggest = Math.max(biggest, Math.abs(p.statistic)); });
    var yMax = Math.max(biggest, last) * 1.15 || 1;
    yMax = Math.min(yMax, 3 * Math.max(biggest, last)) || 1;
    function x(tokens) {
      return pad + (width - 2 * pad) * (xMax <= 1 ? 1 : (tokens - 1) / (xMax - 1));
    }
    function y(value) {
      return height - pad - (height - 2 * pad) * Math.min(value, yMax) / yMax;
    }
    function path(f) {
      return points.map(function (p, i) {
        return (i === 0 ? 'M' : 'L') + x(p.tokens).toFixed(1) + ' ' + y(f(p)).toFixed(1);
      }).join(' ');
    }
    return {
      statistic: path(function (p) { return Math.abs(p.statistic); }),
      boundary: path(function (p) { return p.boundary; }),
      yMax: yMax,
      xMax: xMax,
      x: x,
      y: y
    };
  }

  return {
    segments: segments,
    rankBucket: rankBucket,
    BUCKET_NAMES: BUCKET_NAMES,
    surprise: surprise,
    sentences: sentences,
    sentenceOfTokens: sentenceOfTokens,
    values: values,
    colourClass: colourClass,
    plotPaths: plotPaths
  };
});
