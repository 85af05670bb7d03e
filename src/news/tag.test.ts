import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalTag, canonicalTags } from './tag.js';

describe('canonicalTag', () => {
  test('case and spacing variants share one slug', () => {
    const a = canonicalTag('RUssia Ukraine war');
    const b = canonicalTag(' Russia  Ukraine War ');
    assert.equal(a.slug, 'russia-ukraine-war');
    assert.equal(b.slug, 'russia-ukraine-war');
  });

  test('keeps the spelling but tidies whitespace in the name', () => {
    assert.deepEqual(canonicalTag('  Russia\u00a0 Ukraine\tWar '), {
      slug: 'russia-ukraine-war',
      name: 'Russia Ukraine War',
    });
  });

  test('apostrophes do not split words', () => {
    assert.equal(canonicalTag('Russia’s invasion of Ukraine').slug, 'russias-invasion-of-ukraine');
  });

  test('rejects empty and symbol-only names', () => {
    assert.throws(() => canonicalTag(''), RangeError);
    assert.throws(() => canonicalTag('   '), RangeError);
    assert.throws(() => canonicalTag('#!?'), RangeError);
  });
});

describe('canonicalTags', () => {
  test('de-duplicates by slug keeping the first spelling and order', () => {
    const tags = canonicalTags(['Rupee', 'IMF', 'rupee', ' RUPEE ', 'imf', 'KSE-100']);
    assert.deepEqual(tags, [
      { slug: 'rupee', name: 'Rupee' },
      { slug: 'imf', name: 'IMF' },
      { slug: 'kse-100', name: 'KSE-100' },
    ]);
  });

  test('rejects the whole list when one name is empty', () => {
    assert.throws(() => canonicalTags(['Rupee', ' ']), RangeError);
  });

  test('empty input gives no tags', () => {
    assert.deepEqual(canonicalTags([]), []);
  });
});

describe('canonicalTag in Urdu', () => {
  test('accepts an Urdu tag and keeps its words in the slug', () => {
    assert.deepEqual(canonicalTag(' اسٹاک  مارکیٹ '), { slug: 'اسٹاک-مارکیٹ', name: 'اسٹاک مارکیٹ' });
  });
});
