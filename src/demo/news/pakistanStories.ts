import {
  agency,
  assembleBody,
  type Story,
  type StoryContext,
  type StoryWriter,
  staff,
  tagSpelling,
} from './storyKit.js';
import { STAFF_REPORTERS } from './wordBanks.js';

interface Province {
  readonly name: string;
  readonly capital: string;
  readonly dateline: string;
}

const PROVINCES: readonly Province[] = [
  { name: 'Sindh', capital: 'Karachi', dateline: 'KARACHI' },
  { name: 'Punjab', capital: 'Lahore', dateline: 'LAHORE' },
  { name: 'Khyber Pakhtunkhwa', capital: 'Peshawar', dateline: 'PESHAWAR' },
  { name: 'Balochistan', capital: 'Quetta', dateline: 'QUETTA' },
];

/** Pakistan desk: provinces, weather, courts, utilities. */
export const writePakistanStory: StoryWriter = (ctx) =>
  ctx.rng.pick([cabinetStory, weatherStory, courtStory, utilityStory])(ctx);

const byline = (ctx: StoryContext) => (ctx.rng.chance(0.45) ? agency('APP') : staff(ctx.rng.pick(STAFF_REPORTERS)));

function cabinetStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const p = rng.pick(PROVINCES);
  const scheme = rng.pick([
    'a solar power scheme for public schools',
    'a health insurance card for low-income families',
    'new buses for the provincial capital',
    'a wheat procurement price',
    'a water supply project',
    'a skills programme for young people',
    'the upgrade of district hospitals',
  ]);
  const cost = rng.int(3, 95);
  return {
    headline: rng.pick([
      `${p.name} cabinet approves ${scheme.replace(/^an? /, '')}`,
      `${p.name} to spend Rs${cost}bn on ${scheme.replace(/^an? /, '')}`,
      `${p.name} government clears ${scheme.replace(/^an? /, '')}`,
    ]),
    summary: `The ${p.name} cabinet approved ${scheme} at a meeting in ${p.capital}.`,
    dateline: p.dateline,
    byline: byline(ctx),
    tags: [p.name, 'Provincial government', tagSpelling(rng, 'Development', ['development'])],
    body: assembleBody(rng, {
      lead: [
        `The ${p.name} cabinet on ${ctx.weekday} approved ${scheme}, with an estimated cost of Rs${cost} billion over ${rng.int(2, 5)} years.`,
        `The meeting in ${p.capital} was chaired by the chief minister and attended by provincial ministers and secretaries.`,
      ],
      pool: [
        `A spokesperson said the first phase would begin within ${rng.int(2, 8)} months, once the planning and development department completed its review.`,
        `The cabinet also approved ${rng.int(3, 14)} other agenda items, including the regularisation of contract employees and amendments to procurement rules.`,
        `Officials said the project would be financed partly from the provincial development programme and partly by ${rng.pick(['a development partner', 'a public-private partnership', 'the federal government'])}.`,
        `Opposition members in the ${p.name} Assembly questioned whether the budget could bear the Rs${cost} billion cost given the shortfall in federal transfers.`,
        `The chief minister directed departments to publish progress reports on ${scheme} every ${rng.pick(['quarter', 'month', 'six months'])}.`,
        `Civil society groups in ${p.capital} welcomed the decision but asked for ${rng.pick(['independent monitoring', 'a public audit', 'open tendering'])}.`,
        `About ${rng.int(50, 900)} thousand people are expected to benefit, according to the government's estimates.`,
      ],
      subheading: 'Funding',
    }),
  };
}

function weatherStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const p = rng.pick(PROVINCES);
  const kind = rng.pick(['heavy rain', 'a cold wave', 'dense fog', 'a heatwave', 'snowfall in the hills']);
  const days = rng.int(2, 5);
  return {
    headline: rng.pick([
      `Met Office forecasts ${kind.replace(/^a /, '')} in ${p.name} for ${days} days`,
      `${p.name} braces for ${kind.replace(/^a /, '')}, advisory issued`,
      `Alert in ${p.name} as ${kind.replace(/^a /, '')} expected from ${ctx.weekday}`,
    ]),
    summary: `The Pakistan Meteorological Department warned of ${kind} in parts of ${p.name} over the next ${days} days.`,
    dateline: p.dateline,
    byline: byline(ctx),
    tags: ['Weather', 'PMD', p.name, tagSpelling(rng, 'Climate change', ['climate change'])],
    body: assembleBody(rng, {
      lead: [
        `The Pakistan Meteorological Department has forecast ${kind} in several districts of ${p.name} over the next ${days} days.`,
        `Authorities in ${p.capital} asked residents to ${rng.pick(['avoid unnecessary travel', 'stay indoors during peak hours', 'keep children away from drains'])} and follow advisories issued by the provincial disaster management authority.`,
      ],
      pool: [
        `The minimum temperature in ${p.capital} was recorded at ${rng.int(2, 24)} degrees Celsius and the maximum at ${rng.int(18, 45)} degrees.`,
        `Motorway police said sections of the highway could be closed at night if visibility fell below ${rng.int(30, 100)} metres.`,
        `Farmers were advised to ${rng.pick(['delay sowing', 'protect standing crops', 'schedule irrigation carefully'])} during the period.`,
        `Hospitals in ${p.name} were told to keep emergency wards staffed for ${days} days, the health department said.`,
        `The National Disaster Management Authority said it had placed machinery and relief goods in ${rng.int(4, 20)} vulnerable districts of ${p.name}.`,
        `Experts say spells of ${kind.replace(/^a /, '')} have become ${rng.pick(['more frequent', 'more intense', 'harder to predict'])}, pointing to the need for better early-warning systems.`,
        `Power utilities in ${p.name} warned of possible feeder trips during the ${kind.replace(/^a /, '')}.`,
      ],
    }),
  };
}

function courtStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const court = rng.pick([
    { name: 'Sindh High Court', dateline: 'KARACHI' },
    { name: 'Lahore High Court', dateline: 'LAHORE' },
    { name: 'Islamabad High Court', dateline: 'ISLAMABAD' },
    { name: 'Peshawar High Court', dateline: 'PESHAWAR' },
    { name: 'Balochistan High Court', dateline: 'QUETTA' },
  ]);
  const matter = rng.pick([
    'the increase in property tax',
    'illegal hydrants',
    'delays in pension payments',
    'encroachments on public parks',
    'fee increases by private schools',
    'the recruitment of teachers',
    'the auction of a state-owned building',
  ]);
  return {
    headline: rng.pick([
      `${court.name} seeks reply on ${matter}`,
      `${court.name} suspends notification on ${matter}`,
      `Petition on ${matter}: ${court.name} issues notices`,
    ]),
    summary: `A bench of the ${court.name} heard a petition on ${matter} and adjourned the case for ${rng.pick(['a week', 'two weeks', 'three weeks', 'four weeks'])}.`,
    dateline: court.dateline,
    byline: staff(rng.pick(STAFF_REPORTERS)),
    tags: ['Courts', court.name, tagSpelling(rng, 'Governance', ['governance'])],
    body: assembleBody(rng, {
      lead: [
        `A ${rng.pick(['two-member', 'division', 'single-member'])} bench of the ${court.name} on ${ctx.weekday} heard a petition concerning ${matter}.`,
        `The bench issued notices to the ${rng.pick(['provincial government', 'local government department', 'advocate general', 'chief secretary'])} and other respondents on the matter of ${matter}, seeking replies within ${rng.int(7, 30)} days.`,
      ],
      pool: [
        `Counsel for the ${rng.int(2, 40)} petitioners argued that the decision on ${matter} had been taken ${rng.pick(['without consultation', 'without legal cover', 'in haste'])} and violated constitutional guarantees.`,
        `A law officer told the court that the government was reviewing ${matter} and needed ${rng.int(2, 6)} more weeks to file a response.`,
        `The bench remarked that authorities ${rng.pick(['must follow the law', 'owed citizens an explanation', 'could not hide behind procedure'])} on ${matter}.`,
        `The court directed the department concerned to submit a compliance report on ${matter}, warning that ${rng.pick(['the secretary', 'senior officials', 'the director general'])} could be summoned in person.`,
        `The hearing was adjourned ${rng.pick(['until a date to be fixed by the office', `for ${rng.pick(['a week', 'two weeks', 'three weeks'])}`, 'until after the vacation'])}.`,
        `Lawyers said ${rng.int(2, 12)} similar petitions on ${matter} were pending before other benches of the ${court.name}.`,
      ],
    }),
  };
}

function utilityStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const p = rng.pick(PROVINCES);
  const hours = rng.int(2, 10);
  const utility = rng.pick(['gas', 'electricity', 'water']);
  return {
    headline: rng.pick([
      `${p.capital} residents face ${hours}-hour ${utility} outages`,
      `${utility.charAt(0).toUpperCase()}${utility.slice(1)} shortfall: ${p.capital} industry seeks relief`,
      `Protest in ${p.capital} over ${utility} supply`,
    ]),
    summary: `Residents and traders in ${p.capital} complained of ${utility} outages of up to ${hours} hours a day.`,
    dateline: p.dateline,
    byline: byline(ctx),
    tags: [tagSpelling(rng, 'Energy crisis', ['energy crisis']), p.capital, 'Utilities'],
    body: assembleBody(rng, {
      lead: [
        `Residents of several neighbourhoods in ${p.capital} said ${utility} supply had been suspended for up to ${hours} hours a day this week.`,
        `Traders in ${rng.pick(['the old city', 'the main bazaar', 'industrial estates', 'shopping centres'])} said the ${utility} outages were hurting business at a time when sales were already weak.`,
      ],
      pool: [
        `A spokesperson for the utility blamed ${rng.pick(['maintenance work', 'a fall in supply from the source', 'line losses and theft', 'unpaid bills'])} and promised normal supply within days.`,
        `Industrial associations in ${p.capital} said export orders worth $${rng.int(10, 300)} million were at risk if ${utility} supply to factories was not restored.`,
        `Residents staged a demonstration outside the utility's regional office on ${ctx.weekday}.`,
        `The ${p.name} government said it had taken up the ${utility} shortage with ${rng.pick(['the federal energy ministry', 'the regulator', "the prime minister's office"])}.`,
        `Officials said circular debt of more than Rs${rng.int(2, 5)} trillion across the energy chain had limited the ability of companies to pay suppliers.`,
        `Consumer groups in ${p.capital} called for ${utility === 'electricity' ? 'an' : 'a'} ${utility} outage schedule to be published ${rng.pick(['in advance', 'every morning', 'online'])}.`,
      ],
    }),
  };
}
