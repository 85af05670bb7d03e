import type { Static } from '@sinclair/typebox';
import type { CorporateAction } from '../../market/corporateActions/corporateAction.js';
import type { EndOfDay, ScheduledRecomposition } from '../../market/endOfDay/closingRules.js';
import { formatRupees, parseRupees } from '../../market/money/money.js';
import type { FieldProblem } from '../../shared/outcome.js';
import type { FxRow, InstrumentRow, MemberRow } from './deskViews.js';
import type {
  CorporateActionBody,
  EndOfDayJson,
  FxJson,
  InstrumentJson,
  RecompositionJson,
} from './marketDeskSchemas.js';

export function instrumentJson({ instrument, ldcp, last }: InstrumentRow): Static<typeof InstrumentJson> {
  return {
    symbol: instrument.symbol,
    name: instrument.name,
    sector: instrument.sector,
    sharesOutstanding: instrument.sharesOutstanding,
    freeFloat: instrument.freeFloat,
    tickSize: formatRupees(instrument.tickSize),
    lotSize: instrument.lotSize,
    ldcp: formatRupees(ldcp),
    last: formatRupees(last),
  };
}

export function memberJson(row: MemberRow) {
  return { ...row, price: formatRupees(row.price) };
}

export function recompositionJson(recomposition: ScheduledRecomposition): Static<typeof RecompositionJson> {
  return {
    code: recomposition.code,
    effective: recomposition.effective,
    constituents: recomposition.constituents.map((c) => ({ ...c })),
  };
}

export function fxJson(row: FxRow): Static<typeof FxJson> {
  const { rate } = row;
  return {
    pair: rate.pair,
    market: rate.market,
    buying: formatRupees(rate.buying),
    selling: formatRupees(rate.selling),
    previousBuying: formatRupees(rate.previousBuying),
    previousSelling: formatRupees(rate.previousSelling),
    source: rate.source,
    time: rate.time.toISOString(),
    previousDate: row.previousDate,
    buyingChange: formatRupees(row.buyingChange),
    sellingChange: formatRupees(row.sellingChange),
    buyingChangePercent: row.buyingChangePercent,
  };
}

export function endOfDayJson(endOfDay: EndOfDay): Static<typeof EndOfDayJson> {
  return {
    date: endOfDay.date,
    nextTradingDate: endOfDay.nextTradingDate,
    bars: { instruments: endOfDay.instruments.length, indices: endOfDay.indices.length },
    appliedCorporateActions: endOfDay.appliedCorporateActions.map(({ symbol, type, exDate }) => ({
      symbol,
      type,
      exDate,
    })),
    appliedRecompositions: endOfDay.appliedRecompositions.map(({ code, effective }) => ({ code, effective })),
    problems: [...endOfDay.problems],
  };
}

/** The kind's own fields must be there; a missing one is a problem with that field. */
export function corporateActionOf(
  raw: Static<typeof CorporateActionBody>,
): { ok: true; action: CorporateAction } | { ok: false; problems: FieldProblem[] } {
  const base = { symbol: raw.symbol, exDate: raw.exDate };
  const missing = (...fields: string[]) => ({
    ok: false as const,
    problems: fields.map((field) => ({ field, message: `is required for a ${raw.type}` })),
  });
  const { ratio } = raw;
  const both = (field: string) => ({
    ok: false as const,
    problems: [{ field, message: `give either ${field} or ratio, not both` }],
  });
  if (raw.special !== undefined && raw.type !== 'cashDividend') {
    return { ok: false, problems: [{ field: 'special', message: 'applies to a cash dividend only' }] };
  }
  if (ratio !== undefined && raw.type !== 'bonus' && raw.type !== 'right') {
    return { ok: false, problems: [{ field: 'ratio', message: 'applies to a bonus or a right only' }] };
  }
  switch (raw.type) {
    case 'bonus':
      if (raw.bonusBasisPoints !== undefined && ratio !== undefined) return both('bonusBasisPoints');
      if (ratio !== undefined) return { ok: true, action: { type: 'bonus', ...base, ratio } };
      if (raw.bonusBasisPoints === undefined) return missing('bonusBasisPoints');
      return { ok: true, action: { type: 'bonus', ...base, bonusBasisPoints: raw.bonusBasisPoints } };
    case 'right': {
      if (raw.rightBasisPoints !== undefined && ratio !== undefined) return both('rightBasisPoints');
      if ((raw.rightBasisPoints === undefined && ratio === undefined) || raw.subscriptionPrice === undefined) {
        return missing(
          ...[ratio === undefined ? 'rightBasisPoints' : null, 'subscriptionPrice'].filter(
            (f): f is string => f !== null && raw[f as keyof typeof raw] === undefined,
          ),
        );
      }
      const subscriptionPrice = parseRupees(raw.subscriptionPrice);
      return {
        ok: true,
        action:
          ratio !== undefined
            ? { type: 'right', ...base, ratio, subscriptionPrice }
            : { type: 'right', ...base, rightBasisPoints: raw.rightBasisPoints as number, subscriptionPrice },
      };
    }
    case 'split':
      if (raw.sharesBefore === undefined || raw.sharesAfter === undefined) {
        return missing(...['sharesBefore', 'sharesAfter'].filter((f) => raw[f as keyof typeof raw] === undefined));
      }
      return {
        ok: true,
        action: { type: 'split', ...base, sharesBefore: raw.sharesBefore, sharesAfter: raw.sharesAfter },
      };
    case 'cashDividend':
      if (raw.dividend === undefined) return missing('dividend');
      return {
        ok: true,
        action: {
          type: 'cashDividend',
          ...base,
          dividend: parseRupees(raw.dividend),
          ...(raw.special === true ? { special: true } : {}),
        },
      };
  }
}
