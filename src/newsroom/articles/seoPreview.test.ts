import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { counterText, seoPreviewOf } from './seoPreview.js';

const input = {
  headline: 'Rupee gains against dollar',
  summary: 'The rupee firmed in the interbank market.',
  seoTitle: '',
  seoDescription: '',
  slug: '',
  article: null,
  siteName: 'Broadsheet',
};

describe('seoPreviewOf', () => {
  test('falls back to the headline and standfirst, with the brand once', () => {
    const preview = seoPreviewOf(input);
    assert.equal(preview.searchTitle, 'Rupee gains against dollar | Broadsheet');
    assert.equal(preview.searchDescription, 'The rupee firmed in the interbank market.');
    assert.equal(preview.searchPath, '/news/…/rupee-gains-against-dollar');
    assert.equal(preview.cardTitle, 'Rupee gains against dollar');
  });

  test('uses the SEO fields and never doubles a brand the writer typed', () => {
    const preview = seoPreviewOf({ ...input, seoTitle: 'Rupee up | Broadsheet', seoDescription: 'Short.' });
    assert.equal(preview.searchTitle, 'Rupee up | Broadsheet');
    assert.equal(preview.searchDescription, 'Short.');
  });

  test('shows the slug a save keeps: a published story keeps its own', () => {
    const article = { id: 7, slug: 'rupee-firm', everPublished: true };
    assert.equal(seoPreviewOf({ ...input, article }).searchPath, '/news/7/rupee-firm');
    assert.equal(seoPreviewOf({ ...input, article, slug: 'Rupee Rally' }).searchPath, '/news/7/rupee-rally');
  });

  test('cuts a long description at a word with an ellipsis', () => {
    const preview = seoPreviewOf({ ...input, summary: 'word '.repeat(60) });
    assert.ok(preview.searchDescription.length <= 160);
    assert.ok(preview.searchDescription.endsWith('word…'));
  });
});

describe('counterText', () => {
  test('counts against the limit and says what is too long', () => {
    assert.equal(counterText(12, 70), '12 of 70 characters');
    assert.equal(counterText(65, 70, 60), '65 of 70 characters; search results cut after about 60');
    assert.equal(counterText(75, 70), '75 of 70 characters: 5 too many');
  });
});
