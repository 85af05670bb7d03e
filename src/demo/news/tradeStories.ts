import {
  agency,
  assembleBody,
  fixed,
  nonZero,
  type Story,
  type StoryContext,
  staff,
  tagSpelling,
  thousands,
} from './storyKit.js';
import { STAFF_REPORTERS } from './wordBanks.js';

/** Monthly figures the economy desk turns into copy: exports, remittances, car sales. */
export function tradeStory(ctx: StoryContext): Story {
  return ctx.rng.pick([exportsStory, remittancesStory, autoSalesStory])(ctx);
}

function exportsStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const kind = rng.pick(['Textile exports', 'IT exports', 'Rice exports', 'Merchandise exports', 'Seafood exports']);
  const value = rng.decimal(0.12, 2.9, 2);
  const growth = nonZero(rng.int(-22, 35));
  const months = rng.pick(['first quarter', 'first half', 'seven months', 'eight months', 'ten months']);
  return {
    headline: rng.pick([
      `${kind} ${growth >= 0 ? 'rise' : 'fall'} ${Math.abs(growth)}pc to $${fixed(value, 2)}bn`,
      `${kind} ${growth >= 0 ? 'up' : 'down'} ${Math.abs(growth)}pc in ${months}`,
    ]),
    summary: `${kind} reached $${fixed(value, 2)} billion last month, ${growth >= 0 ? 'up' : 'down'} ${Math.abs(growth)} percent on a year earlier.`,
    dateline: rng.pick(['ISLAMABAD', 'KARACHI', 'LAHORE', 'FAISALABAD']),
    byline: rng.chance(0.5) ? agency('APP') : staff(rng.pick(STAFF_REPORTERS)),
    tags: [tagSpelling(rng, 'Exports', ['exports']), 'Trade deficit', 'PBS'],
    body: assembleBody(rng, {
      lead: [
        `${kind} stood at $${fixed(value, 2)} billion last month, ${growth >= 0 ? 'an increase' : 'a decline'} of ${Math.abs(growth)} percent compared with the same month last year, official data showed.`,
        `Cumulatively, shipments in the ${months} of the fiscal year were ${growth >= 0 ? 'higher' : 'lower'} by ${Math.abs(growth + rng.int(-5, 5))} percent.`,
      ],
      pool: [
        `The overall trade deficit ${rng.pick(['narrowed', 'widened'])} to $${fixed(rng.decimal(1.4, 3.6, 2), 2)} billion for the month as imports ${rng.pick(['fell', 'rose'])}.`,
        `Exporters blamed ${rng.pick(['high energy tariffs', 'delayed sales tax refunds', 'weak orders from Europe', 'the cost of borrowing'])} for squeezing margins.`,
        `An industry association said ${rng.int(10, 40)} percent of installed capacity was idle in some clusters.`,
        `Buyers in the United States and the European Union remain the largest markets, taking more than half of the shipments.`,
        `The commerce ministry said it was working on a new trade policy with incentives for value-added goods.`,
        `Economists noted that the rupee's depreciation had so far done ${rng.pick(['little', 'a good deal'])} to lift export volumes.`,
        `Quantities shipped ${rng.pick(['rose', 'fell'])} more than values, pointing to ${rng.pick(['lower unit prices', 'higher unit prices'])} abroad.`,
      ],
      subheading: 'Markets abroad',
    }),
  };
}

function remittancesStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const value = rng.decimal(1.8, 3.4, 2);
  const growth = nonZero(rng.int(-18, 32));
  const top = rng.pick(['Saudi Arabia', 'the United Arab Emirates', 'the United Kingdom', 'the United States']);
  return {
    headline: rng.pick([
      `Workers' remittances ${growth >= 0 ? 'grow' : 'drop'} ${Math.abs(growth)}pc to $${fixed(value, 2)}bn`,
      `Remittances at $${fixed(value, 2)}bn, ${top.replace('the ', '')} leads inflows`,
    ]),
    summary: `Overseas Pakistanis sent home $${fixed(value, 2)} billion last month, the State Bank said.`,
    dateline: 'KARACHI',
    byline: staff(rng.pick(STAFF_REPORTERS)),
    tags: ['Remittances', 'SBP', tagSpelling(rng, 'Rupee', ['rupee']), 'Overseas Pakistanis'],
    body: assembleBody(rng, {
      lead: [
        `Inflows of workers' remittances amounted to $${fixed(value, 2)} billion last month, ${growth >= 0 ? 'up' : 'down'} ${Math.abs(growth)} percent year-on-year, data from the State Bank of Pakistan showed.`,
      ],
      pool: [
        `${top.charAt(0).toUpperCase()}${top.slice(1)} was the largest source, followed by ${rng.pick(['Saudi Arabia', 'the UAE', 'the UK', 'the US'])}.`,
        `Bankers linked the ${growth >= 0 ? 'rise' : 'fall'} to the gap between interbank and open-market rates, which ${growth >= 0 ? 'narrowed' : 'widened'} during the month.`,
        `At $${fixed(value, 2)} billion a month, remittances ${rng.pick(['cover about a third of the import bill', 'rival merchandise exports', 'remain the biggest cushion for the external account'])}.`,
        `The central bank has offered ${rng.pick(['incentives through banks', 'a points scheme for senders', 'lower fees at exchange companies'])} to move flows away from informal channels.`,
        `Inflows from ${top} usually rise ahead of ${rng.pick(['Ramazan', 'Eidul Fitr', 'Eidul Azha', 'the wedding season'])}, when families send more money home.`,
        `For the fiscal year to date, remittances totalled $${fixed(value * rng.int(5, 10), 1)} billion.`,
      ],
    }),
  };
}

function autoSalesStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const units = rng.int(4200, 19500);
  const growth = nonZero(rng.int(-55, 60));
  return {
    headline: rng.pick([
      `Car sales ${growth >= 0 ? 'rebound' : 'plunge'} ${Math.abs(growth)}pc to ${thousands(units)} units`,
      `Auto sector: ${thousands(units)} cars sold as financing costs ${growth >= 0 ? 'ease' : 'bite'}`,
    ]),
    summary: `Carmakers sold ${thousands(units)} units last month, ${growth >= 0 ? 'up' : 'down'} ${Math.abs(growth)} percent from a year earlier.`,
    dateline: 'KARACHI',
    byline: staff(rng.pick(STAFF_REPORTERS)),
    tags: ['Auto sector', 'PAMA', tagSpelling(rng, 'Car sales', ['car sales']), 'DFML'],
    body: assembleBody(rng, {
      lead: [
        `Car sales ${growth >= 0 ? 'rose' : 'fell'} ${Math.abs(growth)} percent year-on-year to ${thousands(units)} units last month, according to data released by the Pakistan Automotive Manufacturers Association.`,
      ],
      pool: [
        `Motorcycle and rickshaw sales ${rng.pick(['also declined', 'held up better', 'rose'])} to ${thousands(rng.int(70000, 150000))} units.`,
        `Assemblers have ${rng.pick(['shut plants for several days', 'cut shifts', 'resumed full production'])} citing ${rng.pick(['the availability of parts', 'weak bookings', 'letters of credit for imported kits'])}.`,
        `Auto financing has contracted for ${rng.int(6, 20)} straight months as high interest rates deter buyers, central bank data shows.`,
        `Dealers said buyers were shifting to ${rng.pick(['smaller, locally assembled models', 'the used-car market', 'motorcycles', 'imported used vehicles'])}.`,
        `Tractor sales ${rng.pick(['climbed', 'fell'])} ${rng.int(3, 45)} percent on the back of ${rng.pick(['a good wheat crop', 'lower farm incomes'])}.`,
        `Industry officials urged the government to cut taxes on locally made vehicles to revive demand.`,
      ],
    }),
  };
}
