import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ARTICLE_STATUSES,
  type ArticleStatus,
  decideTransition,
  isEmbargoed,
  mayEdit,
  maySpike,
  SEND_BACK_NOTE_MAX,
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
  draft: {
    submit: 'in_review',
    sendBack: null,
    publish: 'published',
    schedule: 'scheduled',
    unpublish: null,
    kill: 'killed',
  },
  in_review: {
    submit: null,
    sendBack: 'draft',
    publish: 'published',
    schedule: 'scheduled',
    unpublish: null,
    kill: 'killed',
  },
  scheduled: {
    sendBack: null,
    submit: null,
    publish: 'published',
    schedule: 'scheduled',
    unpublish: 'draft',
    kill: 'killed',
  },
  published: { sendBack: null, submit: null, publish: null, schedule: null, unpublish: 'unpublished', kill: 'killed' },
  unpublished: {
    sendBack: null,
    submit: 'in_review',
    publish: 'published',
    schedule: 'scheduled',
    unpublish: null,
    kill: 'killed',
  },
  killed: { sendBack: null, submit: null, publish: null, schedule: null, unpublish: null, kill: null },
};

describe('the workflow transition table', () => {
  for (const from of ARTICLE_STATUSES) {
    for (const action of WORKFLOW_ACTIONS) {
      const expected = EXPECTED[from][action];
      test(`${from} --${action}--> ${expected ?? 'refused (409)'}`, () => {
        const decision = decideTransition({ from, action, caller: EDITOR, now: NOW, at: LATER, note: 'Fix it.' });
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
      for (const action of ['sendBack', 'publish', 'schedule', 'unpublish', 'kill'] as const) {
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

  test('a send-back needs a note saying what to change, within its limit', () => {
    const base = { from: 'in_review', action: 'sendBack', caller: EDITOR, now: NOW } as const;
    const blank = decideTransition({ ...base, note: '   ' });
    assert.equal(!blank.ok && blank.reason, 'invalid');
    const long = decideTransition({ ...base, note: 'x'.repeat(SEND_BACK_NOTE_MAX + 1) });
    assert.equal(!long.ok && long.reason, 'invalid');
    assert.deepEqual(decideTransition({ ...base, note: 'Check the figures.' }), { ok: true, to: 'draft' });
  });

  test('an embargo refuses publication before it ends and a schedule set earlier than it', () => {
    const embargoUntil = LATER;
    const now = decideTransition({ from: 'in_review', action: 'publish', caller: EDITOR, now: NOW, embargoUntil });
    assert.equal(!now.ok && now.reason, 'conflict');
    assert.match(!now.ok ? now.message : '', /embargo/);
    const early = new Date(LATER.getTime() - 60_000);
    const scheduled = decideTransition({
      from: 'draft',
      action: 'schedule',
      caller: EDITOR,
      now: NOW,
      at: early,
      embargoUntil,
    });
    assert.equal(!scheduled.ok && scheduled.reason, 'invalid');
    assert.deepEqual(
      decideTransition({ from: 'draft', action: 'schedule', caller: EDITOR, now: NOW, at: LATER, embargoUntil }),
      {
        ok: true,
        to: 'scheduled',
      },
    );
    assert.deepEqual(
      decideTransition({ from: 'scheduled', action: 'publish', caller: EDITOR, now: LATER, embargoUntil }),
      {
        ok: true,
        to: 'published',
      },
    );
    // Other moves are not held by an embargo.
    assert.equal(decideTransition({ from: 'draft', action: 'kill', caller: EDITOR, now: NOW, embargoUntil }).ok, true);
    assert.equal(isEmbargoed(embargoUntil, NOW), true);
    assert.equal(isEmbargoed(embargoUntil, LATER), false);
    assert.equal(isEmbargoed(null, NOW), false);
  });

  test('writers spike their own drafts only; editors any draft or story in review never published', () => {
    const draft = { status: 'draft', everPublished: false } as const;
    assert.equal(maySpike(OWNER_WRITER, draft).ok, true);
    const other = maySpike(OTHER_WRITER, draft);
    assert.equal(!other.ok && other.reason, 'forbidden');
    const inReview = maySpike(OWNER_WRITER, { status: 'in_review', everPublished: false });
    assert.equal(!inReview.ok && inReview.reason, 'forbidden');
    assert.equal(maySpike(EDITOR, { status: 'in_review', everPublished: false }).ok, true);
    const wasOnSite = maySpike(EDITOR, { status: 'draft', everPublished: true });
    assert.equal(!wasOnSite.ok && wasOnSite.reason, 'conflict');
    for (const status of ['scheduled', 'published', 'unpublished', 'killed'] as const) {
      const refused = maySpike(EDITOR, { status, everPublished: false });
      assert.equal(!refused.ok && refused.reason, 'conflict', status);
    }
    assert.equal(maySpike(MODERATOR, draft).ok, false);
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
