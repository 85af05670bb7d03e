import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from '../../desk/articles/articleDesk.js';
import { deskFor } from '../../desk/articles/deskFor.js';
import { statusForRefusal } from '../../http/refusalStatus.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { diffArticleFields } from '../../news/revisionDiff.js';
import type { Actor } from '../../news/roles.js';
import { isArticleStatus, isWorkflowAction } from '../../news/workflow.js';
import { type FieldProblem, type Refusal, refusal } from '../../shared/outcome.js';
import { parseKarachiLocal } from '../../shared/pakistanTime.js';
import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import type { Flash } from '../pages/AdminLayout.js';
import { WireSourceNote } from '../wire/WireSourceNote.js';
import { ArticleEditPage } from './ArticleEditPage.js';
import { ArticleListPage } from './ArticleListPage.js';
import {
  type ArticleFormValues,
  applyBlockOp,
  emptyForm,
  formFromFields,
  inputFromForm,
  readForm,
  readOp,
} from './articleForm.js';
import { renderArticlePreview } from './articlePreview.js';
import { RevisionDiffPage, RevisionsPage } from './RevisionsPage.js';

// Messages after a redirect are picked from this list by name, never echoed from the URL.
const NOTICES = {
  created: 'Draft saved.',
  saved: 'Saved.',
  submit: 'Submitted for review.',
  publish: 'Published: readers see it now.',
  schedule: 'Scheduled.',
  unpublish: 'Taken off the site.',
  kill: 'Killed: removed from the site for good.',
  correction: 'Note added: readers see it under the headline.',
  restored: 'Revision restored as a new revision.',
} as const satisfies Record<string, string>;

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const NoticeQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) });
// Every editor field is text; generous bounds here, the article rules give the real limits and messages.
const FormBody = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 50_000 }));
// The guard runs before the body is read (see ../http/guard.ts): a stranger is told to sign in, not how to fill the form.
const write = { onRequest: requirePermission('article.write') };
const publish = { onRequest: requirePermission('article.publish') };
const FORM_LIMIT = 2 * 1024 * 1024;

/** The newsroom's article pages under /admin/articles: list, editor, workflow, revisions, preview. */
export function registerArticlePageRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  const desk = deskFor(ctx);
  const { workflow } = desk;
  const { store } = ctx;

  const renderEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      readonly article: EditorialArticle | null;
      readonly values: ArticleFormValues;
      readonly baseRevision: number;
      readonly errors?: readonly FieldProblem[];
      readonly flash?: Flash;
      readonly conflictDiffUrl?: string;
      readonly status?: number;
    },
  ) => {
    const actor = actorOf(request);
    const [sections, tagSuggestions, source] = await Promise.all([
      store.listSections(),
      workflow.tagNames(1000),
      state.article === null ? null : ctx.wire.sourceOfArticle(state.article.id),
    ]);
    return sendAdminPage(
      reply,
      <ArticleEditPage
        actor={actor}
        csrfToken={csrfTokenFor(reply)}
        article={state.article}
        values={state.values}
        baseRevision={state.baseRevision}
        sections={sections}
        tagSuggestions={tagSuggestions}
        errors={state.errors ?? []}
        caller={callerOf(actor, { owner: state.article?.owner ?? null })}
        now={ctx.now()}
        source={source === null ? null : <WireSourceNote source={source} />}
        {...(state.flash !== undefined ? { flash: state.flash } : {})}
        {...(state.conflictDiffUrl !== undefined ? { conflictDiffUrl: state.conflictDiffUrl } : {})}
      />,
      state.status ?? 200,
    );
  };

  /** A refusal shown in the editor with the article as it stands (status changes, corrections). */
  const refuseInEditor = (request: FastifyRequest, reply: FastifyReply, article: EditorialArticle, refused: Refusal) =>
    renderEditor(request, reply, {
      article,
      values: formFromFields(article.fields),
      baseRevision: article.revision,
      errors: refused.problems,
      flash: { kind: 'error', message: refused.message },
      status: statusForRefusal(refused.reason),
    });

  app.get(
    '/admin/articles',
    {
      ...write,
      schema: {
        querystring: Type.Object({
          status: Type.Optional(Type.String({ maxLength: 20 })),
          section: Type.Optional(Type.String({ maxLength: 100 })),
          author: Type.Optional(Type.String({ maxLength: 200 })),
          q: Type.Optional(Type.String({ maxLength: 200 })),
          notice: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      const { status, section, author, q } = request.query;
      const filters = {
        ...(isArticleStatus(status) ? { status } : {}),
        ...(section !== undefined && section !== '' ? { section } : {}),
        ...(author !== undefined && author !== '' ? { author } : {}),
        ...(q !== undefined && q.trim() !== '' ? { q: q.trim() } : {}),
      };
      const [page, sections, authors] = await Promise.all([
        workflow.list({
          limit: 100,
          ...(filters.status !== undefined ? { status: filters.status } : {}),
          ...(filters.section !== undefined ? { sectionSlug: filters.section } : {}),
          ...(filters.author !== undefined ? { ownerName: filters.author } : {}),
          ...(filters.q !== undefined ? { search: filters.q } : {}),
        }),
        store.listSections(),
        workflow.ownerNames(),
      ]);
      const flash = noticeFlash(NOTICES, request.query.notice);
      return sendAdminPage(
        reply,
        <ArticleListPage
          actor={actorOf(request)}
          csrfToken={csrfTokenFor(reply)}
          items={page.items}
          total={page.total}
          filters={filters}
          sections={sections}
          authors={authors}
          {...(flash !== undefined ? { flash } : {})}
        />,
      );
    },
  );

  app.get('/admin/articles/new', write, async (request, reply) => {
    const sections = await store.listSections();
    return renderEditor(request, reply, {
      article: null,
      values: emptyForm(sections[0]?.slug ?? '', actorOf(request).name),
      baseRevision: 0,
    });
  });

  app.post(
    '/admin/articles',
    { ...write, bodyLimit: FORM_LIMIT, schema: { body: FormBody } },
    async (request, reply) => {
      const values = readForm(request.body);
      const op = readOp(request.body);
      if (op.kind !== 'save') {
        return renderEditor(request, reply, {
          article: null,
          values: { ...values, blocks: applyBlockOp(values.blocks, op) },
          baseRevision: 0,
        });
      }
      const result = await desk.create(actorOf(request), inputFromForm(values), values.note.trim() || 'Created');
      if (!result.ok) {
        return renderEditor(request, reply, {
          article: null,
          values,
          baseRevision: 0,
          errors: result.problems,
          flash: { kind: 'error', message: result.message },
          status: statusForRefusal(result.reason),
        });
      }
      return reply.redirect(`/admin/articles/${result.value.id}?notice=created`, 303);
    },
  );

  app.get(
    '/admin/articles/:id',
    { ...write, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const article = await workflow.get(request.params.id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      const flash = noticeFlash(NOTICES, request.query.notice);
      return renderEditor(request, reply, {
        article,
        values: formFromFields(article.fields),
        baseRevision: article.revision,
        ...(flash !== undefined ? { flash } : {}),
      });
    },
  );

  app.post(
    '/admin/articles/:id',
    { ...write, bodyLimit: FORM_LIMIT, schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const article = await workflow.get(request.params.id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      const values = readForm(request.body);
      const baseRevision = Number.parseInt(request.body.baseRevision ?? '', 10);
      if (!Number.isSafeInteger(baseRevision) || baseRevision < 0) {
        return sendAdminRefusal(reply, 'malformed', 'Bad request', 'The form did not say which revision it edits.');
      }
      const op = readOp(request.body);
      if (op.kind !== 'save') {
        return renderEditor(request, reply, {
          article,
          values: { ...values, blocks: applyBlockOp(values.blocks, op) },
          baseRevision,
        });
      }
      const result = await desk.save(actorOf(request), {
        id: article.id,
        baseRevision,
        input: inputFromForm(values),
        note: values.note,
      });
      if (result.ok) return reply.redirect(`/admin/articles/${article.id}?notice=saved`, 303);
      return renderEditor(request, reply, {
        article,
        values,
        baseRevision,
        errors: result.problems,
        flash: { kind: 'error', message: result.message },
        status: statusForRefusal(result.reason),
        ...(result.latestRevision !== undefined
          ? {
              conflictDiffUrl: `/admin/articles/${article.id}/diff?from=${Math.max(1, baseRevision)}&to=${result.latestRevision}`,
            }
          : {}),
      });
    },
  );

  app.post(
    '/admin/articles/:id/transition',
    {
      ...write,
      schema: {
        params: IdParams,
        body: Type.Object(
          {
            action: Type.Optional(Type.String({ maxLength: 20 })),
            at: Type.Optional(Type.String({ maxLength: 40 })),
            confirm: Type.Optional(Type.String({ maxLength: 40 })),
          },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const article = await workflow.get(request.params.id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      const { action, at, confirm } = request.body;
      if (!isWorkflowAction(action)) return sendAdminRefusal(reply, 'malformed', 'Bad request', 'Choose an action.');
      const invalid = (field: string, message: string) =>
        refuseInEditor(request, reply, article, refusal('invalid', message, [{ field, message }]));
      let when: Date | undefined;
      if (action === 'schedule') {
        const parsed = parseKarachiLocal(at ?? '');
        if (parsed === null) return invalid('at', 'Give the date and time to publish at, Karachi time.');
        when = parsed;
      }
      if (action === 'kill' && confirm?.trim() !== 'KILL') {
        return invalid('confirm', 'Type KILL to confirm: a killed article cannot be brought back.');
      }
      const result = await desk.transition(actorOf(request), {
        id: article.id,
        action,
        ...(when !== undefined ? { at: when } : {}),
      });
      if (!result.ok) return refuseInEditor(request, reply, article, result);
      return reply.redirect(`/admin/articles/${article.id}?notice=${action}`, 303);
    },
  );

  app.post(
    '/admin/articles/:id/corrections',
    {
      ...publish,
      schema: {
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Optional(Type.String({ maxLength: 20 })),
            text: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const article = await workflow.get(request.params.id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      const { kind, text } = request.body;
      if (kind !== 'correction' && kind !== 'update') {
        return sendAdminRefusal(reply, 'malformed', 'Bad request', 'A note is a correction or an update.');
      }
      const result = await desk.correct(actorOf(request), { id: article.id, kind, text: text ?? '' });
      if (!result.ok) return refuseInEditor(request, reply, article, result);
      return reply.redirect(`/admin/articles/${article.id}?notice=correction`, 303);
    },
  );

  app.get(
    '/admin/articles/:id/revisions',
    { ...write, schema: { params: IdParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const article = await workflow.get(request.params.id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      const actor = actorOf(request);
      return sendAdminPage(
        reply,
        <RevisionsPage
          actor={actor}
          csrfToken={csrfTokenFor(reply)}
          article={article}
          revisions={await workflow.revisions(article.id)}
          canRestore={canRestore(actor)}
        />,
      );
    },
  );

  app.get(
    '/admin/articles/:id/diff',
    {
      ...write,
      schema: {
        params: IdParams,
        querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const article = await workflow.get(id);
      const [older, newer] = await Promise.all([
        workflow.revision(id, request.query.from),
        workflow.revision(id, request.query.to),
      ]);
      if (article === null || older === null || newer === null) {
        return sendAdminRefusal(reply, 'not-found', 'No such revision', 'There is no such revision of this article.');
      }
      return sendAdminPage(
        reply,
        <RevisionDiffPage
          actor={actorOf(request)}
          csrfToken={csrfTokenFor(reply)}
          article={article}
          from={older}
          to={newer}
          fields={diffArticleFields(older.fields, newer.fields)}
        />,
      );
    },
  );

  app.post(
    '/admin/articles/:id/revisions/:number/restore',
    {
      ...publish,
      schema: {
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), number: Type.Integer({ minimum: 1 }) }),
        body: Type.Object(
          { baseRevision: Type.Optional(Type.String({ maxLength: 12 })) },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const { id, number } = request.params;
      const article = await workflow.get(id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      const baseRevision = Number.parseInt(request.body.baseRevision ?? '', 10);
      if (!Number.isSafeInteger(baseRevision)) {
        return sendAdminRefusal(
          reply,
          'malformed',
          'Bad request',
          'The form did not say which revision it restores over.',
        );
      }
      const result = await desk.restore(actorOf(request), { id, number, baseRevision });
      if (!result.ok) return refuseInEditor(request, reply, article, result);
      return reply.redirect(`/admin/articles/${id}?notice=restored`, 303);
    },
  );

  app.get('/admin/articles/:id/preview', { ...write, schema: { params: IdParams } }, async (request, reply) => {
    const page = await renderArticlePreview(ctx, request.params.id);
    if (page === null)
      return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
    return sendAdminPage(reply, page);
  });
}

function canRestore(actor: Actor): boolean {
  return callerOf(actor, { owner: null }).canPublish;
}
