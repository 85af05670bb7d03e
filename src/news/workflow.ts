import { type Refusal, refusal } from '../shared/outcome.js';

/**
 * Where an article is in the newsroom. Only `published` articles are on the
 * reader site; `killed` is final and readers get 410 Gone for it.
 */
export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished' | 'killed';

export const ARTICLE_STATUSES: readonly ArticleStatus[] = [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
  'killed',
];

/** What someone can do to an article's status. */
export type WorkflowAction = 'submit' | 'sendBack' | 'publish' | 'schedule' | 'unpublish' | 'kill';

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = [
  'submit',
  'sendBack',
  'publish',
  'schedule',
  'unpublish',
  'kill',
];

/** The power an action needs: writers may only submit; the rest is the desk's (`article.publish`). */
export type WorkflowPower = 'write' | 'publish';

export function isArticleStatus(value: unknown): value is ArticleStatus {
  return typeof value === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(value);
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

/**
 * Every allowed move, and nothing else: `TRANSITIONS[from][action]` is the
 * status the article ends in. A missing entry is a refused move. Taking a
 * scheduled story off the schedule ("unpublish") returns it to draft, since it
 * was never on the site; a killed story can never move again (legal removals
 * must not be undone by a stray click). "sendBack" returns a story in review
 * to its writer as a draft, with a note saying what to change.
 */
export const TRANSITIONS: Readonly<Record<ArticleStatus, Partial<Record<WorkflowAction, ArticleStatus>>>> = {
  draft: { submit: 'in_review', publish: 'published', schedule: 'scheduled', kill: 'killed' },
  in_review: { sendBack: 'draft', publish: 'published', schedule: 'scheduled', kill: 'killed' },
  scheduled: { publish: 'published', schedule: 'scheduled', unpublish: 'draft', kill: 'killed' },
  published: { unpublish: 'unpublished', kill: 'killed' },
  unpublished: { submit: 'in_review', publish: 'published', schedule: 'scheduled', kill: 'killed' },
  killed: {},
};

export function powerNeeded(action: WorkflowAction): WorkflowPower {
  switch (action) {
    case 'submit':
      return 'write';
    case 'sendBack':
    case 'publish':
    case 'schedule':
    case 'unpublish':
    case 'kill':
      return 'publish';
  }
}

/** Who is asking, as far as the rules care. */
export interface WorkflowCaller {
  /** Holds `article.publish` (editors, admins, the scheduler). */
  readonly canPublish: boolean;
  /** Holds `article.write`. */
  readonly canWrite: boolean;
  /** Created the article. */
  readonly isOwner: boolean;
}

/**
 * The caller may not do this (`forbidden`), nobody may from the article's
 * status (`conflict`), or the request is wrong (`invalid`).
 */
export type WorkflowRefusal = Refusal & { readonly reason: 'forbidden' | 'conflict' | 'invalid' };

function refused(reason: WorkflowRefusal['reason'], message: string): WorkflowRefusal {
  return { ...refusal(reason, message), reason };
}

export type WorkflowDecision = { readonly ok: true; readonly to: ArticleStatus } | WorkflowRefusal;

export interface TransitionRequest {
  readonly from: ArticleStatus;
  readonly action: WorkflowAction;
  readonly caller: WorkflowCaller;
  /** Required for `schedule`: when to publish. */
  readonly at?: Date;
  /** Required for `sendBack`: what the writer should change. */
  readonly note?: string;
  /** The story's embargo: it may not be published, nor scheduled, before this instant. */
  readonly embargoUntil?: Date | null;
  readonly now: Date;
}

/** The longest note an editor may send back with a story. */
export const SEND_BACK_NOTE_MAX = 1000;

/** Decides one status change. Permission is checked before the move so a writer learns nothing from a 409. */
export function decideTransition(request: TransitionRequest): WorkflowDecision {
  const { from, action, caller } = request;
  if (!mayAct(caller, action)) {
    return refused(
      'forbidden',
      powerNeeded(action) === 'publish'
        ? `Only editors may ${action} an article.`
        : 'Only the article’s writer or an editor may submit it for review.',
    );
  }
  const to = TRANSITIONS[from][action];
  if (to === undefined) {
    return refused('conflict', `A ${statusLabel(from)} article cannot be ${pastTense(action)}.`);
  }
  if (action === 'schedule') {
    if (request.at === undefined) return refused('invalid', 'Give a time to publish at.');
    if (request.at.getTime() <= request.now.getTime()) {
      return refused('invalid', 'The scheduled time must be in the future.');
    }
  }
  if (action === 'sendBack') {
    const note = request.note?.trim() ?? '';
    if (note === '') return refused('invalid', 'Say what the writer should change: the note is required.');
    if (note.length > SEND_BACK_NOTE_MAX) return refused('invalid', `At most ${SEND_BACK_NOTE_MAX} characters.`);
  }
  const embargo = request.embargoUntil ?? null;
  if (embargo !== null && (to === 'published' || to === 'scheduled')) {
    const when = action === 'schedule' ? (request.at ?? request.now) : request.now;
    if (when.getTime() < embargo.getTime()) {
      return action === 'schedule'
        ? refused('invalid', 'The story is under embargo: schedule it for the embargo’s end or later.')
        : refused('conflict', 'The story is under embargo and cannot be published yet.');
    }
  }
  return { ok: true, to };
}

function mayAct(caller: WorkflowCaller, action: WorkflowAction): boolean {
  switch (powerNeeded(action)) {
    case 'publish':
      return caller.canPublish;
    case 'write':
      return caller.canPublish || (caller.canWrite && caller.isOwner);
  }
}

/**
 * Whether a caller may change an article's content. Writers edit their own
 * drafts only; editors edit anything not killed.
 */
export function mayEdit(caller: WorkflowCaller, status: ArticleStatus): boolean {
  if (status === 'killed') return false;
  if (caller.canPublish) return true;
  return caller.canWrite && caller.isOwner && status === 'draft';
}

/**
 * Whether a caller may spike (discard) a story: only a draft or a story in
 * review that never reached readers (a story once published is killed
 * instead, so its removal is on record); writers only their own drafts.
 */
export function maySpike(
  caller: WorkflowCaller,
  article: { readonly status: ArticleStatus; readonly everPublished: boolean },
): WorkflowDecision {
  if (!(caller.canPublish || (caller.canWrite && caller.isOwner && article.status === 'draft'))) {
    return refused('forbidden', 'Writers may spike only their own drafts; ask an editor.');
  }
  if ((article.status !== 'draft' && article.status !== 'in_review') || article.everPublished) {
    return refused(
      'conflict',
      'Only a draft or a story in review that was never published can be spiked; kill it instead.',
    );
  }
  return { ok: true, to: article.status };
}

/** Whether an embargo still holds at `now`. */
export function isEmbargoed(embargoUntil: Date | null, now: Date): boolean {
  return embargoUntil !== null && now.getTime() < embargoUntil.getTime();
}

/** Whether readers see an article with this status. */
export function isOnSite(status: ArticleStatus): boolean {
  return status === 'published';
}

export function statusLabel(status: ArticleStatus): string {
  switch (status) {
    case 'draft':
      return 'draft';
    case 'in_review':
      return 'in review';
    case 'scheduled':
      return 'scheduled';
    case 'published':
      return 'published';
    case 'unpublished':
      return 'unpublished';
    case 'killed':
      return 'killed';
  }
}

function pastTense(action: WorkflowAction): string {
  switch (action) {
    case 'submit':
      return 'submitted for review';
    case 'sendBack':
      return 'sent back to its writer';
    case 'publish':
      return 'published';
    case 'schedule':
      return 'scheduled';
    case 'unpublish':
      return 'unpublished';
    case 'kill':
      return 'killed';
  }
}
