import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleFields } from './revision.js';
import { diffArticleFields, diffBlocks } from './revisionDiff.js';

const BASE: ArticleFields = {
  headline: 'Rupee steady against dollar',
  summary: 'Interbank rate unchanged.',
  sectionSlug: 'markets',
  byline: { kind: 'staff', name: 'Staff Reporter' },
  dateline: 'KARACHI',
  body: [
    { type: 'paragraph', text: 'The rupee closed at 268.50.' },
    { type: 'paragraph', text: 'Dealers expect calm.' },
  ],
  tags: ['Rupee', 'Dollar'],
  printPage: null,
  seoTitle: null,
  seoDescription: null,
};

test('unchanged fields are marked so, changed ones show words removed and added', () => {
  const diffs = diffArticleFields(BASE, {
    ...BASE,
    headline: 'Rupee firm against dollar',
    byline: { kind: 'agency', agency: 'APP' },
  });
  const byField = new Map(diffs.map((diff) => [diff.field, diff]));
  assert.equal(byField.get('summary')?.changed, false);
  assert.equal(byField.get('body')?.changed, false);
  assert.deepEqual(
    byField.get('headline')?.parts.filter((part) => part.kind !== 'same'),
    [
      { kind: 'removed', text: 'steady' },
      { kind: 'added', text: 'firm' },
    ],
  );
  assert.equal(byField.get('byline')?.changed, true);
});

test('the body is compared block by block, tags tag by tag', () => {
  const diffs = diffArticleFields(BASE, {
    ...BASE,
    body: [{ type: 'subheading', text: 'Outlook' }, ...BASE.body.slice(1)],
    tags: ['Rupee', 'Interbank'],
  });
  const body = diffs.find((diff) => diff.field === 'body');
  assert.deepEqual(
    body?.parts.map((part) => [part.kind, part.text]),
    [
      ['removed', '¶ The rupee closed at 268.50.\n'],
      ['added', '## Outlook\n'],
      ['same', '¶ Dealers expect calm.\n'],
    ],
  );
  const tags = diffs.find((diff) => diff.field === 'tags');
  assert.deepEqual(
    tags?.parts.map((part) => [part.kind, part.text]),
    [
      ['same', 'Rupee'],
      ['removed', 'Dollar'],
      ['added', 'Interbank'],
    ],
  );
});

test('blocks: kept, edited in place (word by word), added and removed, each numbered in its revision', () => {
  const older = [
    { type: 'paragraph', text: 'The rupee closed at 268.50.' },
    { type: 'paragraph', text: 'Dealers expect calm.' },
    { type: 'paragraph', text: 'Importers bought dollars.' },
  ] as const;
  const newer = [
    { type: 'paragraph', text: 'The rupee closed firm at 268.50.' },
    { type: 'paragraph', text: 'Dealers expect calm.' },
    { type: 'subheading', text: 'Outlook' },
    { type: 'paragraph', text: 'Exporters sold.' },
  ] as const;
  const blocks = diffBlocks(older, newer);
  assert.deepEqual(
    blocks.map((block) => [block.kind, block.older?.number ?? null, block.newer?.number ?? null]),
    [
      ['changed', 1, 1],
      ['same', 2, 2],
      ['changed', 3, 3],
      ['added', null, 4],
    ],
  );
  assert.deepEqual(
    blocks[0]?.parts.filter((part) => part.kind !== 'same'),
    [{ kind: 'added', text: 'firm ' }],
  );
  assert.deepEqual(
    diffBlocks(older, older.slice(1)).map((block) => block.kind),
    ['removed', 'same', 'same'],
  );
  assert.deepEqual(diffBlocks([], []), []);
  const body = diffArticleFields({ ...BASE, body: older }, { ...BASE, body: newer }).find((d) => d.field === 'body');
  assert.equal(body?.blocks?.length, 4);
});
