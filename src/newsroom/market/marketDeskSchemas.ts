import { Type } from '@sinclair/typebox';
import { RupeesText } from '../../site/routes/marketFeedSchemas.js';

const SymbolText = Type.String({ pattern: '^[A-Z0-9][A-Z0-9.-]{0,15}$' });
const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const BasisPoints = Type.Integer({ minimum: 0, maximum: 10_000 });
const ShareCount = Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 });
const Name = Type.String({ minLength: 1, maxLength: 120 });
const Sector = Type.String({ minLength: 1, maxLength: 80 });

export const SymbolParams = Type.Object({ symbol: Type.String({ maxLength: 16 }) });
export const CodeParams = Type.Object({ code: Type.String({ maxLength: 20 }) });
export const DateParams = Type.Object({ date: Type.String({ maxLength: 10 }) });

/** Prices are rupee text ("64.80"), free float and cap factors basis points (4500 = 45 %). */
export const InstrumentJson = Type.Object({
  symbol: Type.String(),
  name: Type.String(),
  sector: Type.String(),
  /** Null while unknown (a stock first met in a closing file). */
  sharesOutstanding: Type.Union([Type.Integer(), Type.Null()]),
  freeFloat: Type.Union([Type.Integer(), Type.Null()]),
  tickSize: Type.String(),
  lotSize: Type.Integer(),
  ldcp: Type.String(),
  last: Type.String(),
});

export const ListingBody = Type.Object(
  {
    symbol: SymbolText,
    name: Name,
    sector: Sector,
    sharesOutstanding: ShareCount,
    freeFloat: BasisPoints,
    ldcp: RupeesText,
    tickSize: Type.Optional(RupeesText),
    lotSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const AmendmentBody = Type.Object(
  {
    name: Type.Optional(Name),
    sector: Type.Optional(Sector),
    sharesOutstanding: Type.Optional(ShareCount),
    freeFloat: Type.Optional(BasisPoints),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RecompositionBody = Type.Object(
  {
    effective: IsoDate,
    add: Type.Optional(
      Type.Array(
        Type.Object(
          {
            symbol: SymbolText,
            shares: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 })),
            freeFloat: Type.Optional(BasisPoints),
            capFactor: Type.Optional(BasisPoints),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    remove: Type.Optional(Type.Array(SymbolText, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

const ConstituentJson = Type.Object({
  symbol: Type.String(),
  shares: Type.Integer(),
  freeFloat: Type.Integer(),
  capFactor: Type.Optional(Type.Integer()),
});

export const RecompositionJson = Type.Object({
  code: Type.String(),
  effective: Type.String(),
  constituents: Type.Array(ConstituentJson),
});

export const IndexJson = Type.Object({
  code: Type.String(),
  name: Type.String(),
  value: Type.Integer(),
  previousClose: Type.Integer(),
  constituents: Type.Array(
    Type.Object({
      symbol: Type.String(),
      name: Type.String(),
      shares: Type.Integer(),
      freeFloat: Type.Integer(),
      capFactor: Type.Integer(),
      price: Type.String(),
      weightBasisPoints: Type.Integer(),
    }),
  ),
  pending: Type.Array(RecompositionJson),
});

/** One object for every kind (as the push API takes them); the kind's own fields are required by the handler. */
export const CorporateActionBody = Type.Object(
  {
    type: Type.Union([
      Type.Literal('bonus'),
      Type.Literal('right'),
      Type.Literal('split'),
      Type.Literal('cashDividend'),
    ]),
    symbol: SymbolText,
    exDate: IsoDate,
    bonusBasisPoints: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    rightBasisPoints: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    subscriptionPrice: Type.Optional(RupeesText),
    sharesBefore: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    sharesAfter: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    dividend: Type.Optional(RupeesText),
    /** A bonus or right as an exact ratio instead of basis points: 1 new share for 55 held is `{ newShares: 1, heldShares: 55 }`. */
    ratio: Type.Optional(
      Type.Object(
        {
          newShares: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
          heldShares: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        },
        { additionalProperties: false },
      ),
    ),
    /** A cash dividend outside the company's regular ones: it adjusts a price index too. */
    special: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const PreviewJson = Type.Object({
  symbol: Type.String(),
  ldcp: Type.String(),
  exPrice: Type.String(),
  sharesBefore: Type.Union([Type.Integer(), Type.Null()]),
  sharesAfter: Type.Union([Type.Integer(), Type.Null()]),
  appliesNow: Type.Boolean(),
});

export const ActionResultJson = Type.Object({
  status: Type.Union([Type.Literal('applied'), Type.Literal('scheduled')]),
  exPrice: Type.Optional(Type.String()),
  sharesOutstanding: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});

export const FxBody = Type.Object(
  {
    pair: Type.String({ pattern: '^[A-Z]{3}/[A-Z]{3}$' }),
    market: Type.Union([Type.Literal('interbank'), Type.Literal('open')]),
    buying: RupeesText,
    selling: RupeesText,
    time: Type.Optional(Type.String({ format: 'date-time' })),
    source: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);

export const FxJson = Type.Object({
  pair: Type.String(),
  market: Type.String(),
  buying: Type.String(),
  selling: Type.String(),
  previousBuying: Type.String(),
  previousSelling: Type.String(),
  source: Type.String(),
  time: Type.String(),
  previousDate: Type.Union([Type.String(), Type.Null()]),
  buyingChange: Type.String(),
  sellingChange: Type.String(),
  buyingChangePercent: Type.Number(),
});

export const HolidayBody = Type.Object({ date: IsoDate }, { additionalProperties: false });

export const CloseDayBody = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });

export const EndOfDayJson = Type.Object({
  date: Type.String(),
  nextTradingDate: Type.String(),
  bars: Type.Object({ instruments: Type.Integer(), indices: Type.Integer() }),
  appliedCorporateActions: Type.Array(
    Type.Object({ symbol: Type.String(), type: Type.String(), exDate: Type.String() }),
  ),
  appliedRecompositions: Type.Array(Type.Object({ code: Type.String(), effective: Type.String() })),
  problems: Type.Array(Type.String()),
});

const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

/** A day's own timetable: periods in order (the calendar checks order and overlaps; 422 otherwise). */
export const SpecialScheduleBody = Type.Object(
  {
    date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
    periods: Type.Array(
      Type.Object(
        {
          phase: Type.Union([
            Type.Literal('pre-open'),
            Type.Literal('open'),
            Type.Literal('break'),
            Type.Literal('post-close'),
          ]),
          start: ClockTime,
          end: ClockTime,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 12 },
    ),
  },
  { additionalProperties: false },
);

/** An index level as text with at most two decimals (`1000`, `40673.12`), read exactly as hundredths. */
const LevelText = Type.String({ pattern: '^[0-9]{1,8}(\\.[0-9]{1,2})?$' });

const MemberBody = Type.Object(
  {
    symbol: SymbolText,
    /** Shares the index counts; default the instrument's shares outstanding. */
    shares: Type.Optional(ShareCount),
    /** Basis points; default the instrument's free float. */
    freeFloat: Type.Optional(BasisPoints),
  },
  { additionalProperties: false },
);

export const IndexDefinitionBody = Type.Object(
  {
    code: SymbolText,
    name: Name,
    weighting: Type.Optional(Type.Union([Type.Literal('free-float'), Type.Literal('full-cap')])),
    returnType: Type.Optional(Type.Union([Type.Literal('price'), Type.Literal('total')])),
    baseDate: Type.Optional(IsoDate),
    baseValue: LevelText,
    /** The level on the members' last closes; default the base value. */
    startLevel: Type.Optional(LevelText),
    /** Largest weight of one member, basis points. */
    maxWeight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    /** Absent or empty: an index only the exchange computes, shown from its imported history. */
    constituents: Type.Optional(Type.Array(MemberBody, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);

export const ConstituentsBody = Type.Object(
  {
    constituents: Type.Array(MemberBody, { minItems: 1, maxItems: 1000 }),
    /** For a computed index: the roll-over the new members take effect at; default the next trading day. */
    effective: Type.Optional(IsoDate),
    /** For an index only published so far: the level it starts at; default its last imported close. */
    startLevel: Type.Optional(LevelText),
  },
  { additionalProperties: false },
);

export const IndexDefinitionJson = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** Whether the site computes it; otherwise its figures are the exchange's published closes. */
  computed: Type.Boolean(),
  weighting: Type.Optional(Type.String()),
  returnType: Type.String(),
  baseDate: Type.Optional(Type.String()),
  /** Levels as text with two decimals. */
  baseValue: Type.String(),
  maxWeight: Type.Optional(Type.Integer()),
  members: Type.Integer(),
});

export const ConstituentsJson = Type.Object({
  code: Type.String(),
  status: Type.Union([Type.Literal('computed'), Type.Literal('scheduled')]),
  effective: Type.Optional(Type.String()),
  constituents: Type.Array(ConstituentJson),
});
