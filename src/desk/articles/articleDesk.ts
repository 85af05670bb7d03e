import type { Correction } from '../../news/article.js';
import { type ArticleChange, articleChangeOf } from '../../news/articleChange.js';
import {
  type ArticleInput,
  blockInputsOf,
  bylinesText,
  type FieldsValidation,
  publishProblems,
  validateArticleInput,
} from '../../news/articleFieldRules.js';
import type { ArticleFields, RevisionAuthor } from '../../news/revision.js';
import { type Actor, can } from '../../news/roles.js';
import {
  type ArticleStatus,
  decideTransition,
  mayEdit,
  maySpike,
  statusLabel,
  type WorkflowAction,
  type WorkflowCaller,
} from '../../news/workflow.js';
import { type FieldProblem, type Outcome, type Refusal, refusal } from '../../shared/outcome.js';
import type { ArticleWorkflowStore, EditorialArticle } from '../../store/articles/articleWorkflow.js';
import type { AuditAction, AuditActor, AuditStore } from '../../store/audit/auditLog.js';
import type { MediaLibrary } from '../../store/media/mediaLibrary.js';
import { resolveBlockReferences } from './blockReferences.js';

/** Who acts on the desk: a person or token, or the scheduler publishing what is due. */
export type DeskActor = Actor | { readonly kind: 'system'; readonly name: string };

export const SCHEDULER: DeskActor = { kind: 'system', name: 'Scheduled publishing' };

export interface ArticleDeskDeps {
  readonly workflow: ArticleWorkflowStore;
  readonly audit: AuditStore;
  /** Tells the reader site which pages to drop; src/app.ts points it at the bus. */
  readonly announce: (change: ArticleChange) => void;
  readonly now: () => Date;
  /** Where image blocks' pictures are looked up; without it no image block can be saved. */
  readonly media?: Pick<MediaLibrary, 'assets'>;
}

/**
 * Every newsroom action on an article, with its rules: who may, from which
 * status, with a valid edit, and never over someone else's newer save. Each
 * change is audited and announced so cached reader pages go at once.
 */
export class ArticleDesk {
  constructor(private readonly deps: ArticleDeskDeps) {}

  get workflow(): ArticleWorkflowStore {
    return this.deps.workflow;
  }

  async create(actor: Actor, input: ArticleInput, note = 'Created'): Promise<Outcome<EditorialArticle>> {
    if (!can(actor.role, 'article.write')) return forbidden('Your role may not write articles.');
    const checked = await this.checkedFields(input);
    if (!checked.ok) return invalid(checked.errors);
    const fields = await this.inCurrentSection(checked.value);
    if (!fields.ok) return invalid([fields.problem]);
    const article = await this.deps.workflow.create({
      fields: fields.value,
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      owner: actor.kind === 'user' ? { kind: 'user', id: actor.userId, name: actor.name } : ownerOfToken(actor),
      author: authorOf(actor),
      at: this.deps.now(),
      note,
    });
    await this.audit(actor, 'article.create', article.id, { headline: article.fields.headline });
    return { ok: true, value: article };
  }

  async save(
    actor: Actor,
    request: {
      readonly id: number;
      readonly baseRevision: number;
      readonly input: ArticleInput;
      readonly note?: string;
    },
  ): Promise<Outcome<EditorialArticle>> {
    const current = await this.deps.workflow.get(request.id);
    if (current === null) return missing();
    if (!mayEdit(callerOf(actor, current), current.status)) {
      return forbidden(
        current.status === 'killed'
          ? 'A killed article cannot be edited.'
          : 'Writers may edit only their own drafts; ask an editor.',
      );
    }
    const checked = await this.checkedFields(request.input);
    if (!checked.ok) return invalid(checked.errors);
    const fields = await this.inCurrentSection(checked.value);
    if (!fields.ok) return invalid([fields.problem]);
    if (current.status === 'published' || current.status === 'scheduled') {
      const problems = publishProblems(fields.value);
      if (problems.length > 0) return invalid(problems);
    }
    const outcome = await this.deps.workflow.save({
      id: request.id,
      baseRevision: request.baseRevision,
      fields: fields.value,
      ...(request.input.slug !== undefined ? { slug: request.input.slug } : {}),
      author: authorOf(actor),
      at: this.deps.now(),
      note: request.note?.trim() || 'Edited',
    });
    switch (outcome.kind) {
      case 'missing':
        return missing();
      case 'conflict':
        return conflict(request.baseRevision, outcome.latest);
      case 'saved':
        this.announce(outcome.before, outcome.after);
        await this.audit(actor, 'article.edit', request.id, {
          revision: outcome.after.revision,
          // A moved address is worth finding in the log: the old one now answers 301.
          ...(outcome.before.slug !== outcome.after.slug
            ? { slug: outcome.after.slug, oldSlug: outcome.before.slug }
            : {}),
        });
        return { ok: true, value: outcome.after };
    }
  }

  /** Puts an old revision's content back as a new revision (editors only). */
  async restore(
    actor: Actor,
    request: { readonly id: number; readonly number: number; readonly baseRevision: number },
  ): Promise<Outcome<EditorialArticle>> {
    if (!can(actor.role, 'article.publish')) return forbidden('Only editors may restore a revision.');
    const revision = await this.deps.workflow.revision(request.id, request.number);
    if (revision === null) return missing('There is no such revision of this article.');
    const { fields } = revision;
    return this.save(actor, {
      id: request.id,
      baseRevision: request.baseRevision,
      input: {
        ...fields,
        body: blockInputsOf(fields.body),
        byline: bylinesText(fields),
        dateline: fields.dateline ?? '',
        printPage: fields.printPage === null ? '' : String(fields.printPage),
        seoTitle: fields.seoTitle ?? '',
        seoDescription: fields.seoDescription ?? '',
      },
      note: `Restored revision ${request.number}`,
    });
  }

  async transition(
    actor: DeskActor,
    request: { readonly id: number; readonly action: WorkflowAction; readonly at?: Date; readonly note?: string },
  ): Promise<Outcome<EditorialArticle>> {
    const current = await this.deps.workflow.get(request.id);
    if (current === null) return missing();
    const now = this.deps.now();
    const decision = decideTransition({
      from: current.status,
      action: request.action,
      caller: callerOf(actor, current),
      now,
      embargoUntil: current.embargoUntil,
      ...(request.at !== undefined ? { at: request.at } : {}),
      ...(request.note !== undefined ? { note: request.note } : {}),
    });
    if (!decision.ok) {
      switch (decision.reason) {
        case 'forbidden':
          return forbidden(decision.message);
        case 'conflict':
          return refusal('conflict', decision.message);
        case 'invalid':
          return invalid([{ field: request.action === 'sendBack' ? 'sendBackNote' : 'at', message: decision.message }]);
      }
    }
    const sendBackNote = request.action === 'sendBack' ? (request.note ?? '').trim() : undefined;
    if (decision.to === 'published' || decision.to === 'scheduled') {
      const problems = publishProblems(current.fields);
      if (problems.length > 0) return invalid(problems);
    }
    const moved = await this.deps.workflow.changeStatus({
      id: current.id,
      from: current.status,
      to: decision.to,
      at: now,
      ...(request.action === 'schedule' && request.at !== undefined ? { when: request.at } : {}),
      // A story published by the scheduler carries the time the desk chose, even when a restart published it late.
      ...(actor.kind === 'system' && current.scheduledAt !== null ? { when: current.scheduledAt } : {}),
      ...(sendBackNote !== undefined
        ? {
            sentBack: { note: sendBackNote, by: actor.name },
            revision: { author: authorOf(actor), note: `Sent back to the writer: ${sendBackNote}` },
          }
        : {}),
    });
    if (moved === null) return refusal('conflict', 'Someone else changed this article’s status first.');
    this.announce(moved.before, moved.after);
    await this.audit(actor, `article.${request.action}`, current.id, {
      from: current.status,
      to: decision.to,
      ...(moved.after.scheduledAt !== null ? { scheduledAt: moved.after.scheduledAt.toISOString() } : {}),
      ...(sendBackNote !== undefined ? { note: sendBackNote } : {}),
    });
    return { ok: true, value: moved.after };
  }

  /**
   * Sets (a time) or lifts (null) the embargo. Editors only; a story already
   * on the site or killed has nothing left to hold, and a scheduled story's
   * time may not fall before its embargo.
   */
  async embargo(
    actor: Actor,
    request: { readonly id: number; readonly until: Date | null },
  ): Promise<Outcome<EditorialArticle>> {
    if (!can(actor.role, 'article.publish')) return forbidden('Only editors may set or lift an embargo.');
    const current = await this.deps.workflow.get(request.id);
    if (current === null) return missing();
    if (current.status === 'published' || current.status === 'killed') {
      return refusal('conflict', `A ${statusLabel(current.status)} article cannot be embargoed.`);
    }
    const { until } = request;
    if (until !== null && until.getTime() <= this.deps.now().getTime()) {
      return invalid([{ field: 'embargoUntil', message: 'The embargo must end in the future.' }]);
    }
    if (until !== null && current.scheduledAt !== null && current.scheduledAt.getTime() < until.getTime()) {
      return invalid([
        { field: 'embargoUntil', message: 'The story is scheduled before this time: reschedule it first.' },
      ]);
    }
    const after = await this.deps.workflow.setEmbargo(current.id, until);
    if (after === null) return missing();
    await this.audit(actor, until === null ? 'article.embargo-lift' : 'article.embargo', current.id, {
      ...(until !== null ? { until: until.toISOString() } : {}),
    });
    return { ok: true, value: after };
  }

  /** Discards a story that never reached readers: writers their own drafts, editors any such story. */
  async spike(actor: Actor, request: { readonly id: number }): Promise<Outcome<{ readonly headline: string }>> {
    const current = await this.deps.workflow.get(request.id);
    if (current === null) return missing();
    const decision = maySpike(callerOf(actor, current), current);
    if (!decision.ok) {
      return decision.reason === 'forbidden' ? forbidden(decision.message) : refusal('conflict', decision.message);
    }
    if (!(await this.deps.workflow.spike(current.id))) {
      return refusal('conflict', 'Someone else changed this story first; it was not spiked.');
    }
    await this.audit(actor, 'article.spike', current.id, { headline: current.fields.headline, status: current.status });
    return { ok: true, value: { headline: current.fields.headline } };
  }

  async correct(
    actor: Actor,
    request: { readonly id: number; readonly kind: Correction['kind']; readonly text: string },
  ): Promise<Outcome<Correction>> {
    if (!can(actor.role, 'article.publish')) return forbidden('Only editors may add a correction or update.');
    const current = await this.deps.workflow.get(request.id);
    if (current === null) return missing();
    if (current.status !== 'published') {
      return refusal('conflict', 'Corrections and updates go on published articles only.');
    }
    const text = request.text.trim();
    if (text === '' || text.length > 2000) {
      return invalid([{ field: 'text', message: 'Write the note, at most 2000 characters.' }]);
    }
    const correction = await this.deps.workflow.addCorrection({
      id: current.id,
      kind: request.kind,
      text,
      at: this.deps.now(),
      authorName: actor.name,
    });
    this.announce(current, current);
    await this.audit(actor, `article.${request.kind}`, current.id, { text });
    return { ok: true, value: correction };
  }

  /**
   * Amends a note's text or withdraws it (with the reason readers see). A
   * withdrawn note stays on the story as a dated line, so readers who saw it
   * can tell it was taken back; its text is no longer shown.
   */
  async changeCorrection(
    actor: Actor,
    request: {
      readonly id: number;
      readonly correctionId: number;
      readonly change:
        | { readonly kind: 'amend'; readonly text: string }
        | { readonly kind: 'withdraw'; readonly note: string };
    },
  ): Promise<Outcome<Correction>> {
    const verb = request.change.kind === 'amend' ? 'amend' : 'withdraw';
    if (!can(actor.role, 'article.publish')) return forbidden(`Only editors may ${verb} a correction or update.`);
    const current = await this.deps.workflow.get(request.id);
    if (current === null) return missing();
    const note = current.corrections.find((c) => c.id === request.correctionId);
    if (note === undefined) return missing('This article has no such correction or update.');
    if (note.withdrawn !== undefined)
      return refusal('conflict', 'This note was withdrawn already; add a new one instead.');
    const change =
      request.change.kind === 'amend'
        ? { kind: 'amend' as const, text: request.change.text.trim() }
        : { kind: 'withdraw' as const, note: request.change.note.trim() };
    if (change.kind === 'amend' && (change.text === '' || change.text.length > 2000)) {
      return invalid([{ field: 'text', message: 'Write the note, at most 2000 characters.' }]);
    }
    if (change.kind === 'withdraw' && (change.note === '' || change.note.length > 500)) {
      return invalid([{ field: 'note', message: 'Say why it is withdrawn (readers see it), at most 500 characters.' }]);
    }
    const changed = await this.deps.workflow.changeCorrection({
      id: current.id,
      correctionId: note.id,
      change,
      at: this.deps.now(),
    });
    if (changed === null) return refusal('conflict', 'This note was withdrawn meanwhile; reload the story.');
    this.announce(current, current);
    await this.audit(actor, `article.${note.kind}-${verb}`, current.id, {
      correction: note.id,
      before: note.text,
      ...(change.kind === 'amend' ? { after: change.text } : { note: change.note }),
    });
    return { ok: true, value: changed.after };
  }

  /** Publishes every scheduled story that is due; returns the ids published. */
  async publishDue(): Promise<number[]> {
    const published: number[] = [];
    for (const id of await this.deps.workflow.dueScheduled(this.deps.now())) {
      const result = await this.transition(SCHEDULER, { id, action: 'publish' });
      if (result.ok) published.push(id);
    }
    return published;
  }

  private announce(before: EditorialArticle, after: EditorialArticle): void {
    const change = articleChangeOf(after.id, placementSource(before), placementSource(after));
    if (change !== null) this.deps.announce(change);
  }

  /** The article rules, after image and related-link blocks are tied to the library and the published stories. */
  private async checkedFields(input: ArticleInput): Promise<FieldsValidation> {
    const references = await resolveBlockReferences(input.body, {
      media: (ids) => this.deps.media?.assets(ids) ?? Promise.resolve(new Map()),
      publishedHeadline: async (articleId) => {
        const linked = await this.deps.workflow.get(articleId);
        return linked !== null && linked.status === 'published' ? linked.fields.headline : null;
      },
    });
    const fields = validateArticleInput({ ...input, body: references.blocks });
    if (references.errors.length === 0) return fields;
    // One message per block: a block that names nothing real is not also told its other faults.
    const named = new Set(references.errors.map((error) => error.field));
    const others = fields.ok ? [] : fields.errors.filter((error) => !named.has(error.field));
    return { ok: false, errors: [...references.errors, ...others] };
  }

  /**
   * The fields with their section as it is now. A form opened, or a revision
   * saved, before its section was renamed names the old slug: it follows the
   * rename (as readers' old addresses do) instead of being refused.
   */
  private async inCurrentSection(
    fields: ArticleFields,
  ): Promise<
    { readonly ok: true; readonly value: ArticleFields } | { readonly ok: false; readonly problem: FieldProblem }
  > {
    const slug = fields.sectionSlug;
    const sections = await this.deps.workflow.sectionSlugs();
    if (sections.includes(slug)) return { ok: true, value: fields };
    const moved = await this.deps.workflow.sectionRedirect(slug);
    if (moved !== null && sections.includes(moved)) return { ok: true, value: { ...fields, sectionSlug: moved } };
    return { ok: false, problem: { field: 'sectionSlug', message: `There is no section "${slug}".` } };
  }

  private audit(
    actor: DeskActor,
    action: AuditAction,
    id: number,
    details: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    const auditActor: AuditActor = actor;
    return this.deps.audit.record({
      at: this.deps.now(),
      actor: auditActor,
      action,
      subject: { type: 'article', id },
      details,
    });
  }
}

/** What the workflow rules need to know about the caller, for one article. */
export function callerOf(actor: DeskActor, article: Pick<EditorialArticle, 'owner'>): WorkflowCaller {
  if (actor.kind === 'system') return { canPublish: true, canWrite: true, isOwner: false };
  const owner = article.owner;
  const isOwner =
    owner !== null &&
    ((actor.kind === 'user' && owner.kind === 'user' && owner.id === actor.userId) ||
      (actor.kind === 'token' && owner.kind === 'token' && owner.id === actor.tokenId));
  return { canPublish: can(actor.role, 'article.publish'), canWrite: can(actor.role, 'article.write'), isOwner };
}

export function authorOf(actor: DeskActor): RevisionAuthor {
  switch (actor.kind) {
    case 'user':
      return { kind: 'user', id: actor.userId, name: actor.name };
    case 'token':
      return { kind: 'token', id: actor.tokenId, name: actor.name };
    case 'system':
      return { kind: 'system', id: null, name: actor.name };
  }
}

function ownerOfToken(actor: Extract<Actor, { kind: 'token' }>) {
  return { kind: 'token' as const, id: actor.tokenId, name: actor.name };
}

function placementSource(article: EditorialArticle): {
  status: ArticleStatus;
  sectionSlug: string;
  tagSlugs: readonly string[];
  publishedAt: Date;
  printPage: number | null;
} {
  return {
    status: article.status,
    sectionSlug: article.fields.sectionSlug,
    tagSlugs: article.tagSlugs,
    publishedAt: article.publishedAt,
    printPage: article.fields.printPage,
  };
}

function forbidden(message: string): Refusal {
  return refusal('forbidden', message);
}

function missing(message = 'There is no article with this id.'): Refusal {
  return refusal('not-found', message);
}

function invalid(problems: readonly FieldProblem[]): Refusal {
  return refusal('invalid', 'The article was not saved: fix the fields marked.', problems);
}

function conflict(base: number, latest: number): Refusal {
  return {
    ok: false,
    reason: 'conflict',
    problems: [],
    latestRevision: latest,
    message: `Someone saved this article after you opened it (you edited revision ${base}; the latest is ${latest}). Nothing was overwritten: compare the revisions, then edit the latest.`,
  };
}
