import { analystQuote, pickAnalyst } from './analystVoice.js';
import {
  assembleBody,
  fixed,
  hundredths,
  nonZero,
  type Story,
  type StoryContext,
  staff,
  tagSpelling,
} from './storyKit.js';
import { DESK_BYLINES, LISTED_COMPANIES, SECTOR_WORDS, STAFF_REPORTERS } from './wordBanks.js';

const PERIODS = [
  'the quarter ended September',
  'the half-year ended December',
  'the nine months ended March',
  'the year ended June',
  'the first quarter',
] as const;

/** A listed company's results as filed with the exchange: profit, EPS and a payout. */
export function companyResultStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  // Companies the demo market lists, so the share price quoted is the one its history shows.
  const listed = LISTED_COMPANIES.filter((c) => ctx.session?.stocks.has(c.symbol) ?? false);
  const company = rng.pick(listed.length > 0 ? listed : LISTED_COMPANIES);
  const stock = ctx.session?.stocks.get(company.symbol);
  const period = rng.pick(PERIODS);
  const profitBillions = rng.decimal(0.4, 64, 2);
  const growth = nonZero(rng.int(-45, 120));
  const eps = rng.decimal(0.3, 14, 2);
  const dividend = rng.chance(0.6) ? rng.pick([0.5, 1, 1.5, 2, 2.5, 3, 4, 5]) : 0;
  const up = growth >= 0;
  const analyst = pickAnalyst(rng);
  const sector = SECTOR_WORDS[company.sector];
  const payout =
    dividend > 0 ? `announced a cash dividend of Rs${fixed(dividend, 2)} per share` : 'did not announce a payout';
  const headline = rng.pick([
    `${company.symbol} ${up ? 'profit jumps' : 'profit falls'} ${Math.abs(growth)}pc to Rs${fixed(profitBillions, 2)}bn`,
    `${company.name} posts Rs${fixed(profitBillions, 2)}bn profit for ${period.replace('the ', '')}`,
    `${company.name} earnings ${up ? 'rise' : 'slip'} ${Math.abs(growth)}pc${dividend > 0 ? `, Rs${dividend} payout declared` : ''}`,
    `${company.symbol} ${up ? 'beats' : 'trails'} last year with Rs${fixed(profitBillions, 2)}bn profit`,
    `${period.charAt(4).toUpperCase()}${period.slice(5)}: ${company.name} ${up ? 'grows' : 'cuts'} profit ${Math.abs(growth)}pc`,
    `${company.symbol} results: EPS of Rs${fixed(eps, 2)}${dividend > 0 ? ` and a Rs${dividend} dividend` : ', no payout'}`,
  ]);
  return {
    headline,
    summary: `${company.name} reported earnings per share of Rs${fixed(eps, 2)} for ${period} and ${payout}.`,
    dateline: 'KARACHI',
    byline: staff(rng.chance(0.6) ? rng.pick(DESK_BYLINES) : rng.pick(STAFF_REPORTERS)),
    tags: [
      company.symbol,
      tagSpelling(rng, 'Corporate results', ['corporate results', 'Corporate Results']),
      'PSX',
      sector === 'oil and gas' ? 'Energy' : `${sector.charAt(0).toUpperCase()}${sector.slice(1)} sector`,
    ],
    body: assembleBody(rng, {
      lead: [
        `${company.name} (PSX: ${company.symbol}) reported a net profit of Rs${fixed(profitBillions, 2)} billion for ${period}, ${up ? 'up' : 'down'} ${Math.abs(growth)} percent from the same period a year earlier, according to a filing with the Pakistan Stock Exchange.`,
        `Earnings per share came to Rs${fixed(eps, 2)}. The board ${payout}.`,
      ],
      pool: [
        `Net sales ${up ? 'grew' : 'declined'} to Rs${fixed(profitBillions * rng.decimal(3, 9, 1), 1)} billion, while gross margins ${rng.pick(['widened', 'narrowed', 'held steady'])} at ${rng.int(9, 38)} percent.`,
        `The company said ${up ? 'higher prices and better volumes' : 'higher finance costs and weaker demand'} explained most of the change, with ${rng.pick(['energy costs', 'the exchange rate', 'taxation', 'raw material prices'])} also playing a part.`,
        `Finance costs ${rng.pick(['rose', 'climbed', 'eased'])} ${rng.int(5, 60)} percent as the policy rate stayed high, eating into ${sector} earnings across the board.`,
        `The results were ${rng.pick(['above', 'in line with', 'below'])} market expectations, ${analyst.description}, said in a note to clients.`,
        stock === undefined || ctx.session === null
          ? 'The company announced the results after the market closed.'
          : `${company.symbol} shares closed at Rs${hundredths(stock.close)} on ${ctx.session.weekday}, ahead of the announcement.`,
        `Other income ${rng.pick(['doubled', 'rose', 'fell'])} on returns from treasury investments, the filing showed.`,
        `The effective tax rate stood at ${rng.int(24, 44)} percent, including the super tax on large companies.`,
        `Management told analysts it expected ${rng.pick(['demand to recover gradually', 'margins to stay under pressure', 'capacity expansion to be completed on schedule', 'receivables to improve'])} in the coming quarter.`,
      ],
      subheading: rng.pick(['Margins', 'Payout', 'Analyst view']),
      quote: analystQuote(rng, analyst, `${company.symbol}'s earnings`),
    }),
  };
}
