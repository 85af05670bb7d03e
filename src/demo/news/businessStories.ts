import { analystQuote, pickAnalyst } from './analystVoice.js';
import { monthName } from './economy.js';
import {
  agency,
  assembleBody,
  fixed,
  nonZero,
  type Story,
  type StoryContext,
  type StoryWriter,
  staff,
  tagSpelling,
} from './storyKit.js';
import { tradeStory } from './tradeStories.js';
import { STAFF_REPORTERS } from './wordBanks.js';

/** Business & Finance: the economy, the IMF programme, prices, trade. */
export const writeBusinessStory: StoryWriter = (ctx) =>
  ctx.rng.pick([imfStory, inflationStory, tradeStory, tradeStory, revenueStory])(ctx);

const economyTag = (ctx: StoryContext) =>
  tagSpelling(ctx.rng, 'Pakistan economy', ['Pakistan Economy', 'pakistan economy']);

function imfStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const topic = rng.pick([
    'power sector circular debt',
    'the budget for next year',
    'gas price adjustments',
    'the exchange rate regime',
    'tax exemptions',
    'state-owned enterprises',
    'the primary surplus target',
  ]);
  const tranche = rng.pick(['$700 million', '$1.1 billion', '$1.2 billion', '$500 million']);
  const round = rng.pick(['first', 'second', 'third', 'final']);
  return {
    headline: rng.pick([
      `Finance ministry, IMF mission discuss ${topic} on ${round} day`,
      `IMF review: talks on ${topic} enter ${round} round`,
      `Government shares plan on ${topic} with IMF staff`,
      `Tranche of ${tranche} hinges on ${topic}, officials say`,
    ]),
    summary: `Officials said the visiting IMF staff mission focused on ${topic} as talks on the next tranche continued.`,
    dateline: 'ISLAMABAD',
    byline: rng.chance(0.5) ? agency('APP') : staff(rng.pick(STAFF_REPORTERS)),
    tags: [tagSpelling(rng, 'IMF', ['imf']), economyTag(ctx), 'Finance Ministry'],
    body: assembleBody(rng, {
      lead: [
        `Officials of the finance ministry and a visiting International Monetary Fund staff mission held the ${round} round of policy-level talks on ${ctx.weekday}, concentrating on ${topic}.`,
        `A successful review would unlock about ${tranche} under the current programme, officials said, speaking on condition of anonymity because the talks were continuing.`,
      ],
      pool: [
        `The mission asked for a time-bound plan on ${topic}, showing how it would be financed without new off-budget borrowing, an official said.`,
        `The government has proposed phasing the changes over ${rng.int(2, 6)} quarters to limit the effect on households, according to people familiar with the talks.`,
        `The Fund has repeatedly called for a broader tax base, with agriculture, retail and real estate contributing far less than their share of the economy.`,
        `Provincial finance departments were also consulted on cash surpluses of about Rs${rng.int(300, 900)} billion, which count towards the consolidated fiscal target.`,
        `Economists said the market-determined exchange rate and a tight monetary stance remained the core of the programme.`,
        `The ministry said in a statement that talks on ${topic} were held in a "constructive atmosphere" and would continue ${rng.pick(['through the week', 'until Friday', 'virtually next week'])}.`,
        `Pakistan's external financing needs for the fiscal year are estimated at about $${rng.int(22, 28)} billion, including debt rollovers by friendly countries.`,
        `Opposition lawmakers criticised what they called a lack of transparency over ${topic}.`,
      ],
      subheading: 'Next steps',
    }),
  };
}

function inflationStory(ctx: StoryContext): Story {
  const { rng, economy } = ctx;
  // Published early in a month about the month before, from the one CPI series every story quotes.
  const month = economy.monthBefore(ctx.publishedAt);
  const cpi = economy.cpi(month);
  const previous = economy.cpi(economy.monthBefore(ctx.publishedAt, 2));
  const eased = cpi < previous;
  const analyst = pickAnalyst(rng);
  const driver = rng.pick([
    { text: 'food prices', plural: true },
    { text: 'electricity tariffs', plural: true },
    { text: 'transport fares', plural: true },
    { text: 'the cost of gas', plural: false },
    { text: 'clothing and footwear', plural: true },
  ]);
  const verb = eased ? (driver.plural ? 'cool' : 'cools') : driver.plural ? 'climb' : 'climbs';
  const name = monthName(month);
  return {
    headline:
      cpi === previous
        ? rng.pick([
            `CPI inflation steady at ${fixed(cpi, 1)}pc in ${name}`,
            `Inflation holds at ${fixed(cpi, 1)}pc as ${driver.text} ${driver.plural ? 'stay' : 'stays'} high`,
          ])
        : rng.pick([
            `CPI inflation ${eased ? 'eases' : 'quickens'} to ${fixed(cpi, 1)}pc year-on-year`,
            `Inflation at ${fixed(cpi, 1)}pc in ${name} as ${driver.text} ${verb}`,
            `Prices: headline inflation ${eased ? 'slows' : 'accelerates'} from ${fixed(previous, 1)}pc`,
            `${name} CPI: inflation ${eased ? 'down' : 'up'} to ${fixed(cpi, 1)}pc`,
          ]),
    summary: `Consumer prices rose ${fixed(cpi, 1)} percent in ${name} from a year earlier, against ${fixed(previous, 1)} percent the month before.`,
    dateline: 'ISLAMABAD',
    byline: rng.chance(0.4) ? agency('APP') : staff(rng.pick(STAFF_REPORTERS)),
    tags: [tagSpelling(rng, 'Inflation', ['inflation', 'INFLATION']), 'CPI', economyTag(ctx), 'SBP'],
    body: assembleBody(rng, {
      lead: [
        `Consumer price inflation ${cpi === previous ? 'held' : eased ? 'slowed' : 'picked up'} ${cpi === previous ? 'at' : 'to'} ${fixed(cpi, 1)} percent year-on-year in ${name}, against ${fixed(previous, 1)} percent in the previous month, data released by the Pakistan Bureau of Statistics showed.`,
        `On a month-on-month basis prices ${rng.pick(['rose', 'increased', 'edged up'])} ${fixed(rng.decimal(0.1, 3.2, 1), 1)} percent, with ${driver.text} the biggest contributor.`,
      ],
      pool: [
        `Core inflation, which strips out food and energy, was ${fixed(economy.coreCpi(month), 1)} percent in cities, suggesting price pressures had spread beyond volatile items.`,
        `The State Bank of Pakistan has kept its policy rate at ${economy.policyRate} percent and says real interest rates will turn positive on a forward-looking basis.`,
        `The finance ministry, in its monthly outlook, expected inflation to ${rng.pick(['ease gradually', 'stay elevated', 'decline in the second half of the year'])}.`,
        `Among food items, prices of ${rng.pick(['tomatoes', 'onions', 'wheat flour', 'cooking oil'])} ${rng.pick(['fell sharply', 'rose sharply', 'were volatile'])}, while ${rng.pick(['eggs', 'pulses', 'sugar', 'rice'])} ${rng.pick(['also rose', 'declined', 'was stable'])}.`,
        `The sensitive price indicator, a weekly gauge of essential items, has ${rng.pick(['declined', 'risen'])} in ${rng.int(2, 5)} of the last six weeks.`,
        `${analyst.name} said a favourable base effect would ${rng.pick(['help', 'not be enough'])} to bring inflation into the central bank's medium-term target range of 5 to 7 percent.`,
      ],
      subheading: 'Core measures',
      quote: analystQuote(rng, analyst, 'inflation'),
    }),
  };
}

function revenueStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const collected = rng.decimal(520, 1100, 0);
  const target = collected + nonZero(rng.int(-80, 90));
  const missed = collected < target;
  return {
    headline: rng.pick([
      `FBR collects Rs${collected}bn in month, ${missed ? 'misses' : 'beats'} target`,
      `Tax receipts ${missed ? 'fall short' : 'exceed goal'} as FBR nets Rs${collected}bn`,
      `Revenue ${missed ? 'shortfall' : 'surplus'} of Rs${Math.abs(target - collected)}bn as FBR collects Rs${collected}bn`,
      `FBR ${missed ? 'trails' : 'tops'} monthly target of Rs${target}bn`,
      `Tax collection at Rs${collected}bn ${missed ? 'below' : 'above'} the Rs${target}bn goal`,
      `Monthly revenue: FBR ${missed ? 'misses' : 'meets'} Rs${target}bn target with Rs${collected}bn`,
    ]),
    summary: `The Federal Board of Revenue collected Rs${collected} billion against a target of Rs${target} billion.`,
    dateline: 'ISLAMABAD',
    byline: staff(rng.pick(STAFF_REPORTERS)),
    tags: ['FBR', tagSpelling(rng, 'Taxation', ['taxation']), economyTag(ctx), tagSpelling(rng, 'IMF', ['imf'])],
    body: assembleBody(rng, {
      lead: [
        `The Federal Board of Revenue collected Rs${collected} billion in taxes last month, ${missed ? 'falling short of' : 'surpassing'} its target of Rs${target} billion, provisional figures showed.`,
      ],
      pool: [
        `Income tax contributed about ${rng.int(38, 48)} percent of the total, followed by sales tax, customs duty and federal excise.`,
        `Refunds of Rs${rng.int(20, 60)} billion were paid to exporters during the month, the board said.`,
        `Customs collection was ${rng.pick(['hit', 'supported'])} by ${rng.pick(['import curbs', 'a recovery in imports', 'lower fuel imports'])}.`,
        `The board has been asked to ${rng.pick(['widen the net', 'bring retailers into the system', 'tax property gains'])} rather than lean on existing filers, officials said.`,
        `The number of active taxpayers rose to about ${fixed(rng.decimal(4.2, 5.9, 1), 1)} million, according to the board's latest list.`,
        `The annual target agreed with the IMF requires growth of more than ${rng.int(28, 40)} percent over last year's collection.`,
        `Tax experts said a shortfall of Rs${rng.int(100, 600)} billion by the year-end would likely be met with ${rng.pick(['fresh measures in the next budget', 'a mini-budget', 'higher petroleum levy'])}.`,
      ],
    }),
  };
}
