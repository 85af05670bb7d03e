import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleSlug, isSlug, SLUG_MAX_LENGTH, slugFieldValue, slugify, slugOrEmpty } from './slug.js';

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
  });

  test('keeps Urdu words, so an Urdu headline gets a readable slug', () => {
    assert.equal(slugify('روپیہ'), 'روپیہ');
    assert.equal(
      slugify('اسٹاک مارکیٹ میں تیزی، انڈیکس ۸۰۰ پوائنٹس اوپر'),
      'اسٹاک-مارکیٹ-میں-تیزی-انڈیکس-۸۰۰-پوائنٹس-اوپر',
    );
    // Vowel marks and the tatweel are dropped; a letter with its own mark (آ) is kept whole.
    assert.equal(slugify('پاکِستان آج'), 'پاکستان-آج');
    assert.equal(slugify('کـــراچی'), 'کراچی');
    assert.equal(slugify('KSE-100 اور روپیہ'), 'kse-100-اور-روپیہ');
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

describe('isSlug', () => {
  test('accepts slugs in any script and refuses anything else', () => {
    assert.equal(isSlug('kse-100-gains'), true);
    assert.equal(isSlug('اسٹاک-مارکیٹ'), true);
    assert.equal(isSlug('Bad Slug'), false);
    assert.equal(isSlug('-x'), false);
    assert.equal(isSlug('a--b'), false);
    assert.equal(isSlug('x'.repeat(81)), false);
  });
});

describe('slugOrEmpty', () => {
  test('returns empty for text without letters or digits in any script', () => {
    assert.equal(slugOrEmpty('   '), '');
    assert.equal(slugOrEmpty('“”'), '');
  });

  test('honours a custom length', () => {
    assert.equal(slugOrEmpty('alpha beta gamma', 12), 'alpha-beta');
  });
});

describe('articleSlug', () => {
  const base = { headline: 'Rupee gains against dollar', current: 'rupee-firm', everPublished: false };

  test('a never-published story follows its headline', () => {
    assert.equal(articleSlug({ ...base, typed: undefined }), 'rupee-gains-against-dollar');
    assert.equal(articleSlug({ ...base, typed: '  ' }), 'rupee-gains-against-dollar');
  });

  test('a published story keeps its slug when its headline changes', () => {
    assert.equal(articleSlug({ ...base, everPublished: true, typed: undefined }), 'rupee-firm');
    assert.equal(articleSlug({ ...base, everPublished: true, typed: '' }), 'rupee-firm');
  });

  test('a slug typed on purpose wins, tidied into slug form', () => {
    assert.equal(articleSlug({ ...base, everPublished: true, typed: 'Rupee Rally 2026' }), 'rupee-rally-2026');
    assert.equal(articleSlug({ ...base, typed: 'روپیہ مضبوط' }), 'روپیہ-مضبوط');
  });

  test('an Urdu headline gets its words, never "article"', () => {
    assert.equal(
      articleSlug({ typed: undefined, headline: 'روپیہ مضبوط', current: null, everPublished: false }),
      'روپیہ-مضبوط',
    );
  });
});

describe('slugFieldValue', () => {
  test('empty while the slug follows the headline of an unpublished story', () => {
    assert.equal(slugFieldValue({ slug: 'oil-up', headline: 'Oil up', everPublished: false }), '');
  });

  test('shown once fixed: chosen on purpose or published', () => {
    assert.equal(slugFieldValue({ slug: 'crude', headline: 'Oil up', everPublished: false }), 'crude');
    assert.equal(slugFieldValue({ slug: 'oil-up', headline: 'Oil up', everPublished: true }), 'oil-up');
  });
});
