import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bodyFingerprint,
  bySpamLikelihood,
  SPAM_WEIGHTS,
  type SpamCandidate,
  spamScore,
  spamWordsIn,
} from './spamScore.js';

const reader = (id: number, body: string, ip = '10.0.0.1'): SpamCandidate => ({ id, body, ip });
const alone = { recent: [] };

describe('spamScore', () => {
  test('an ordinary comment scores 0 with no reasons', () => {
    const result = spamScore(reader(1, 'The KSE-100 rally looks overdone to me; volumes were thin.'), alone);
    assert.deepEqual(result, { score: 0, reasons: [] });
  });

  test('links count per URL, capped at three', () => {
    assert.equal(spamScore(reader(1, 'see https://example.com now'), alone).score, SPAM_WEIGHTS.link);
    assert.equal(spamScore(reader(1, 'www.a.com and b.xyz'), alone).score, 2 * SPAM_WEIGHTS.link);
    const many = 'http://a.io http://b.io http://c.io http://d.io http://e.io';
    assert.equal(spamScore(reader(1, many), alone).score, 3 * SPAM_WEIGHTS.link);
  });

  test('the same body posted recently (case, spacing and punctuation ignored) is a duplicate', () => {
    const recent = [reader(7, 'Great article!! Thanks', '10.9.9.9')];
    const result = spamScore(reader(8, 'great   article, thanks.', '10.0.0.2'), { recent });
    assert.deepEqual(result.reasons, [{ signal: 'duplicate', points: SPAM_WEIGHTS.duplicate }]);
    // The comment itself being in the recent list is not a duplicate of itself.
    assert.equal(spamScore(reader(7, 'Great article!! Thanks'), { recent }).score, 0);
  });

  test('runs of one character, spam words and shouting each add their weight', () => {
    assert.equal(spamScore(reader(1, 'wowwwwwww'), alone).score, SPAM_WEIGHTS.repeated);
    assert.equal(spamScore(reader(1, 'Best CASINO bonus, click here'), alone).score, 2 * SPAM_WEIGHTS.spamWord);
    assert.equal(spamScore(reader(1, 'THE GOVERNMENT MUST RESIGN NOW'), alone).score, SPAM_WEIGHTS.shouting);
    // Short capitals (an acronym) are not shouting.
    assert.equal(spamScore(reader(1, 'OGDC and PPL up'), alone).score, 0);
  });

  test('many comments from one address add points beyond the first two, capped', () => {
    const recent = [1, 2, 3, 4].map((id) => reader(id, `comment ${id}`, '10.6.6.6'));
    const result = spamScore(reader(5, 'fifth comment', '10.6.6.6'), { recent });
    assert.equal(result.score, 3 * SPAM_WEIGHTS.busyAddress);
    const flood = Array.from({ length: 20 }, (_, i) => reader(100 + i, `c${i}`, '10.6.6.6'));
    assert.equal(spamScore(reader(5, 'again', '10.6.6.6'), { recent: flood }).score, 40);
  });

  test('spam words match whole words only', () => {
    assert.deepEqual(spamWordsIn('On this occasion the casinos were shut'), ['casino']);
    assert.deepEqual(spamWordsIn('On this occasion'), []);
  });

  test('fingerprints ignore case, spacing and punctuation', () => {
    assert.equal(bodyFingerprint('  Hello,   World! '), bodyFingerprint('hello world'));
  });
});

describe('queue order', () => {
  test('the most likely spam comes first, then oldest first within one score', () => {
    const at = (minute: number) => new Date(Date.UTC(2023, 0, 31, 8, minute));
    const comments = [
      reader(1, 'Sensible point about the budget deficit.'),
      reader(2, 'FREE MONEY CLICK HERE http://win.xyz'),
      reader(3, 'Another thoughtful reply on inflation.'),
      reader(4, 'casino http://a.top'),
    ].map((comment, index) => ({ ...comment, createdAt: at(index), spam: spamScore(comment, alone) }));
    const ordered = [...comments].sort(bySpamLikelihood).map((comment) => comment.id);
    assert.deepEqual(ordered, [2, 4, 1, 3]);
  });
});
