import {
  agency,
  assembleBody,
  fixed,
  type Story,
  type StoryContext,
  type StoryWriter,
  tagSpelling,
} from './storyKit.js';
import { warStory } from './warStories.js';

/** World desk: agency copy on central banks, big economies, conflict and diplomacy. */
export const writeWorldStory: StoryWriter = (ctx) => ctx.rng.pick([centralBankStory, economyDataStory, warStory])(ctx);

const wire = (ctx: StoryContext) => agency(ctx.rng.pick(['AFP', 'Reuters']));

interface CentralBank {
  readonly name: string;
  readonly short: string;
  readonly city: string;
  readonly economy: string;
}

const CENTRAL_BANKS: readonly CentralBank[] = [
  { name: 'Federal Reserve', short: 'Fed', city: 'WASHINGTON', economy: 'US' },
  { name: 'Bank of England', short: 'BoE', city: 'LONDON', economy: 'British' },
  { name: 'Bank of Japan', short: 'BoJ', city: 'TOKYO', economy: 'Japanese' },
  { name: 'European Central Bank', short: 'ECB', city: 'FRANKFURT', economy: 'euro zone' },
  { name: "People's Bank of China", short: 'PBOC', city: 'BEIJING', economy: 'Chinese' },
  { name: 'Saudi Central Bank', short: 'SAMA', city: 'RIYADH', economy: 'Saudi' },
  { name: 'Reserve Bank of India', short: 'RBI', city: 'MUMBAI', economy: 'Indian' },
];

function centralBankStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const bank = rng.pick(CENTRAL_BANKS);
  const rate = rng.decimal(0.1, 6.5, 2);
  const action = rng.pick(['holds', 'raises', 'cuts'] as const);
  const step = rng.pick([0.25, 0.5]);
  const verb = { holds: 'kept', raises: 'raised', cuts: 'cut' }[action];
  return {
    headline: rng.pick([
      `${bank.short} ${action} rates${action === 'holds' ? ` at ${fixed(rate, 2)}pc` : ` by ${step * 100} basis points`}`,
      `${bank.name} ${action} benchmark rate, signals ${rng.pick(['patience', 'caution', 'more to come'])}`,
      `${bank.economy.charAt(0).toUpperCase()}${bank.economy.slice(1)} rates: ${bank.short} ${action} as ${rng.pick(['inflation cools', 'growth slows', 'wages climb', 'prices stay sticky'])}`,
    ]),
    summary: `The ${bank.name} ${verb} its key interest rate${action === 'holds' ? '' : ` by ${step} percentage ${step === 1 ? 'point' : 'points'}`}, leaving it at ${fixed(rate, 2)} percent.`,
    dateline: bank.city,
    byline: wire(ctx),
    tags: [bank.name, tagSpelling(rng, 'Interest rates', ['interest rates', 'Interest Rates']), 'Global economy'],
    body: assembleBody(rng, {
      lead: [
        `The ${bank.name} ${verb} its benchmark interest rate on ${ctx.weekday}${action === 'holds' ? '' : ` by ${step} percentage ${step === 1 ? 'point' : 'points'}`}, taking it to ${fixed(rate, 2)} percent, as policymakers weighed ${rng.pick(['stubborn services inflation', 'a cooling labour market', 'weak consumer spending', 'volatile energy prices'])}.`,
        `The decision was ${rng.pick(['widely expected', 'a surprise to some economists', 'in line with market pricing'])}, and the ${bank.economy} currency ${rng.pick(['edged higher', 'slipped', 'barely moved'])} after the announcement.`,
      ],
      pool: [
        `${bank.short} policymakers said future moves would depend on ${rng.pick(['incoming data', 'wage growth', 'energy prices', 'the currency'])}, repeating language used at the previous meeting.`,
        `Inflation in the ${bank.economy} economy was last measured at ${fixed(rng.decimal(1.5, 7.5, 1), 1)} percent, above the official target.`,
        `Bond yields ${rng.pick(['fell', 'rose'])} ${rng.int(2, 15)} basis points as traders adjusted bets on the path of rates this year.`,
        `The ${bank.short} governor told a press conference that the board had ${rng.pick(['discussed a range of options', 'voted unanimously', 'been split'])} before reaching its decision.`,
        `Economists polled before the meeting had been split on the outcome, with a ${rng.pick(['small majority', 'large majority'])} expecting the move that was delivered.`,
        `The ${bank.name}'s decision adds to a divergence among major central banks, some of which are ${rng.pick(['easing', 'tightening'])} while others stay on hold.`,
        `Emerging-market currencies, the rupee among them, often react when the ${bank.short} ${rng.pick(['moves', 'changes its tone', 'surprises markets'])}.`,
        `${bank.economy.charAt(0).toUpperCase()}${bank.economy.slice(1)} business groups called for clearer guidance, saying uncertainty was holding back ${rng.pick(['investment', 'hiring', 'borrowing'])}.`,
      ],
      subheading: 'Market reaction',
    }),
  };
}

function economyDataStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const place = rng.pick([
    { name: 'China', adjective: 'Chinese', city: 'BEIJING', place: 'Beijing', gauge: 'factory activity' },
    { name: 'Japan', adjective: 'Japanese', city: 'TOKYO', place: 'Tokyo', gauge: 'exports', plural: true },
    { name: 'Saudi Arabia', adjective: 'Saudi', city: 'RIYADH', place: 'Riyadh', gauge: 'non-oil growth' },
    { name: 'the UAE', adjective: 'UAE', city: 'DUBAI', place: 'Dubai', gauge: 'business activity' },
    { name: 'Britain', adjective: 'British', city: 'LONDON', place: 'London', gauge: 'retail sales', plural: true },
    { name: 'the United States', adjective: 'US', city: 'NEW YORK', place: 'New York', gauge: 'consumer confidence' },
    { name: 'Germany', adjective: 'German', city: 'BERLIN', place: 'Berlin', gauge: 'industrial output' },
  ]);
  const drawn = rng.decimal(-4.5, 8.5, 1);
  // A reading of 0.0 would "grow 0pc": report at least a tenth either way.
  const value = drawn === 0 ? 0.1 : drawn;
  const up = value >= 0;
  const label = place.name.replace(/^the /, '');
  const plural = 'plural' in place && place.plural;
  // "exports grow", "factory activity grows".
  const agrees = (singular: string) =>
    plural ? singular.replace(/(ss|sh|ch|x)es$/, '$1').replace(/([^s])s$/, '$1') : singular;
  return {
    headline: rng.pick([
      `${place.adjective} ${place.gauge} ${agrees(up ? 'grows' : 'shrinks')} ${fixed(Math.abs(value), 1)}pc`,
      `${place.adjective} ${place.gauge} ${agrees(up ? 'beats' : 'misses')} forecasts`,
      `${place.gauge.charAt(0).toUpperCase()}${place.gauge.slice(1)} in ${label} ${agrees(up ? 'picks' : 'weakens')}${up ? ' up' : ''} in latest data`,
    ]),
    summary: `Official figures showed ${place.gauge} in ${place.name} ${up ? 'grew' : 'shrank'} ${fixed(Math.abs(value), 1)} percent.`,
    dateline: place.city,
    byline: wire(ctx),
    tags: [label, 'Global economy', tagSpelling(rng, 'Trade', ['trade'])],
    body: assembleBody(rng, {
      lead: [
        `${place.gauge.charAt(0).toUpperCase()}${place.gauge.slice(1)} in ${place.name} ${up ? 'expanded' : 'contracted'} by ${fixed(Math.abs(value), 1)} percent, according to data published on ${ctx.weekday}, ${up ? 'a stronger' : 'a weaker'} reading than analysts had expected.`,
      ],
      pool: [
        `Economists had forecast ${forecastText(value + rng.decimal(-2, 2, 1))} in a survey before the release.`,
        `Officials said ${rng.pick(['new orders', 'overseas demand', 'household spending', 'construction'])} had been the main driver of the change.`,
        `The figures come as ${place.name} tries to balance support for ${place.gauge} with the need to keep ${rng.pick(['inflation', 'borrowing', 'the currency'])} in check.`,
        `Stock markets in the region ${rng.pick(['rose', 'fell', 'were mixed'])} after the data was released.`,
        `Analysts in ${place.place} cautioned that ${rng.pick(['one month', 'a single quarter', 'the latest reading'])} could be revised and that the ${rng.pick(['three-month', 'six-month', 'annual'])} trend mattered more.`,
        `Demand from trading partners, including South Asian importers, remained ${rng.pick(['soft', 'steady', 'resilient'])}, according to separate customs figures.`,
        `The government has announced measures to support ${rng.pick(['small businesses', 'exporters', 'the property sector', 'consumers'])} in recent months.`,
      ],
    }),
  };
}

/** "a rise of 1.2 percent", "no change": a forecast as copy states it. */
function forecastText(forecast: number): string {
  const rounded = Math.round(forecast * 10) / 10;
  if (rounded === 0) return 'no change';
  return `${rounded > 0 ? 'a rise' : 'a fall'} of ${fixed(Math.abs(rounded), 1)} percent`;
}
