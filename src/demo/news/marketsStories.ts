import { analystQuote, pickAnalyst } from './analystVoice.js';
import { commodityStory } from './commodityStories.js';
import { companyResultStory } from './companyResults.js';
import {
  assembleBody,
  fixed,
  rose,
  type StoryContext,
  type StoryWriter,
  staff,
  tagSpelling,
  thousands,
} from './storyKit.js';
import { DESK_BYLINES, HEAVYWEIGHT_SYMBOLS, LISTED_COMPANIES, SECTOR_WORDS, SESSION_MOMENTS } from './wordBanks.js';

/** Markets desk copy; session reports only on trading days. */
export const writeMarketsStory: StoryWriter = (ctx) => {
  const writers: StoryWriter[] = ctx.market.isTradingDay
    ? [indexCloseStory, indexCloseStory, rupeeCloseStory, companyResultStory, commodityStory]
    : [weekReviewStory, companyResultStory, commodityStory, commodityStory];
  return ctx.rng.pick(writers)(ctx);
};

function indexCloseStory(ctx: StoryContext) {
  const { rng, market: m } = ctx;
  const up = m.kse100Change >= 0;
  const pct = (m.kse100Change / (m.kse100 - m.kse100Change)) * 100;
  const points = thousands(Math.abs(m.kse100Change));
  // Session reports lead with an index heavyweight, as dealers' notes do.
  const heavyweights = LISTED_COMPANIES.filter((c) => HEAVYWEIGHT_SYMBOLS.includes(c.symbol));
  const leaders = [rng.pick(heavyweights), ...rng.sample(LISTED_COMPANIES, 2)];
  const [first, second, third] = leaders;
  const driver = rng.pick(
    up
      ? [
          'hopes of an IMF tranche',
          'falling bond yields',
          'buying by local mutual funds',
          'a firmer rupee',
          'strong quarterly earnings',
        ]
      : [
          'profit-taking',
          'uncertainty over the IMF review',
          'rising bond yields',
          'foreign selling',
          'worries about the fiscal gap',
        ],
  );
  const headline = up
    ? rng.pick([
        `KSE-100 climbs ${points} points on ${driver}`,
        `Stocks extend gains as KSE-100 adds ${points} points`,
        `PSX closes ${fixed(pct, 2)}pc higher, ${driver} lifts sentiment`,
      ])
    : rng.pick([
        `KSE-100 sheds ${points} points amid ${driver}`,
        `Bears return to PSX as index loses ${points} points`,
        `Stocks slide ${fixed(Math.abs(pct), 2)}pc on ${driver}`,
      ]);
  const analyst = pickAnalyst(rng);
  const moment = rng.pick(SESSION_MOMENTS);
  return {
    headline,
    summary: `The benchmark index settled at ${thousands(m.kse100)} on ${ctx.weekday}, ${rose(m.kse100Change, 'up', 'down')} ${fixed(Math.abs(pct), 2)} percent.`,
    dateline: 'KARACHI',
    byline: staff(rng.pick(DESK_BYLINES)),
    tags: ['KSE-100', 'PSX', tagSpelling(rng, 'Stocks', ['stocks']), first?.symbol ?? 'OGDC'],
    body: assembleBody(rng, {
      lead: [
        `The Pakistan Stock Exchange ${up ? 'ended in the green' : 'closed in the red'} on ${ctx.weekday}, with the benchmark KSE-100 index ${rose(m.kse100Change, 'gaining', 'losing')} ${points} points, or ${fixed(Math.abs(pct), 2)} percent, to settle at ${thousands(m.kse100)}.`,
        `Dealers attributed the move to ${driver}. The index ${up ? 'touched its intraday high' : 'fell to its intraday low'} ${moment}, and ${up ? 'held most of the gains' : 'recovered only a little'} into the close.`,
      ],
      pool: [
        `Volumes ${rng.pick(['rose', 'fell', 'were little changed'])} to ${m.volumeMillions} million shares in the ready market, against ${thousands(m.volumeMillions * rng.decimal(0.8, 1.25, 2))} million in the previous session, while traded value stood at Rs${fixed(m.valueBillions, 2)} billion.`,
        `Shares of ${m.advancers + m.decliners + rng.int(10, 30)} companies changed hands; ${m.advancers} advanced, ${m.decliners} declined and the rest were unchanged.`,
        `${first?.name ?? 'OGDC'} (${first?.symbol}) was among the most active scrips, ${rose(m.kse100Change, 'adding', 'shedding')} Rs${fixed(rng.decimal(0.2, 3.5, 2), 2)} to Rs${fixed(first?.price ?? 50, 2)}.`,
        `${SECTOR_WORDS[second?.sector ?? 'banking']} and ${SECTOR_WORDS[third?.sector ?? 'cement']} counters ${up ? 'contributed the most points' : 'dragged the index the most'}, led by ${second?.symbol} and ${third?.symbol}.`,
        `The KSE-30 index ${rose(m.kse30Change, 'rose', 'fell')} ${fixed(Math.abs(m.kse30Change), 1)} points to ${thousands(m.kse30)}.`,
        `${analyst.name} said the market was ${up ? 'responding to improving macroeconomic signals' : 'nervous ahead of key economic data'}, adding that investors were watching the rupee and the next monetary policy meeting closely.`,
        `Foreign investors were net ${rng.pick(['buyers', 'sellers'])} of about $${fixed(rng.decimal(0.3, 4.8, 2), 2)} million worth of shares, according to provisional figures from the National Clearing Company.`,
        `In the interbank market the rupee settled at ${fixed(m.rupee, 2)} per dollar, ${m.rupeeGainPaisa >= 0 ? 'a gain' : 'a loss'} of ${Math.abs(m.rupeeGainPaisa)} paisa.`,
        `Brokers expect the index to ${rng.pick(['test resistance', 'consolidate', 'stay range-bound', 'remain volatile'])} near the ${thousands(Math.round(m.kse100 / 500) * 500)} level in coming sessions.`,
      ],
      subheading: rng.pick(['Sector performance', 'Volumes and breadth', 'Outlook']),
      quote: analystQuote(rng, analyst, 'the market'),
    }),
  };
}

function rupeeCloseStory(ctx: StoryContext) {
  const { rng, market: m } = ctx;
  const gained = m.rupeeGainPaisa >= 0;
  const paisa = Math.abs(m.rupeeGainPaisa);
  const analyst = pickAnalyst(rng);
  return {
    headline: gained
      ? rng.pick([
          `Rupee firms ${paisa} paisa, closes at ${fixed(m.rupee, 2)} per dollar`,
          `Rupee edges up to ${fixed(m.rupee, 2)} in interbank trade`,
        ])
      : rng.pick([
          `Rupee slips ${paisa} paisa to ${fixed(m.rupee, 2)} against dollar`,
          `Dollar gains ground, rupee ends at ${fixed(m.rupee, 2)}`,
        ]),
    summary: `The rupee ${gained ? 'gained' : 'lost'} ${paisa} paisa in the interbank market on ${ctx.weekday}.`,
    dateline: 'KARACHI',
    byline: staff(rng.pick(DESK_BYLINES)),
    tags: [tagSpelling(rng, 'Rupee', ['rupee', 'RUPEE']), 'Dollar', 'SBP', 'Interbank'],
    body: assembleBody(rng, {
      lead: [
        `The Pakistani rupee ${gained ? 'appreciated' : 'depreciated'} against the US dollar on ${ctx.weekday}, closing at ${fixed(m.rupee, 2)} in the interbank market, according to the State Bank of Pakistan.`,
        `The currency ${gained ? 'gained' : 'lost'} ${paisa} paisa, or ${fixed((paisa / 100 / m.rupee) * 100, 2)} percent, over the session.`,
      ],
      pool: [
        `In the open market, exchange companies quoted the dollar at Rs${fixed(m.openMarketRupee, 2)} for selling.`,
        `Currency dealers said ${gained ? 'export proceeds and remittance inflows eased pressure' : 'import payments and corporate demand for dollars weighed'} on the local unit.`,
        `${analyst.description}, said the currency would take its cue from ${rng.pick(['the reserve position', 'progress with the IMF', 'oil prices', 'the current account'])} in the weeks ahead.`,
        `The central bank's liquid foreign exchange reserves stood at $${fixed(rng.decimal(3.1, 9.8, 2), 2)} billion at the end of last week.`,
        `The gap between interbank and open-market rates, which the central bank watches closely, was about Rs${fixed(m.openMarketRupee - m.rupee, 2)}.`,
        `Against other currencies the rupee was mixed, firming against the euro while softening against the pound and the dirham.`,
        `Treasurers said month-end payments by oil marketing companies ${rng.pick(['were still pending', 'had largely been met', 'were being spread over several days'])}.`,
      ],
      subheading: 'Open market',
      quote: analystQuote(rng, analyst, 'the rupee'),
    }),
  };
}

function weekReviewStory(ctx: StoryContext) {
  const { rng, market: m } = ctx;
  const weekly = rng.int(-1400, 1600);
  const pick = rng.pick(LISTED_COMPANIES);
  const analyst = pickAnalyst(rng);
  return {
    headline: rng.pick([
      `Week in review: KSE-100 ends week at ${thousands(m.kse100)}`,
      `PSX weekly: index ${rose(weekly, 'adds', 'sheds')} ${thousands(Math.abs(weekly))} points over five sessions`,
      `Market week: ${rose(weekly, 'buyers', 'sellers')} hold sway as KSE-100 settles at ${thousands(m.kse100)}`,
    ]),
    summary: `The benchmark index ${rose(weekly, 'gained', 'lost')} ${thousands(Math.abs(weekly))} points over the week to close at ${thousands(m.kse100)}.`,
    dateline: 'KARACHI',
    byline: staff(rng.pick(DESK_BYLINES)),
    tags: ['KSE-100', 'PSX', pick.symbol, tagSpelling(rng, 'Stocks', ['stocks'])],
    body: assembleBody(rng, {
      lead: [
        `The stock market ${rose(weekly, 'closed the week higher', 'ended the week lower')}, with the KSE-100 index ${rose(weekly, 'adding', 'losing')} ${thousands(Math.abs(weekly))} points across five sessions to finish at ${thousands(m.kse100)}.`,
      ],
      pool: [
        `Average daily volumes came in at ${m.volumeMillions} million shares, ${rng.pick(['up', 'down'])} ${rng.int(3, 28)} percent from the previous week.`,
        `${pick.name} (${pick.symbol}) drew the most interest, ending the week at Rs${fixed(pick.price, 2)}.`,
        `Analysts said the week was shaped by ${rng.pick(['the IMF review', 'the monetary policy outlook', 'corporate results', 'the rupee'])} and by thin foreign participation.`,
        `${analyst.name} expects next week to hinge on ${rng.pick(['inflation data', 'the T-bill auction', 'oil prices', 'the external account'])}.`,
        `Market capitalisation ${rose(weekly, 'rose', 'fell')} to about Rs${fixed(rng.decimal(6.1, 7.4, 2), 2)} trillion.`,
        `The KSE-30 index finished the week at ${thousands(m.kse30)}.`,
        `${SECTOR_WORDS[pick.sector]} shares were the week's ${rose(weekly, 'best', 'worst')} performers.`,
        `Foreign investors were net ${rng.pick(['buyers', 'sellers'])} for the week, the National Clearing Company's data showed.`,
      ],
      subheading: 'Next week',
      quote: analystQuote(rng, analyst, 'the market'),
    }),
  };
}
