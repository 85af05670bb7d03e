import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrangeFrontPage } from './frontPage.js';

const stories = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id }));
const byId = new Map(stories.map((story) => [story.id, story]));

test('without pins the newest stories fill the lead and top slots in order', () => {
  const arranged = arrangeFrontPage([], stories, byId);
  assert.equal(arranged.lead?.id, 1);
  assert.deepEqual(
    arranged.top.map((story) => story.id),
    [2, 3, 4, 5],
  );
});

test('pinned stories keep their slots; the automatic order fills the rest without repeating them', () => {
  const arranged = arrangeFrontPage(
    [
      { slot: 'lead', articleId: 6 },
      { slot: 'top-2', articleId: 1 },
    ],
    stories,
    byId,
  );
  assert.equal(arranged.lead?.id, 6);
  assert.deepEqual(
    arranged.top.map((story) => story.id),
    [2, 1, 3, 4],
  );
  assert.deepEqual([...arranged.placed].sort(), [1, 2, 3, 4, 6]);
});

test('a pin to a story that is not available leaves its slot to the automatic order', () => {
  const arranged = arrangeFrontPage([{ slot: 'lead', articleId: 99 }], stories, byId);
  assert.equal(arranged.lead?.id, 1);
});

test('one story pinned twice shows once', () => {
  const arranged = arrangeFrontPage(
    [
      { slot: 'lead', articleId: 3 },
      { slot: 'top-1', articleId: 3 },
    ],
    stories,
    byId,
  );
  assert.equal(arranged.lead?.id, 3);
  assert.deepEqual(
    arranged.top.map((story) => story.id),
    [1, 2, 4, 5],
  );
});

test('a site with fewer stories than slots shows what it has', () => {
  const arranged = arrangeFrontPage([], [{ id: 1 }, { id: 2 }], new Map());
  assert.equal(arranged.lead?.id, 1);
  assert.deepEqual(
    arranged.top.map((story) => story.id),
    [2],
  );
  assert.equal(arrangeFrontPage([], [], new Map()).lead, null);
});
