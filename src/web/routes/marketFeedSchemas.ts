import { Type } from '@sinclair/typebox';

/** Rupees with at most two decimals, as text so no float ever touches a price ("64.80"). */
export const RupeesText = Type.String({ pattern: '^[0-9]{1,13}(\\.[0-9]{1,2})?$' });
const Instant = Type.String({ format: 'date-time' });
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

/**
 * One object for every kind, each kind's own fields optional here and
 * required by the handler: the validator drops unknown fields, which inside a
 * union would eat the fields of the kinds it tries first.
 */
export const CorporateActionsBody = Type.Object(
  {
    actions: Type.Array(
      Type.Object({
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
        subscriptionPrice: Type.Optional(RupeesText),
        sharesBefore: Type.Optional(ShareCount),
        sharesAfter: Type.Optional(ShareCount),
        dividend: Type.Optional(RupeesText),
      }),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
