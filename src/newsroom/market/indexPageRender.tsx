import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IndexDefinitionView, MarketDesk } from '../../desk/market/marketDesk.js';
import type { ImportReport } from '../../ingest/marketImport.js';
import type { FieldProblem } from '../../shared/outcome.js';
import type { MarketStore } from '../../store/market/marketStore.js';
import { sendAdminPage, sendAdminRefusal } from '../http/adminPages.js';
import type { Flash } from '../pages/AdminLayout.js';
import type { FormFields } from './deskForms.js';
import { pageBasics } from './deskRouteKit.js';
import { indexSummaries, memberRows } from './deskViews.js';
import { IndexPage } from './IndexPage.js';
import { IndicesPage } from './IndicesPage.js';

export interface RecompositionForm {
  readonly effective: string;
  readonly add: string;
  readonly remove: readonly string[];
}

/** What one showing of an index's page carries besides the index: a form sent back, a report, a flash. */
export interface IndexPageInput {
  readonly form?: RecompositionForm;
  readonly problems?: readonly FieldProblem[];
  readonly constituentsForm?: FormFields;
  readonly constituentsProblems?: readonly FieldProblem[];
  readonly historyProblems?: readonly FieldProblem[];
  readonly imported?: ImportReport;
  readonly flash?: Flash;
  readonly status?: number;
}

export interface IndicesPageInput {
  readonly form?: FormFields;
  readonly problems?: readonly FieldProblem[];
  readonly withdrawing?: IndexDefinitionView;
  readonly flash?: Flash;
  readonly status?: number;
}

/** The define form as it first shows: the weighting and return type most indices have. */
const DEFINE_DEFAULTS: FormFields = { weighting: 'free-float', returnType: 'price', baseValue: '1000' };

/** The two index pages as every index route shows them. */
export function indexPages(desk: MarketDesk, marketStore: Pick<MarketStore, 'latestClose'>) {
  const list = (request: FastifyRequest, reply: FastifyReply, input: IndicesPageInput = {}) =>
    sendAdminPage(
      reply,
      <IndicesPage
        {...pageBasics(request, reply, input.flash)}
        indices={indexSummaries(desk.market)}
        published={desk.market.publishedIndices().map(({ code, name }) => ({ code, name }))}
        pending={desk.market.scheduledRecompositions()}
        form={input.form ?? DEFINE_DEFAULTS}
        problems={input.problems ?? []}
        {...(input.withdrawing !== undefined ? { withdrawing: input.withdrawing } : {})}
      />,
      input.status ?? 200,
    );

  const one = async (
    request: FastifyRequest,
    reply: FastifyReply,
    definition: IndexDefinitionView,
    input: IndexPageInput = {},
  ) => {
    const index = desk.market.snapshot().indices.find((view) => view.code === definition.code);
    const lastClose = await marketStore.latestClose(definition.code);
    return sendAdminPage(
      reply,
      <IndexPage
        {...pageBasics(request, reply, input.flash)}
        definition={definition}
        {...(index !== undefined ? { index } : {})}
        {...(lastClose !== undefined ? { lastClose } : {})}
        members={memberRows(desk.market, definition.code) ?? []}
        pending={desk.market.scheduledRecompositions().filter((r) => r.code === definition.code)}
        form={input.form ?? { effective: '', add: '', remove: [] }}
        problems={input.problems ?? []}
        constituentsForm={input.constituentsForm ?? {}}
        constituentsProblems={input.constituentsProblems ?? []}
        historyProblems={input.historyProblems ?? []}
        {...(input.imported !== undefined ? { imported: input.imported } : {})}
      />,
      input.status ?? 200,
    );
  };

  const noSuchIndex = (reply: FastifyReply, code: string) =>
    sendAdminRefusal(reply, 'not-found', 'No such index', `There is no index ${code}.`);

  return { list, one, noSuchIndex };
}
