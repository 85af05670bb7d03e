import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  applyPrintEdit,
  emptyPlan,
  type PrintEdit,
  PrintPlanError,
  placementsOf,
  placesStories,
} from './printEdition.js';

const apply = (...edits: PrintEdit[]) => edits.reduce(applyPrintEdit, emptyPlan('2023-01-31'));

describe('print plan edits', () => {
  test('stories are added at the end of a page; pages stay in number order', () => {
    const plan = apply(
      { kind: 'add', articleId: 10, page: 3 },
      { kind: 'add', articleId: 11, page: 1 },
      { kind: 'add', articleId: 12, page: 1 },
    );
    assert.deepEqual(placementsOf(plan), [
      { page: 1, position: 1, articleId: 11 },
      { page: 1, position: 2, articleId: 12 },
      { page: 3, position: 1, articleId: 10 },
    ]);
    assert.equal(placesStories(plan), true);
  });

  test('a story is placed once; adding it again is refused', () => {
    assert.throws(
      () => apply({ kind: 'add', articleId: 10, page: 1 }, { kind: 'add', articleId: 10, page: 2 }),
      PrintPlanError,
    );
  });

  test('move between pages, to a chosen place, and up/down within a page', () => {
    const plan = apply(
      { kind: 'add', articleId: 1, page: 1 },
      { kind: 'add', articleId: 2, page: 1 },
      { kind: 'add', articleId: 3, page: 2 },
      { kind: 'move', articleId: 3, page: 1, index: 0 },
      { kind: 'down', articleId: 3 },
      { kind: 'up', articleId: 2 },
    );
    // [1, 2] + [3] → 3 first on page 1 → [3, 1, 2] → down → [1, 3, 2] → 2 up → [1, 2, 3].
    assert.deepEqual(
      placementsOf(plan).map((p) => p.articleId),
      [1, 2, 3],
    );
    assert.deepEqual(plan.pages.find((p) => p.page === 2)?.articleIds, []);
    // Moving the first story up changes nothing.
    assert.deepEqual(applyPrintEdit(plan, { kind: 'up', articleId: 1 }), plan);
  });

  test('labels are tidied; a page with stories cannot be removed, an empty one can', () => {
    let plan = apply(
      { kind: 'label', page: 2, label: '  Business   & Finance ' },
      { kind: 'add', articleId: 5, page: 2 },
    );
    assert.equal(plan.pages[0]?.label, 'Business & Finance');
    assert.throws(() => applyPrintEdit(plan, { kind: 'removePage', page: 2 }), /still has stories/);
    plan = applyPrintEdit(plan, { kind: 'remove', articleId: 5 });
    assert.equal(placesStories(plan), false);
    assert.deepEqual(applyPrintEdit(plan, { kind: 'removePage', page: 2 }).pages, []);
  });

  test('bad page numbers and unknown stories are refused', () => {
    assert.throws(() => apply({ kind: 'add', articleId: 1, page: 0 }), /Page numbers/);
    assert.throws(() => apply({ kind: 'remove', articleId: 1 }), /not in this edition/);
  });
});
