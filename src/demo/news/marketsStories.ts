import { analystQuote, pickAnalyst } from './analystVoice.js';
import { commodityStory } from './commodityStories.js';
import { companyResultStory } from './companyResults.js';
import type { SessionFigures } from './marketRecord.js';
import {
  assembleBody,
  fixed,
  hundredths,
  rose,
  type Story,
  type StoryContext,
  type StoryWriter,
  staff,
  tagSpelling,
  thousands,
} from './storyKit.js';
import { DESK_BYLINES, LISTED_COMPANIES, SECTOR_WORDS, SESSION_MOMENTS } from './wordBanks.js';

/** Markets desk copy: a session report only on the evening of a session, from that session's own figures. */
export const writeMarketsStory: StoryWriter = (ctx) => {
  const { session } = ctx;
  // On a trading day: the latest closed session, that evening's or (in the morning) the day before's.
  if (session !== null && (ctx.sessionIsToday || !isWeekend(ctx.weekday))) {
    return ctx.rng.pick([indexCloseStory, indexCloseStory, rupeeCloseStory, companyResultStory, commodityStory])(
      ctx,
      session,
    );
  }
  if (session !== null && isWeekend(ctx.weekday)) {
    return ctx.rng.pick([weekReviewStory, companyResultStory, commodityStory])(ctx, session);
  }
  return ctx.rng.pick([companyResultStory, commodityStory, commodityStory])(ctx);
};

function isWeekend(weekday: string): boolean {
  return weekday === 'Saturday' || weekday === 'Sunday';
}

/** A reason copy gives for a move, with the verb forms its number takes. */
interface Driver {
  readonly text: string;
  readonly plural: boolean;
}

const UP_DRIVERS: readonly Driver[] = [
  { text: 'hopes of an IMF tranche', plural: true },
  { text: 'falling bond yields', plural: true },
  { text: 'buying by local mutual funds', plural: false },
  { text: 'a firmer rupee', plural: false },
  { text: 'strong quarterly earnings', plural: true },
  { text: 'bargain hunting in blue chips', plural: false },
  { text: 'talk of a cut in interest rates', plural: false },
];
const DOWN_DRIVERS: readonly Driver[] = [
  { text: 'profit-taking', plural: false },
  { text: 'uncertainty over the IMF review', plural: false },
  { text: 'rising bond yields', plural: true },
  { text: 'foreign selling', plural: false },
  { text: 'worries about the fiscal gap', plural: true },
  { text: 'political noise', plural: false },
  { text: 'margin calls', plural: true },
];

/** "lifts" or "lift", as the driver takes it. */
function agree(driver: Driver, singular: string, plural: string): string {
  return driver.plural ? plural : singular;
}

/** The stock among those named that moved most with (or against) the index. */
function movers(ctx: StoryContext, session: SessionFigures, up: boolean) {
  const listed = LISTED_COMPANIES.filter((company) => session.stocks.has(company.symbol));
  const byMove = [...listed].sort((a, b) => {
    const moveA = session.stocks.get(a.symbol)?.percent ?? 0;
    const moveB = session.stocks.get(b.symbol)?.percent ?? 0;
    return up ? moveB - moveA : moveA - moveB;
  });
  const leaders = byMove.slice(0, 6);
  const first = ctx.rng.pick(leaders);
  const others = ctx.rng.sample(
    leaders.filter((company) => company !== first),
    2,
  );
  return { first, second: others[0] ?? first, third: others[1] ?? first };
}

function indexCloseStory(ctx: StoryContext, session: SessionFigures): Story {
  const { rng } = ctx;
  const { kse100, kse30 } = session;
  const up = kse100.change >= 0;
  const points = thousands(Math.abs(kse100.change) / 100);
  const pct = fixed(Math.abs(kse100.percent), 2);
  const level = thousands(kse100.close / 100);
  const driver = rng.pick(up ? UP_DRIVERS : DOWN_DRIVERS);
  const { first, second, third } = movers(ctx, session, up);
  const firstDay = session.stocks.get(first.symbol);
  const day = session.weekday;
  const headline = up
    ? rng.pick([
        `KSE-100 climbs ${points} points on ${driver.text}`,
        `Stocks extend gains as KSE-100 adds ${points} points`,
        `PSX closes ${pct}pc higher as ${driver.text} ${agree(driver, 'lifts', 'lift')} sentiment`,
        `Bulls in charge: KSE-100 ends ${day} at ${level}`,
        `KSE-100 gains ${pct}pc, ${first.symbol} leads the way`,
        `${day} session: index up ${points} points, ${session.advancers} stocks advance`,
        `Buying returns to PSX; benchmark settles at ${level}`,
        `${driver.text.charAt(0).toUpperCase()}${driver.text.slice(1)} ${agree(driver, 'carries', 'carry')} KSE-100 to ${level}`,
      ])
    : rng.pick([
        `KSE-100 sheds ${points} points amid ${driver.text}`,
        `Bears return to PSX as index loses ${points} points`,
        `Stocks slide ${pct}pc on ${driver.text}`,
        `KSE-100 ends ${day} lower at ${level}`,
        `${driver.text.charAt(0).toUpperCase()}${driver.text.slice(1)} ${agree(driver, 'weighs', 'weigh')} on PSX, index down ${pct}pc`,
        `${day} session: KSE-100 down ${points} points, ${session.decliners} stocks fall`,
        `Selling pressure drags benchmark to ${level}`,
        `${first.symbol} leads decliners as KSE-100 gives up ${points} points`,
      ]);
  const analyst = pickAnalyst(rng);
  const moment = rng.pick(SESSION_MOMENTS);
  const kse30Line =
    kse30.change === 0
      ? `The KSE-30 index was unchanged at ${hundredths(kse30.close)}.`
      : `The KSE-30 index ${rose(kse30.change, 'rose', 'fell')} ${hundredths(Math.abs(kse30.change))} points${orPercent(kse30.percent)} to ${hundredths(kse30.close)}.`;
  return {
    headline,
    summary: `The benchmark KSE-100 index settled at ${hundredths(kse100.close)} on ${day}, ${rose(kse100.change, 'up', 'down')} ${pct} percent.`,
    dateline: 'KARACHI',
    byline: staff(rng.pick(DESK_BYLINES)),
    tags: ['KSE-100', 'PSX', tagSpelling(rng, 'Stocks', ['stocks']), first.symbol],
    body: assembleBody(rng, {
      lead: [
        `The Pakistan Stock Exchange ${up ? 'ended in the green' : 'closed in the red'} on ${day}, with the benchmark KSE-100 index ${rose(kse100.change, 'gaining', 'losing')} ${hundredths(Math.abs(kse100.change))} points, or ${pct} percent, to settle at ${hundredths(kse100.close)}.`,
        `Dealers attributed the move to ${driver.text}. The market ${up ? 'touched its intraday high' : 'fell to its intraday low'} ${moment}, and ${up ? 'held most of the gains' : 'recovered only a little'} into the close.`,
      ],
      pool: [
        `Volumes came to ${fixed(session.volume / 1_000_000, 1)} million shares across the ready market.`,
        `Of the ${session.stocks.size} most active companies, ${session.advancers} advanced, ${session.decliners} declined and ${session.unchanged} were unchanged.`,
        firstDay === undefined
          ? `${first.name} was among the most active scrips.`
          : `${first.name} (${first.symbol}) was among the most active scrips, ${firstDay.change === 0 ? 'closing unchanged at' : `${rose(firstDay.change, 'adding', 'shedding')} Rs${hundredths(Math.abs(firstDay.change))} to`} Rs${hundredths(firstDay.close)}.`,
        `${capitalFirst(SECTOR_WORDS[second.sector])} and ${SECTOR_WORDS[third.sector]} counters ${up ? 'were among the best performers' : 'were among the worst performers'}, led by ${second.symbol} and ${third.symbol}.`,
        kse30Line,
        `${analyst.name} said the market was ${up ? 'responding to improving macroeconomic signals' : 'nervous ahead of key economic data'}, adding that investors were watching the rupee and the next monetary policy meeting closely.`,
        `Foreign investors were net ${rng.pick(['buyers', 'sellers'])}, according to provisional figures from the National Clearing Company.`,
        session.rupee.change === 0
          ? `In the interbank market the rupee was unchanged at ${hundredths(session.rupee.close)} per dollar.`
          : `In the interbank market the rupee settled at ${hundredths(session.rupee.close)} per dollar, ${session.rupee.change < 0 ? 'a gain' : 'a loss'} of ${Math.abs(session.rupee.change)} paisa.`,
        `Brokers expect the index to ${rng.pick(['test resistance', 'consolidate', 'stay range-bound', 'remain volatile'])} in coming sessions.`,
      ],
      subheading: rng.pick(['Sector performance', 'Volumes and breadth', 'Outlook']),
      quote: analystQuote(rng, analyst, 'the market'),
    }),
  };
}

function rupeeCloseStory(ctx: StoryContext, session: SessionFigures): Story {
  const { rng, economy } = ctx;
  const { rupee } = session;
  // The dollar dearer is the rupee weaker.
  const gained = rupee.change <= 0;
  const paisa = Math.abs(rupee.change);
  const rate = hundredths(rupee.close);
  const day = session.weekday;
  const analyst = pickAnalyst(rng);
  const moved =
    paisa === 0
      ? `The rupee closed flat at ${rate} per dollar in the interbank market on ${day}.`
      : `The rupee ${gained ? 'gained' : 'lost'} ${paisa} paisa in the interbank market on ${day}.`;
  return {
    headline:
      paisa === 0
        ? rng.pick([`Rupee flat at ${rate} against the dollar`, `Rupee holds at ${rate} in interbank trade`])
        : gained
          ? rng.pick([
              `Rupee firms ${paisa} paisa, closes at ${rate} per dollar`,
              `Rupee edges up to ${rate} in interbank trade`,
              `Dollar eases, rupee settles at ${rate}`,
              `${day} close: rupee recovers ${paisa} paisa`,
              `Rupee strengthens to ${rate} against the greenback`,
            ])
          : rng.pick([
              `Rupee slips ${paisa} paisa to ${rate} against dollar`,
              `Dollar gains ground, rupee ends at ${rate}`,
              `Rupee weakens to ${rate} in interbank market`,
              `${day} close: rupee sheds ${paisa} paisa`,
              `Greenback firms as rupee closes at ${rate}`,
            ]),
    summary: moved,
    dateline: 'KARACHI',
    byline: staff(rng.pick(DESK_BYLINES)),
    tags: [tagSpelling(rng, 'Rupee', ['rupee', 'RUPEE']), 'Dollar', 'SBP', 'Interbank'],
    body: assembleBody(rng, {
      lead: [
        paisa === 0
          ? `The Pakistani rupee was unchanged against the US dollar on ${day}, closing at ${rate} in the interbank market, according to the State Bank of Pakistan.`
          : `The Pakistani rupee ${gained ? 'appreciated' : 'depreciated'} against the US dollar on ${day}, closing at ${rate} in the interbank market, according to the State Bank of Pakistan.`,
        paisa === 0
          ? 'Dealers said two-way flows kept the currency in a narrow range through the session.'
          : `The currency ${gained ? 'gained' : 'lost'} ${paisa} paisa${orPercent(rupee.percent)} over the session.`,
      ],
      pool: [
        `In the open market, exchange companies quoted the dollar at Rs${hundredths(session.openMarketSelling)} for selling.`,
        `Currency dealers said ${gained ? 'export proceeds and remittance inflows eased pressure' : 'import payments and corporate demand for dollars weighed'} on the local unit.`,
        `${analyst.description}, said the currency would take its cue from ${rng.pick(['the reserve position', 'progress with the IMF', 'oil prices', 'the current account'])} in the weeks ahead.`,
        `The central bank's liquid foreign exchange reserves stood at $${fixed(economy.reservesBefore(ctx.publishedAt), 2)} billion at the end of last week.`,
        `The gap between interbank and open-market rates, which the central bank watches closely, was about Rs${hundredths(Math.abs(session.openMarketSelling - rupee.close))}.`,
        'Against other currencies the rupee was mixed, firming against the euro while softening against the pound and the dirham.',
        `Treasurers said month-end payments by oil marketing companies ${rng.pick(['were still pending', 'had largely been met', 'were being spread over several days'])}.`,
      ],
      subheading: 'Open market',
      quote: analystQuote(rng, analyst, 'the rupee'),
    }),
  };
}

function weekReviewStory(ctx: StoryContext, session: SessionFigures): Story {
  const { rng } = ctx;
  const week = session.kse100Week;
  const points = thousands(Math.abs(week.change) / 100);
  const level = thousands(session.kse100.close / 100);
  const sessions = session.sessionsInWeek;
  const sessionWord =
    sessions === 1 ? 'one session' : `${['', '', 'two', 'three', 'four', 'five'][sessions] ?? sessions} sessions`;
  const pick = rng.pick(LISTED_COMPANIES.filter((company) => session.stocks.has(company.symbol)));
  const pickDay = session.stocks.get(pick.symbol);
  const analyst = pickAnalyst(rng);
  return {
    headline: rng.pick([
      `Week in review: KSE-100 ends week at ${level}`,
      `PSX weekly: index ${rose(week.change, 'adds', 'sheds')} ${points} points over ${sessionWord}`,
      `Market week: ${rose(week.change, 'buyers', 'sellers')} hold sway as KSE-100 settles at ${level}`,
      `KSE-100 ${rose(week.change, 'up', 'down')} ${fixed(Math.abs(week.percent), 2)}pc on the week`,
      `Weekly wrap: benchmark ${rose(week.change, 'gains', 'loses')} ${points} points`,
    ]),
    summary: `The benchmark KSE-100 index ${rose(week.change, 'gained', 'lost')} ${hundredths(Math.abs(week.change))} points over the week to close at ${hundredths(session.kse100.close)}.`,
    dateline: 'KARACHI',
    byline: staff(rng.pick(DESK_BYLINES)),
    tags: ['KSE-100', 'PSX', pick.symbol, tagSpelling(rng, 'Stocks', ['stocks'])],
    body: assembleBody(rng, {
      lead: [
        `The stock market ${rose(week.change, 'closed the week higher', 'ended the week lower')}, with the KSE-100 index ${rose(week.change, 'adding', 'losing')} ${hundredths(Math.abs(week.change))} points, or ${fixed(Math.abs(week.percent), 2)} percent, across ${sessionWord} to finish at ${hundredths(session.kse100.close)} on ${session.weekday}.`,
      ],
      pool: [
        `On the last day of the week ${fixed(session.volume / 1_000_000, 1)} million shares changed hands in the ready market.`,
        pickDay === undefined
          ? `${pick.name} drew the most interest.`
          : `${pick.name} (${pick.symbol}) drew the most interest, ending the week at Rs${hundredths(pickDay.close)}.`,
        `Analysts said the week was shaped by ${rng.pick(['the IMF review', 'the monetary policy outlook', 'corporate results', 'the rupee'])} and by thin foreign participation.`,
        `${analyst.name} expects next week to hinge on ${rng.pick(['inflation data', 'the T-bill auction', 'oil prices', 'the external account'])}.`,
        `The KSE-30 index finished the week at ${hundredths(session.kse30.close)}.`,
        `${capitalFirst(SECTOR_WORDS[pick.sector])} shares were ${rose(week.change, 'among the better', 'among the weaker')} performers.`,
        `Foreign investors were net ${rng.pick(['buyers', 'sellers'])} for the week, the National Clearing Company's data showed.`,
      ],
      subheading: 'Next week',
      quote: analystQuote(rng, analyst, 'the market'),
    }),
  };
}

function capitalFirst(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** ", or 0.42 percent," or nothing when the move rounds to 0.00 %. */
function orPercent(percent: number): string {
  return Math.abs(percent) < 0.005 ? '' : `, or ${fixed(Math.abs(percent), 2)} percent,`;
}
