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
import { type DayRange, karachiDayRange, parseKarachiLocal } from '../../shared/pakistanTime.js';
import type { EditorialArticle } from '../../store/articles/articleWorkflow.js';
import type { AdminContext } from '../http/adminContext.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import { csrfTokenFor } from '../http/csrf.js';
import { actorOf, requirePermission } from '../http/guard.js';
import { noticeFlash } from '../http/noticeFlash.js';
import { featuredPicturePanel } from '../media/featuredPicturePanelData.js';
import type { Flash } from '../pages/AdminLayout.js';
import { pageCountOf } from '../pages/Pager.js';
import { WireSourceNote } from '../wire/WireSourceNote.js';
import { ArticleEditPage } from './ArticleEditPage.js';
import { ArticleListPage } from './ArticleListPage.js';
import {
  type ArticleFormValues,
  applyBlockOp,
  emptyForm,
  formFromArticle,
  inputFromForm,
  readForm,
  readOp,
} from './articleForm.js';
import { renderArticlePreview } from './articlePreview.js';
import { dropAutosaveOf, othersEditing, userIdOf } from './presence.js';
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
  correctionAmended: 'Note amended: readers see the new text, marked amended.',
  correctionWithdrawn: 'Note withdrawn: readers see a dated line saying it was withdrawn, and why.',
  restored: 'Revision restored as a new revision.',
  sendBack: 'Sent back to the writer with your note.',
  spiked: 'Spiked: the story and its revisions are gone.',
  embargo: 'Embargo set: the story cannot be published or scheduled before it ends.',
  embargoLifted: 'Embargo lifted.',
  picture: 'Featured picture saved: readers see it now if the story is published.',
} as const satisfies Record<string, string>;

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const NoticeQuery = Type.Object({ notice: Type.Optional(Type.String({ maxLength: 40 })) });
// Every editor field is text; generous bounds here, the article rules give the real limits and messages.
const FormBody = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 50_000 }));
// The guard runs before the body is read (see ../http/guard.ts): a stranger is told to sign in, not how to fill the form.
const write = { onRequest: requirePermission('article.write') };
const publish = { onRequest: requirePermission('article.publish') };
const FORM_LIMIT = 2 * 1024 * 1024;
const LIST_PAGE_SIZE = 50;

/** A Karachi day from a date filter: undefined when the filter is empty, null when it is not a date. */
function dayStart(text: string | undefined): DayRange | undefined | null {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return karachiDayRange(text.trim());
  } catch {
    return null;
  }
}

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
    const [sections, tagSuggestions, editing, picturePanel, source] = await Promise.all([
      store.listSections(),
      workflow.tagNames(1000),
      othersEditing(ctx, state.article === null ? [] : [state.article.id], userIdOf(actor)),
      state.article === null ? null : featuredPicturePanel(ctx, reply, actor, state.article),
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
        editorScriptUrl={ctx.editorScriptUrl}
        othersEditing={state.article === null ? [] : (editing.get(state.article.id) ?? [])}
        {...(picturePanel !== null ? { picturePanel } : {})}
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
      values: formFromArticle(article),
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
          from: Type.Optional(Type.String({ maxLength: 10 })),
          to: Type.Optional(Type.String({ maxLength: 10 })),
          page: Type.Optional(Type.String({ maxLength: 9 })),
          notice: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      const { status, section, author, q, from, to } = request.query;
      const pageNumber = request.query.page === undefined || request.query.page === '' ? 1 : Number(request.query.page);
      if (!Number.isSafeInteger(pageNumber) || pageNumber < 1) {
        return sendAdminRefusal(reply, 'malformed', 'Bad request', 'A page is a whole number from 1.');
      }
      const since = dayStart(from);
      const until = dayStart(to);
      if (since === null || until === null) {
        return sendAdminRefusal(reply, 'malformed', 'Bad request', 'Dates are written YYYY-MM-DD.');
      }
      const filters = {
        ...(isArticleStatus(status) ? { status } : {}),
        ...(section !== undefined && section !== '' ? { section } : {}),
        ...(author !== undefined && author !== '' ? { author } : {}),
        ...(q !== undefined && q.trim() !== '' ? { q: q.trim() } : {}),
        ...(since !== undefined && from !== undefined ? { from } : {}),
        ...(until !== undefined && to !== undefined ? { to } : {}),
      };
      const [page, sections, authors] = await Promise.all([
        workflow.list({
          limit: LIST_PAGE_SIZE,
          offset: (pageNumber - 1) * LIST_PAGE_SIZE,
          ...(since !== undefined ? { since: new Date(since.startMs) } : {}),
          ...(until !== undefined ? { until: new Date(until.endMs) } : {}),
          ...(filters.status !== undefined ? { status: filters.status } : {}),
          ...(filters.section !== undefined ? { sectionSlug: filters.section } : {}),
          ...(filters.author !== undefined ? { ownerName: filters.author } : {}),
          ...(filters.q !== undefined ? { search: filters.q } : {}),
        }),
        store.listSections(),
        workflow.ownerNames(),
      ]);
      const flash = noticeFlash(NOTICES, request.query.notice);
      const editing = await othersEditing(
        ctx,
        page.items.map((item) => item.id),
        userIdOf(actorOf(request)),
      );
      return sendAdminPage(
        reply,
        <ArticleListPage
          editing={editing}
          actor={actorOf(request)}
          csrfToken={csrfTokenFor(reply)}
          items={page.items}
          total={page.total}
          page={pageNumber}
          pageSize={LIST_PAGE_SIZE}
          pageCount={pageCountOf(page.total, LIST_PAGE_SIZE)}
          now={ctx.now()}
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
        values: formFromArticle(article),
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
      if (result.ok) {
        // The autosaved copy is now a revision: keeping it would offer old text back later.
        await dropAutosaveOf(ctx, article.id, actorOf(request));
        return reply.redirect(`/admin/articles/${article.id}?notice=saved`, 303);
      }
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
            note: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { additionalProperties: true },
        ),
      },
    },
    async (request, reply) => {
      const article = await workflow.get(request.params.id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      const { action, at, confirm, note } = request.body;
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
        ...(note !== undefined ? { note } : {}),
      });
      if (!result.ok) return refuseInEditor(request, reply, article, result);
      return reply.redirect(`/admin/articles/${article.id}?notice=${action}`, 303);
    },
  );

  app.post(
    '/admin/articles/:id/spike',
    {
      ...write,
      schema: {
        params: IdParams,
        body: Type.Object({ confirm: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: true }),
      },
    },
    async (request, reply) => {
      const article = await workflow.get(request.params.id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      if (request.body.confirm?.trim() !== 'SPIKE') {
        const message = 'Type SPIKE to confirm: a spiked story cannot be brought back.';
        return refuseInEditor(request, reply, article, refusal('invalid', message, [{ field: 'confirm', message }]));
      }
      const result = await desk.spike(actorOf(request), { id: article.id });
      if (!result.ok) return refuseInEditor(request, reply, article, result);
      return reply.redirect('/admin/articles?notice=spiked', 303);
    },
  );

  app.post(
    '/admin/articles/:id/embargo',
    {
      ...publish,
      schema: {
        params: IdParams,
        body: Type.Object({ until: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: true }),
      },
    },
    async (request, reply) => {
      const article = await workflow.get(request.params.id);
      if (article === null)
        return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
      const text = request.body.until?.trim() ?? '';
      const until = text === '' ? null : parseKarachiLocal(text);
      if (text !== '' && until === null) {
        const message = 'Give the date and time the embargo ends, Karachi time.';
        return refuseInEditor(
          request,
          reply,
          article,
          refusal('invalid', message, [{ field: 'embargoUntil', message }]),
        );
      }
      const result = await desk.embargo(actorOf(request), { id: article.id, until });
      if (!result.ok) return refuseInEditor(request, reply, article, result);
      return reply.redirect(
        `/admin/articles/${article.id}?notice=${until === null ? 'embargoLifted' : 'embargo'}`,
        303,
      );
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

  // Amend or withdraw one note: two plain forms per note in the editor's corrections panel.
  for (const verb of ['amend', 'withdraw'] as const) {
    app.post(
      `/admin/articles/:id/corrections/:correctionId/${verb}`,
      {
        ...publish,
        schema: {
          params: Type.Object({ id: Type.Integer({ minimum: 1 }), correctionId: Type.Integer({ minimum: 1 }) }),
          body: Type.Object(
            {
              text: Type.Optional(Type.String({ maxLength: 5000 })),
              note: Type.Optional(Type.String({ maxLength: 5000 })),
            },
            { additionalProperties: true },
          ),
        },
      },
      async (request, reply) => {
        const article = await workflow.get(request.params.id);
        if (article === null)
          return sendAdminRefusal(reply, 'not-found', 'No such article', 'There is no article with this id.');
        const change =
          verb === 'amend'
            ? { kind: 'amend' as const, text: request.body.text ?? '' }
            : { kind: 'withdraw' as const, note: request.body.note ?? '' };
        const result = await desk.changeCorrection(actorOf(request), {
          id: article.id,
          correctionId: request.params.correctionId,
          change,
        });
        if (!result.ok) return refuseInEditor(request, reply, article, result);
        const notice = verb === 'amend' ? 'correctionAmended' : 'correctionWithdrawn';
        return reply.redirect(`/admin/articles/${article.id}?notice=${notice}`, 303);
      },
    );
  }

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
        querystring: Type.Object({
          from: Type.Integer({ minimum: 1 }),
          to: Type.Integer({ minimum: 1 }),
          view: Type.Optional(Type.Union([Type.Literal('inline'), Type.Literal('side')])),
        }),
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
          view={request.query.view ?? 'inline'}
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
