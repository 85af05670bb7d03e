import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEnvelope, encodeEnvelope } from './busEnvelope.js';
import type { ContentChange } from './contentChange.js';

const roundTrip = (message: ContentChange) =>
  decodeEnvelope('content.changed', encodeEnvelope({ origin: 'node-a', message }));

test('every kind of content change crosses the bus intact', () => {
  const changes: ContentChange[] = [
    {
      kind: 'article',
      articleId: 3,
      removed: false,
      placements: [{ sectionSlug: 'world', tagSlugs: [], printDate: null }],
    },
    { kind: 'comments', articleIds: [3, 4] },
    { kind: 'printEdition', date: '2023-01-31' },
    { kind: 'tags', slugs: ['oil', 'crude-oil'] },
    { kind: 'sections', slugs: ['business-finance', 'business'] },
  ];
  for (const message of changes)
    assert.deepEqual(roundTrip(message), { ok: true, envelope: { origin: 'node-a', message } });
});

test('a malformed content change is refused', () => {
  const payloads = [
    { kind: 'comments', articleIds: ['3'] },
    { kind: 'printEdition', date: '31 Jan 2023' },
    { kind: 'tags', slugs: 'oil' },
    { kind: 'sections', slugs: [1] },
    { kind: 'everything' },
    { articleId: 3, removed: false, placements: [] },
  ];
  for (const message of payloads) {
    const decoded = decodeEnvelope('content.changed', JSON.stringify({ origin: 'node-a', message }));
    assert.equal(decoded.ok, false, JSON.stringify(message));
  }
});
