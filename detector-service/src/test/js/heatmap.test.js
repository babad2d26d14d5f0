// The console's heat-map arithmetic (src/main/resources/static/console/heatmap.js), run by Node's own test
// runner: `node --test detector-service/src/test/js/` (ConsoleScriptTests runs it in the Maven build when a
// `node` is on the PATH). Offsets are UTF-16 indices, as the API documents and as JavaScript strings index.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const H = require(path.join(__dirname, '../../main/resources/static/console/heatmap.js'));
const samples = require(path.join(__dirname, '../../main/resources/static/console/samples.js'));

/** Evidence as the service gives it: tokens over the non-space runs, spaces folded into the next token. */
function tokensOf(text) {
  const evidence = [];
  const re = /\s*\S+/gu;
  let m;
  while ((m = re.exec(text)) !== null) {
    evidence.push({ start: m.index, end: m.index + m[0].length, logProb: -1, entropy: 2, rank: 5, pawnWeight: null });
  }
  return evidence;
}

function joined(segments) {
  return segments.map((s) => s.text).join('');
}

test('segments rebuild the text exactly, with one segment per token', () => {
  for (const text of [samples.human, samples.machine, 'one\n\ntwo\r\n  three\t four  ', '  leading and trailing  ']) {
    const evidence = tokensOf(text);
    const segments = H.segments(text, evidence);
    assert.equal(joined(segments), text);
    assert.equal(segments.filter((s) => s.token >= 0).length, evidence.length);
    assert.deepEqual(segments.filter((s) => s.token >= 0).map((s) => s.token), evidence.map((_, i) => i));
  }
});

test('gaps between tokens (folded line breaks) are kept as plain text', () => {
  const text = 'First line.\n\nSecond line.';
  // the layout-normalizing tokenizer: the token after a line-break run spans the run; here we leave a gap instead
  const evidence = [{ start: 0, end: 5 }, { start: 6, end: 11 }, { start: 13, end: 19 }, { start: 19, end: 25 }];
  const segments = H.segments(text, evidence);
  assert.equal(joined(segments), text);
  assert.deepEqual(segments.filter((s) => s.token < 0).map((s) => s.text), [' ', '\n\n']);
});

test('emoji and CJK: UTF-16 offsets slice whole characters; split byte tokens share one span', () => {
  const text = 'Tea 🍵 and 漢字 ok 👩‍💻!';
  const tea = text.indexOf('🍵');
  const han = text.indexOf('漢');
  const coder = text.indexOf('👩');
  const evidence = [
    { start: 0, end: 3 },
    // a byte-level BPE splits the emoji into byte tokens; each points at the whole character
    { start: 3, end: tea + 2 }, { start: tea, end: tea + 2 },
    { start: tea + 2, end: han - 1 },
    { start: han - 1, end: han + 1 }, { start: han + 1, end: han + 2 },
    { start: han + 2, end: coder - 1 },
    { start: coder - 1, end: text.length - 1 },
    { start: text.length - 1, end: text.length }
  ];
  const segments = H.segments(text, evidence);
  assert.equal(joined(segments), text);
  assert.equal(segments.filter((s) => s.token >= 0).length, evidence.length);
  assert.equal(segments[1].text, ' 🍵');
  assert.equal(segments[2].text, '', 'the second byte token of the emoji is an empty span');
  assert.equal(segments[4].text, ' 漢');
  for (const s of segments) {
    assert.ok(!/[\ud800-\udbff]$/.test(s.text), 'no segment ends inside a surrogate pair: ' + JSON.stringify(s.text));
    assert.ok(!/^[\udc00-\udfff]/.test(s.text), 'no segment starts inside a surrogate pair: ' + JSON.stringify(s.text));
  }
});

test('an offset inside a surrogate pair moves past the pair instead of splitting it', () => {
  const text = 'a😀b';
  const segments = H.segments(text, [{ start: 0, end: 2 }, { start: 2, end: 4 }]);
  assert.equal(joined(segments), text);
  assert.deepEqual(segments.map((s) => s.text), ['a😀', 'b']);
});

test('out-of-range and overlapping offsets are clamped, never duplicated', () => {
  const text = 'abcdef';
  const segments = H.segments(text, [{ start: 0, end: 4 }, { start: 2, end: 5 }, { start: 5, end: 99 }]);
  assert.equal(joined(segments), text);
  assert.deepEqual(segments.map((s) => s.text), ['abcd', 'e', 'f']);
});

test('GLTR rank buckets', () => {
  assert.deepEqual([1, 10, 11, 100, 101, 1000, 1001, 49152].map(H.rankBucket), [0, 0, 1, 1, 2, 2, 3, 3]);
  assert.equal(H.colourClass('rank', 7), 'b0');
  assert.equal(H.colourClass('rank', 5000), 'b3');
});

test('surprisal minus entropy and its diverging classes', () => {
  assert.equal(H.surprise({ logProb: -1, entropy: 3 }), -2);
  assert.equal(H.colourClass('surprise', -2), 's-2');
  assert.equal(H.colourClass('surprise', 0.2), 's0');
  assert.equal(H.colourClass('surprise', 9), 's3');
  assert.equal(H.colourClass('pawn', null), 'none');
  assert.equal(H.colourClass('pawn', 0.05, 0.05), 'w4');
  assert.equal(H.colourClass('pawn', 0.0, 0.05), 'w0');
});

test('sentences cover the text and tokens find their sentence', () => {
  const text = 'One. Two! Three?\nFour 五。六';
  const ranges = H.sentences(text);
  assert.equal(ranges.map(([s, e]) => text.slice(s, e)).join(''), text);
  assert.deepEqual(ranges.map(([s, e]) => text.slice(s, e)), ['One. ', 'Two! ', 'Three?\n', 'Four 五。六']);
  const evidence = tokensOf(text);
  assert.deepEqual(H.sentenceOfTokens(text, evidence), [0, 1, 2, 3, 3]);
  const perSentence = H.values('surprise', text, evidence.map((e, i) => ({ ...e, logProb: -i })), true);
  assert.equal(perSentence[3], perSentence[4], 'tokens of one sentence share its mean');
});

test('plot paths span the box and cut the early boundary', () => {
  const points = [{ tokens: 1, statistic: -0.5, boundary: 40 }, { tokens: 50, statistic: -0.3, boundary: 0.6 },
    { tokens: 100, statistic: -0.35, boundary: 0.4 }];
  const g = H.plotPaths(points, 700, 200, 20);
  assert.ok(g.statistic.startsWith('M20.0 '));
  assert.ok(g.boundary.includes('L680.0 '));
  assert.ok(g.yMax < 2, 'the y range follows the statistic and the last boundary, not the first: ' + g.yMax);
  assert.equal(g.y(1e9), 20, 'values above the range are drawn at the top edge');
});

test('real offsets from the service (default model): emoji, CJK, accents, CRLF and blank lines', () => {
  const fixture = require(path.join(__dirname, 'fixtures/mixed-smollm2.json'));
  const { text, evidence } = fixture;
  const segments = H.segments(text, evidence);
  assert.equal(joined(segments), text);
  const tokens = segments.filter((s) => s.token >= 0);
  assert.equal(tokens.length, evidence.length, 'one span per scored token');
  evidence.forEach((e, i) => {
    assert.equal(text.slice(e.start, e.end), e.text, 'the API text is text.slice(start, end) at token ' + i);
    const repeatsSpan = i > 0 && e.start < evidence[i - 1].end;
    assert.equal(tokens[i].text === '', repeatsSpan && e.end <= evidence[i - 1].end,
      'a token is empty exactly when an earlier one already covered its span: ' + i);
  });
  assert.ok(tokens.some((s) => s.text === ''), 'the fixture has byte tokens sharing a character');
  for (const s of segments) {
    assert.ok(!/[\ud800-\udbff]$/.test(s.text) && !/^[\udc00-\udfff]/.test(s.text), JSON.stringify(s.text));
  }
});
