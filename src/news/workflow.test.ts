import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ARTICLE_STATUSES,
  type ArticleStatus,
  decideTransition,
  mayEdit,
  TRANSITIONS,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
  type WorkflowCaller,
} from './workflow.js';

const NOW = new Date('2026-11-28T09:00:00Z');
const LATER = new Date('2026-11-28T10:00:00Z');
const EDITOR: WorkflowCaller = { canPublish: true, canWrite: true, isOwner: false };
const OWNER_WRITER: WorkflowCaller = { canPublish: false, canWrite: true, isOwner: true };
const OTHER_WRITER: WorkflowCaller = { canPublish: false, canWrite: true, isOwner: false };
const MODERATOR: WorkflowCaller = { canPublish: false, canWrite: false, isOwner: false };

/** The whole table, written out: [from, action] → to, or null when refused. */
const EXPECTED: Record<ArticleStatus, Record<WorkflowAction, ArticleStatus | null>> = {
  draft: { submit: 'in_review', publish: 'published', schedule: 'scheduled', unpublish: null, kill: 'killed' },
  in_review: { submit: null, publish: 'published', schedule: 'scheduled', unpublish: null, kill: 'killed' },
  scheduled: { submit: null, publish: 'published', schedule: 'scheduled', unpublish: 'draft', kill: 'killed' },
  published: { submit: null, publish: null, schedule: null, unpublish: 'unpublished', kill: 'killed' },
  unpublished: { submit: 'in_review', publish: 'published', schedule: 'scheduled', unpublish: null, kill: 'killed' },
  killed: { submit: null, publish: null, schedule: null, unpublish: null, kill: null },
};

describe('the workflow transition table', () => {
  for (const from of ARTICLE_STATUSES) {
    for (const action of WORKFLOW_ACTIONS) {
      const expected = EXPECTED[from][action];
      test(`${from} --${action}--> ${expected ?? 'refused (409)'}`, () => {
        const decision = decideTransition({ from, action, caller: EDITOR, now: NOW, at: LATER });
        if (expected === null) {
          assert.equal(decision.ok, false);
          assert.equal(!decision.ok && decision.reason, 'conflict');
          assert.equal(TRANSITIONS[from][action], undefined);
        } else {
          assert.deepEqual(decision, { ok: true, to: expected });
        }
      });
    }
  }
});

describe('who may move an article', () => {
  test('writers may only submit, and only their own; everything else is 403 before any 409', () => {
    for (const from of ARTICLE_STATUSES) {
      for (const action of ['publish', 'schedule', 'unpublish', 'kill'] as const) {
        const decision = decideTransition({ from, action, caller: OWNER_WRITER, now: NOW, at: LATER });
        assert.equal(!decision.ok && decision.reason, 'forbidden', `${from} ${action}`);
      }
    }
    assert.deepEqual(decideTransition({ from: 'draft', action: 'submit', caller: OWNER_WRITER, now: NOW }), {
      ok: true,
      to: 'in_review',
    });
    const other = decideTransition({ from: 'draft', action: 'submit', caller: OTHER_WRITER, now: NOW });
    assert.equal(!other.ok && other.reason, 'forbidden');
    const moderator = decideTransition({ from: 'draft', action: 'submit', caller: MODERATOR, now: NOW });
    assert.equal(!moderator.ok && moderator.reason, 'forbidden');
  });

  test('scheduling needs a time in the future', () => {
    const missing = decideTransition({ from: 'draft', action: 'schedule', caller: EDITOR, now: NOW });
    assert.equal(!missing.ok && missing.reason, 'invalid');
    const past = decideTransition({ from: 'draft', action: 'schedule', caller: EDITOR, now: NOW, at: NOW });
    assert.equal(!past.ok && past.reason, 'invalid');
  });

  test('writers edit their own drafts only; editors anything but a killed article', () => {
    for (const status of ARTICLE_STATUSES) {
      assert.equal(mayEdit(OWNER_WRITER, status), status === 'draft', `writer ${status}`);
      assert.equal(mayEdit(OTHER_WRITER, status), false);
      assert.equal(mayEdit(MODERATOR, status), false);
      assert.equal(mayEdit(EDITOR, status), status !== 'killed', `editor ${status}`);
    }
  });
});
