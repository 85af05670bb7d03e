import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SLUG_MAX_LENGTH, slugify, slugOrEmpty } from './slug.js';

describe('slugify', () => {
  test('lower-cases and joins words with hyphens', () => {
    assert.equal(slugify('KSE-100 gains 801 points'), 'kse-100-gains-801-points');
  });

  test('drops curly quotes and apostrophes without splitting words', () => {
    assert.equal(slugify('Japan’s ‘firm’ stance on “rates”'), 'japans-firm-stance-on-rates');
    assert.equal(slugify("Pakistan's exports"), 'pakistans-exports');
  });

  test('folds accents to ASCII', () => {
    assert.equal(slugify('Café São Paulo Zürich'), 'cafe-sao-paulo-zurich');
  });

  test('treats ampersands and punctuation as separators', () => {
    assert.equal(slugify('Business & Finance'), 'business-finance');
    assert.equal(slugify('  Rupee: 267.89 -- up!  '), 'rupee-267-89-up');
  });

  test('is never empty', () => {
    assert.equal(slugify(''), 'article');
    assert.equal(slugify('!!! ???'), 'article');
    assert.equal(slugify('روپیہ'), 'article');
  });

  test('cuts long text at a word boundary within the limit', () => {
    const headline = 'word '.repeat(40);
    const slug = slugify(headline);
    assert.ok(slug.length <= SLUG_MAX_LENGTH);
    assert.match(slug, /^word(-word)*$/);
    assert.equal(slug.length, 79); // 16 × "word" + 15 hyphens
  });

  test('keeps an exact fit and a cut that lands on a hyphen', () => {
    const exact = 'a'.repeat(80);
    assert.equal(slugify(exact), exact);
    const onHyphen = `${'a'.repeat(80)} tail`;
    assert.equal(slugify(onHyphen), 'a'.repeat(80));
  });

  test('hard-cuts a single word longer than the limit', () => {
    assert.equal(slugify('x'.repeat(120)), 'x'.repeat(80));
  });
});

describe('slugOrEmpty', () => {
  test('returns empty for text without ASCII letters or digits', () => {
    assert.equal(slugOrEmpty('   '), '');
    assert.equal(slugOrEmpty('“”'), '');
  });

  test('honours a custom length', () => {
    assert.equal(slugOrEmpty('alpha beta gamma', 12), 'alpha-beta');
  });
});
