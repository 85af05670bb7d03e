import { Type } from '@sinclair/typebox';

/** Rupees with at most two decimals, as text so no float ever touches a price ("64.80"). */
export const RupeesText = Type.String({ pattern: '^[0-9]{1,13}(\\.[0-9]{1,2})?$' });
/**
 * An RFC 3339 instant with its offset ("2024-08-02T05:31:07.120Z"); `parseInstant`
 * then refuses a date or time that does not exist (30 February, 24:00, a leap second).
 */
const Instant = Type.String({
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})$',
});
const SymbolText = Type.String({ pattern: '^[A-Z0-9][A-Z0-9.-]{0,15}$' });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

export const MAX_TRADES_PER_BATCH = 10_000;

export const TradesBody = Type.Object(
  {
    /** Names the sender; seq numbers are unique per feed for the feed's whole life. */
    feed: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$' }),
    trades: Type.Array(
      Type.Object(
        {
          seq: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
          symbol: SymbolText,
          price: RupeesText,
          volume: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
          time: Instant,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_TRADES_PER_BATCH },
    ),
  },
  { additionalProperties: false },
);

const Counts = {
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
};

export const TradesResponse = Type.Object({
  feed: Type.String(),
  ...Counts,
  results: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('rejected')]),
      /** The kind of rejection (`stale`, `future`, `outside band`, …), with `reason` the sentence. */
      code: Type.Optional(Type.String()),
      reason: Type.Optional(Type.String()),
    }),
  ),
});

export const FxBody = Type.Object(
  {
    rates: Type.Array(
      Type.Object(
        {
          pair: Type.String({ pattern: '^[A-Z]{3}/[A-Z]{3}$' }),
          market: Type.Union([Type.Literal('interbank'), Type.Literal('open')]),
          buying: RupeesText,
          selling: RupeesText,
          time: Instant,
          source: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

const ItemResult = Type.Object({
  index: Type.Integer(),
  status: Type.Union([Type.Literal('accepted'), Type.Literal('scheduled'), Type.Literal('rejected')]),
  reason: Type.Optional(Type.String()),
});

export const ItemsResponse = Type.Object({
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(ItemResult),
});

const BasisPoints = Type.Integer({ minimum: 1, maximum: 1_000_000 });
const ShareCount = Type.Integer({ minimum: 1, maximum: 1_000_000 });
/** `newShares` for every `heldShares`, exact (1 for 55), instead of basis points. */
const ShareRatioBody = Type.Object({ newShares: ShareCount, heldShares: ShareCount }, { additionalProperties: false });

/**
 * One object for every kind, each kind's own fields optional here and
 * required by the handler, so a missing one is named by the handler ("is
 * required for a bonus") rather than lost in a union's alternatives.
 */
export const CorporateActionsBody = Type.Object(
  {
    actions: Type.Array(
      Type.Object(
        {
          type: Type.Union([
            Type.Literal('bonus'),
            Type.Literal('right'),
            Type.Literal('split'),
            Type.Literal('cashDividend'),
          ]),
          symbol: SymbolText,
          exDate: IsoDate,
          bonusBasisPoints: Type.Optional(BasisPoints),
          rightBasisPoints: Type.Optional(BasisPoints),
          ratio: Type.Optional(ShareRatioBody),
          subscriptionPrice: Type.Optional(RupeesText),
          sharesBefore: Type.Optional(ShareCount),
          sharesAfter: Type.Optional(ShareCount),
          dividend: Type.Optional(RupeesText),
          special: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);

const INSTANT_FIELDS = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * The instant an `Instant` text names, or null when its wall-clock date and
 * time do not exist: `Date` would roll 2023-02-30 over into March and read
 * 24:00 as the next day, so the text must come back unchanged from the instant.
 */
export function parseInstant(text: string): Date | null {
  const plain = plainUtcInstant(text);
  if (plain !== null) return new Date(plain);
  const fields = INSTANT_FIELDS.exec(text);
  const time = new Date(text);
  if (fields === null || Number.isNaN(time.getTime())) return null;
  const [, date, clock, sign, hours = '0', minutes = '0'] = fields;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  if (Math.abs(offsetMinutes) >= 24 * 60) return null;
  const wallClock = new Date(time.getTime() + offsetMinutes * 60_000).toISOString();
  return wallClock.slice(0, 10) === date && wallClock.slice(11, 19) === clock ? time : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The epoch ms of the shape feeds send (`2024-08-02T05:31:07.120Z` or
 * without the fraction), read digit by digit: every trade of a batch has an
 * instant, and the general reading (a pattern, a Date, its ISO text back)
 * cost more per trade than the market's whole work on it. Null for any
 * other shape and for any field out of its range, which `parseInstant`'s
 * general reading then judges, so both readings agree wherever this one answers.
 */
function plainUtcInstant(text: string): number | null {
  const length = text.length;
  if (length !== 20 && length !== 24) return null;
  if (text.charCodeAt(length - 1) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */) return null;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null; // '-'
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null; // ':'
  if (length === 24 && text.charCodeAt(19) !== 46) return null; // '.'
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const milli = length === 24 ? digits(text, 20, 3) : 0;
  // Date.UTC reads years 0–99 as 1900–1999: those go the general way.
  if (hour < 0 || minute < 0 || second < 0 || milli < 0) return null;
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > days) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, milli);
}

/** The whole number written by `count` ASCII digits at `from`, or −1 if any is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
