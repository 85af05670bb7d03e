import { pickAnalyst } from './analystVoice.js';
import {
  agency,
  assembleBody,
  fixed,
  rose,
  type Story,
  type StoryContext,
  staff,
  tagSpelling,
  thousands,
} from './storyKit.js';
import { DESK_BYLINES } from './wordBanks.js';

/** Gold at home or oil abroad; weekend-safe because neither depends on a PSX session. */
export function commodityStory(ctx: StoryContext): Story {
  return ctx.rng.chance(0.5) ? goldStory(ctx) : oilStory(ctx);
}

function goldStory(ctx: StoryContext): Story {
  const { rng, market: m } = ctx;
  const change = m.goldChange;
  const tenGram = Math.round(m.goldPerTola / 1.1664);
  const headline =
    change === 0
      ? rng.pick([
          `Gold steady at Rs${thousands(m.goldPerTola)} per tola`,
          `Gold unchanged at Rs${thousands(m.goldPerTola)} as jewellers wait`,
        ])
      : rng.pick([
          `Gold ${rose(change, 'rises', 'falls')} Rs${thousands(Math.abs(change))} per tola to Rs${thousands(m.goldPerTola)}`,
          `Gold price ${rose(change, 'up', 'down')} Rs${thousands(Math.abs(change))}, tola at Rs${thousands(m.goldPerTola)}`,
        ]);
  return {
    headline,
    summary: `Twenty-four karat gold was quoted at Rs${thousands(m.goldPerTola)} per tola on ${ctx.weekday}.`,
    dateline: 'KARACHI',
    byline: staff(rng.pick(DESK_BYLINES)),
    tags: [tagSpelling(rng, 'Gold', ['gold']), 'Bullion', 'Commodities'],
    body: assembleBody(rng, {
      lead: [
        `The price of 24-karat gold ${change === 0 ? 'held' : rose(change, 'climbed', 'eased')} ${change === 0 ? 'steady' : `by Rs${thousands(Math.abs(change))}`} per tola on ${ctx.weekday}, settling at Rs${thousands(m.goldPerTola)}, according to the jewellers' association.`,
        `Ten grams of gold were quoted at Rs${thousands(tenGram)}.`,
      ],
      pool: [
        `In the international market bullion traded at about $${thousands(rng.int(1820, 2450))} an ounce, ${rng.pick(['with a premium of $20 charged locally', 'as traders weighed US interest rate expectations', 'helped by a softer dollar'])}.`,
        `Silver was ${rng.pick(['unchanged', 'marginally higher', 'slightly lower'])} at Rs${thousands(rng.int(2100, 2600))} per tola.`,
        `Jewellers said demand was ${rng.pick(['subdued outside the wedding season', 'picking up ahead of the wedding season', 'mostly from investors rather than households'])}.`,
        `The local price tracks the international rate and the rupee, so a weaker currency tends to push it higher even when world prices are flat.`,
        `Traders noted that the gap between Karachi and Dubai prices had ${rng.pick(['narrowed', 'widened'])} over the week.`,
        `Households have increasingly treated gold as a hedge against inflation, dealers said.`,
      ],
    }),
  };
}

function oilStory(ctx: StoryContext): Story {
  const { rng, market: m } = ctx;
  const move = m.brentChangePercent === 0 ? 0.01 : m.brentChangePercent;
  const city = rng.pick(['LONDON', 'SINGAPORE', 'NEW YORK', 'HOUSTON']);
  const reason = rng.pick(
    move >= 0
      ? [
          'supply cuts by producers',
          'signs of stronger Chinese demand',
          'a fall in US crude stocks',
          'shipping disruption',
        ]
      : ['worries about global demand', 'a stronger dollar', 'a rise in US inventories', 'easing supply concerns'],
  );
  const analyst = pickAnalyst(rng);
  return {
    headline: rng.pick([
      `Oil ${rose(move, 'climbs', 'slips')} as traders weigh ${reason}`,
      `Brent ${rose(move, 'rises', 'falls')} to $${fixed(m.brent, 2)} on ${reason}`,
      `Crude ${rose(move, 'firms', 'eases')} ${fixed(Math.abs(move), 1)}pc amid ${reason}`,
    ]),
    summary: `Brent crude futures ${rose(move, 'gained', 'lost')} ${fixed(Math.abs(move), 2)} percent to $${fixed(m.brent, 2)} a barrel.`,
    dateline: city,
    byline: agency(rng.pick(['Reuters', 'Reuters', 'AFP'])),
    tags: [tagSpelling(rng, 'Oil prices', ['oil prices', 'Oil Prices']), 'Brent', 'Commodities', 'OPEC'],
    body: assembleBody(rng, {
      lead: [
        `Oil prices ${rose(move, 'rose', 'fell')} on ${ctx.weekday}, with Brent crude futures ${rose(move, 'up', 'down')} ${fixed(Math.abs(move), 2)} percent at $${fixed(m.brent, 2)} a barrel, as markets weighed ${reason}.`,
        `US West Texas Intermediate crude traded at $${fixed(m.brent - rng.decimal(3, 6, 2), 2)}.`,
      ],
      pool: [
        `Producers in the OPEC+ group have kept output targets under review, and traders expect ${rng.pick(['no change', 'a modest increase', 'a further cut'])} at the next meeting.`,
        `Refining margins in Asia ${rng.pick(['improved', 'weakened', 'were steady'])}, suggesting ${rng.pick(['healthy', 'softer', 'uneven'])} fuel demand in the region.`,
        `Official data showed US crude inventories ${rng.pick(['rose', 'fell'])} by ${fixed(rng.decimal(0.5, 6.5, 1), 1)} million barrels last week.`,
        `${analyst.name}, an analyst, said prices were likely to stay in a range of $${rng.int(70, 78)} to $${rng.int(86, 95)} until the demand picture cleared.`,
        `For importers such as Pakistan, every $10 rise in the oil price adds roughly $${fixed(rng.decimal(1.5, 2.5, 1), 1)} billion a year to the import bill, economists estimate.`,
        `The dollar index ${rng.pick(['edged up', 'slipped', 'was flat'])}, ${rng.pick(['making', 'keeping'])} dollar-priced commodities ${rng.pick(['dearer', 'cheaper'])} for holders of other currencies.`,
        `Hedge funds cut their net long positions for a ${rng.pick(['second', 'third', 'fourth'])} straight week, exchange data showed.`,
      ],
      subheading: 'Supply and demand',
    }),
  };
}
