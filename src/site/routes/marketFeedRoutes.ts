import type { Static } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { MarketEngineUnavailableError } from '../../engine/engineUnavailable.js';
import { MarketEventError } from '../../engine/marketRecorder.js';
import { ApiErrorSchema, sendApiError } from '../../http/apiError.js';
import { strictBodyErrors, strictBodyValidator } from '../../http/strictBodyValidator.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import type { MarketEvent, MarketEventOutcome } from '../../market/book/marketEvent.js';
import type { CorporateAction } from '../../market/corporateActions/corporateAction.js';
import { parseRupees } from '../../market/money/money.js';
import type { FieldProblem } from '../../shared/outcome.js';
import type { SiteContext } from '../siteContext.js';
import type { MarketFeedDeps } from '../siteDeps.js';
import { requireRole } from './marketFeedAuth.js';
import {
  CorporateActionsBody,
  FxBody,
  ItemsResponse,
  parseInstant,
  TradesBody,
  TradesResponse,
} from './marketFeedSchemas.js';

// 10,000 trades of ~100 bytes each, with room to spare; the default 1 MiB would cut a full batch short.
const BODY_LIMIT = 4 * 1024 * 1024;

const ERRORS = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  500: ApiErrorSchema,
  503: ApiErrorSchema,
};

/**
 * The authenticated push API (docs/api.md): trades, FX rates and corporate
 * actions from a `market-feed` token. Every answer comes after the accepted
 * items are committed to the market log. The routes live in their own scope,
 * whose bodies are checked exactly as documented (`strictBodyValidator`: no
 * coercion, no unknown field dropped); the rest of the site keeps Fastify's
 * defaults.
 */
export function registerMarketFeedRoutes(app: TypeBoxApp, site: SiteContext): void {
  void app.register(async (feedApi: TypeBoxApp) => {
    feedApi.setValidatorCompiler(strictBodyValidator);
    feedApi.setSchemaErrorFormatter(strictBodyErrors);
    registerFeedRoutes(feedApi, site);
  });
}

function registerFeedRoutes(app: TypeBoxApp, site: SiteContext): void {
  const feed = site.deps.marketFeed;
  const onRequest = requireRole(feed, 'market-feed');

  app.post(
    '/api/v1/market/trades',
    { onRequest, bodyLimit: BODY_LIMIT, schema: { body: TradesBody, response: { 200: TradesResponse, ...ERRORS } } },
    async (request, reply) => {
      const { feed: feedName, trades } = request.body;
      const problems: FieldProblem[] = [];
      // A feed stamps many trades of a batch alike: one reading (and one Date, never changed) serves them all.
      let lastText: string | null = null;
      let lastTime = new Date(Number.NaN);
      const events = trades.map((trade, i): MarketEvent => {
        if (trade.time !== lastText) {
          lastText = trade.time;
          lastTime = instant(trade.time, `trades.${i}.time`, problems);
        } else if (Number.isNaN(lastTime.getTime())) {
          problems.push(unreadableInstant(`trades.${i}.time`));
        }
        const time = lastTime;
        return {
          kind: 'trade',
          trade: {
            symbol: trade.symbol,
            price: parseRupees(trade.price),
            volume: trade.volume,
            time,
            seq: trade.seq,
            feed: feedName,
          },
        };
      });
      if (problems.length > 0) return sendUnreadable(reply, 'trades', problems);
      const outcomes = await recordBatch(feed, events, site.deps.now(), reply);
      if (outcomes === null) return reply;
      const counts = { accepted: 0, duplicate: 0, rejected: 0 };
      const results = trades.map((trade, i) => {
        const result = tradeResult(trade.seq, outcomes[i]);
        counts[result.status] += 1;
        return result;
      });
      return reply.header('cache-control', 'no-store').send({
        feed: feedName,
        accepted: counts.accepted,
        duplicates: counts.duplicate,
        rejected: counts.rejected,
        results,
      });
    },
  );

  app.post(
    '/api/v1/market/fx',
    { onRequest, schema: { body: FxBody, response: { 200: ItemsResponse, ...ERRORS } } },
    async (request, reply) => {
      const problems: FieldProblem[] = [];
      const events = request.body.rates.map((rate, i): MarketEvent => {
        const update = {
          pair: rate.pair,
          market: rate.market,
          buying: parseRupees(rate.buying),
          selling: parseRupees(rate.selling),
          time: instant(rate.time, `rates.${i}.time`, problems),
        };
        return { kind: 'fxRate', update: rate.source === undefined ? update : { ...update, source: rate.source } };
      });
      if (problems.length > 0) return sendUnreadable(reply, 'rates', problems);
      const outcomes = await recordBatch(feed, events, site.deps.now(), reply);
      if (outcomes === null) return reply;
      return sendItems(reply, outcomes);
    },
  );

  app.post(
    '/api/v1/market/corporate-actions',
    { onRequest, schema: { body: CorporateActionsBody, response: { 200: ItemsResponse, ...ERRORS } } },
    async (request, reply) => {
      const problems: FieldProblem[] = [];
      const now = site.deps.now();
      const events: MarketEvent[] = [];
      request.body.actions.forEach((raw, i) => {
        const action = corporateAction(raw, `actions.${i}`, problems);
        if (action) events.push({ kind: 'corporateAction', action, time: now });
      });
      if (problems.length > 0) {
        return sendUnreadable(reply, 'corporate actions', problems);
      }
      const outcomes = await recordBatch(feed, events, now, reply);
      if (outcomes === null) return reply;
      return sendItems(reply, outcomes);
    },
  );
}

/**
 * The batch's outcomes, or null once an error is answered: 503 when the log
 * could not be written or no market engine took it (sending again may
 * succeed; Retry-After says when), 500 when the market could
 * not judge one of its events (sending it unchanged will fail the same way,
 * so the answer must not invite a retry).
 */
async function recordBatch(
  feed: MarketFeedDeps | undefined,
  events: readonly MarketEvent[],
  now: Date,
  reply: FastifyReply,
): Promise<MarketEventOutcome[] | null> {
  try {
    // requireRole has already answered 503 when there is no feed.
    return (await feed?.recorder.record(events, { now })) ?? [];
  } catch (error) {
    if (error instanceof MarketEventError) {
      reply.log.error({ err: error }, 'the market could not judge a pushed batch');
      await sendApiError(
        reply,
        500,
        `The market could not judge a ${error.kind} in this batch; nothing of it was taken. Sending it unchanged will fail the same way.`,
      );
      return null;
    }
    if (error instanceof MarketEngineUnavailableError) {
      reply.log.warn({ err: error }, 'no market engine took a pushed batch');
      reply.header('retry-after', String(error.retryAfterSeconds));
      await sendApiError(
        reply,
        503,
        error.mayHaveBeenTaken
          ? `${error.message} The batch may or may not have been taken: send it again (a trade's feed and seq are taken once).`
          : `${error.message} Nothing was taken; send the batch again.`,
      );
      return null;
    }
    reply.log.error({ err: error }, 'market events could not be recorded');
    await sendApiError(reply, 503, 'The market log could not be written; nothing was taken. Send the batch again.');
    return null;
  }
}

/** A 400 whose sentence names the fields too, as the schema's own errors do. */
function sendUnreadable(reply: FastifyReply, items: string, problems: readonly FieldProblem[]) {
  const named = problems.slice(0, 10).map((problem) => `${problem.field} ${problem.message}`);
  return sendApiError(reply, 400, `Some ${items} could not be read; none was taken: ${named.join('; ')}.`, problems);
}

function instant(text: string, field: string, problems: FieldProblem[]): Date {
  const time = parseInstant(text);
  if (time !== null) return time;
  problems.push(unreadableInstant(field));
  return new Date(Number.NaN);
}

function unreadableInstant(field: string): FieldProblem {
  return { field, message: 'must be an instant that exists, e.g. 2024-08-02T05:31:07.120Z' };
}

type TradeStatus = 'accepted' | 'duplicate' | 'rejected';

function tradeResult(seq: number, outcome: MarketEventOutcome | undefined) {
  if (outcome?.kind !== 'trade') return { seq, status: 'rejected' as TradeStatus, reason: 'not processed' };
  const { receipt } = outcome;
  if (!receipt.ok) return { seq, status: 'rejected' as TradeStatus, code: receipt.code, reason: receipt.reason };
  return { seq, status: (receipt.duplicate ? 'duplicate' : 'accepted') as TradeStatus };
}

function sendItems(reply: FastifyReply, outcomes: readonly MarketEventOutcome[]) {
  const results = outcomes.map((outcome, index) => ({ index, ...itemResult(outcome) }));
  return reply.header('cache-control', 'no-store').send({
    accepted: results.filter((r) => r.status !== 'rejected').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
    results,
  });
}

function itemResult(outcome: MarketEventOutcome): { status: 'accepted' | 'scheduled' | 'rejected'; reason?: string } {
  switch (outcome.kind) {
    case 'fxRate':
      return outcome.change.ok ? { status: 'accepted' } : { status: 'rejected', reason: outcome.change.reason };
    case 'corporateAction':
      if (!outcome.result.ok) return { status: 'rejected', reason: outcome.result.reason };
      return { status: outcome.result.status === 'scheduled' ? 'scheduled' : 'accepted' };
    case 'trade':
    case 'dayClose':
    case 'deskChange':
      return { status: 'rejected', reason: `unexpected ${outcome.kind} outcome` };
  }
}

type RawAction = Static<typeof CorporateActionsBody>['actions'][number];

/** The kind's own fields must be there; a missing one is a 400 like any schema error. */
function corporateAction(raw: RawAction, field: string, problems: FieldProblem[]): CorporateAction | null {
  const base = { symbol: raw.symbol, exDate: raw.exDate };
  const missing = (name: string) => {
    problems.push({ field: `${field}.${name}`, message: `is required for a ${raw.type}` });
    return null;
  };
  const both = (name: string) => {
    problems.push({ field: `${field}.ratio`, message: `cannot be given with ${name}` });
    return null;
  };
  switch (raw.type) {
    case 'bonus':
      if (raw.ratio !== undefined) {
        return raw.bonusBasisPoints === undefined
          ? { type: 'bonus', ...base, ratio: raw.ratio }
          : both('bonusBasisPoints');
      }
      if (raw.bonusBasisPoints === undefined) return missing('bonusBasisPoints');
      return { type: 'bonus', ...base, bonusBasisPoints: raw.bonusBasisPoints };
    case 'right': {
      if (raw.subscriptionPrice === undefined) return missing('subscriptionPrice');
      const subscriptionPrice = parseRupees(raw.subscriptionPrice);
      if (raw.ratio !== undefined) {
        return raw.rightBasisPoints === undefined
          ? { type: 'right', ...base, ratio: raw.ratio, subscriptionPrice }
          : both('rightBasisPoints');
      }
      if (raw.rightBasisPoints === undefined) return missing('rightBasisPoints');
      return { type: 'right', ...base, rightBasisPoints: raw.rightBasisPoints, subscriptionPrice };
    }
    case 'split':
      if (raw.sharesBefore === undefined) return missing('sharesBefore');
      if (raw.sharesAfter === undefined) return missing('sharesAfter');
      return { type: 'split', ...base, sharesBefore: raw.sharesBefore, sharesAfter: raw.sharesAfter };
    case 'cashDividend':
      if (raw.dividend === undefined) return missing('dividend');
      return {
        type: 'cashDividend',
        ...base,
        dividend: parseRupees(raw.dividend),
        ...(raw.special === true ? { special: true } : {}),
      };
  }
}
