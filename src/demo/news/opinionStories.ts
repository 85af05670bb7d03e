import type { Rng } from './prng.js';
import {
  assembleBody,
  capitalise,
  type Story,
  type StoryContext,
  type StoryWriter,
  staff,
  tagSpelling,
} from './storyKit.js';
import { COLUMNISTS } from './wordBanks.js';

interface OpinionTopic {
  /** Noun phrase the column argues about. */
  readonly subject: string;
  /** What the column wants done. */
  readonly remedy: string;
  readonly tags: readonly string[];
}

const TOPICS: readonly OpinionTopic[] = [
  {
    subject: 'the narrow tax base',
    remedy: 'taxing retail, property and farm incomes like salaries',
    tags: ['Taxation', 'FBR'],
  },
  {
    subject: 'circular debt',
    remedy: 'paying for subsidies openly in the budget',
    tags: ['Circular debt', 'Energy crisis'],
  },
  { subject: 'the rupee', remedy: 'a credible reserve-building plan', tags: ['Rupee', 'SBP'] },
  {
    subject: 'export competitiveness',
    remedy: 'regionally competitive energy prices for industry',
    tags: ['Exports', 'Textile'],
  },
  {
    subject: 'state-owned enterprises',
    remedy: 'selling or closing the worst loss-makers',
    tags: ['SOEs', 'Privatisation'],
  },
  {
    subject: 'the IMF programme',
    remedy: 'reforms owned at home rather than imposed from abroad',
    tags: ['IMF', 'Pakistan economy'],
  },
  {
    subject: 'the capital market',
    remedy: 'deeper retail participation and better disclosure',
    tags: ['PSX', 'KSE-100'],
  },
  {
    subject: 'food inflation',
    remedy: 'fixing storage and market regulation before the next harvest',
    tags: ['Inflation', 'Agriculture'],
  },
  {
    subject: 'climate resilience',
    remedy: 'spending on drainage and early warning before the floods come',
    tags: ['Climate change', 'Development'],
  },
  { subject: 'IT exports', remedy: 'stable rules for freelancers and startups', tags: ['IT exports', 'Technology'] },
  {
    subject: 'the pension bill',
    remedy: 'moving new hires to contributory schemes',
    tags: ['Pensions', 'Pakistan economy'],
  },
  {
    subject: 'provincial finances',
    remedy: 'making provinces raise more of what they spend',
    tags: ['NFC award', 'Taxation'],
  },
];

const HEADLINE_FORMS: readonly ((t: OpinionTopic, rng: Rng) => string)[] = [
  (t) => `The hard truth about ${t.subject}`,
  (t) => `Why ${t.subject} cannot wait another budget`,
  (t) => `Getting ${t.subject} right`,
  (t) => `${capitalise(t.subject)}: time for honesty`,
  (t, rng) => `${capitalise(t.subject)} and the ${rng.pick(['cost', 'politics', 'arithmetic', 'myths'])} of delay`,
  (t) => `A way out on ${t.subject}`,
  (t, rng) =>
    `${capitalise(t.subject)}: ${rng.pick(['lessons from the region', 'what the numbers say', 'beyond the quick fix', 'a second look'])}`,
];

/** Opinion: signed columns and unsigned editorials, no dateline. */
export const writeOpinionStory: StoryWriter = (ctx: StoryContext): Story => {
  const { rng } = ctx;
  const topic = rng.pick(TOPICS);
  const editorial = rng.chance(0.35);
  const years = rng.int(3, 25);
  const share = rng.int(9, 60);
  return {
    headline: rng.pick(HEADLINE_FORMS)(topic, rng),
    summary: `${editorial ? 'The paper argues' : 'The writer argues'} that ${topic.subject} calls for ${topic.remedy}.`,
    dateline: null,
    byline: staff(editorial ? 'Editorial' : rng.pick(COLUMNISTS)),
    tags: ['Opinion', ...topic.tags.map((tag) => tagSpelling(rng, tag, [tag.toLowerCase()]))],
    body: assembleBody(rng, {
      lead: [
        `Few subjects have been debated as often, and acted on as rarely, as ${topic.subject}. ${rng.pick(['Every government has', 'Each new finance team has', 'Successive administrations have'])} promised change; the numbers have barely moved.`,
      ],
      pool: [
        `The case for ${topic.remedy} is not new. It has appeared in reform plans for at least ${years} years, usually in the chapter nobody reads twice.`,
        `Consider the arithmetic. When roughly ${share} percent of the problem sits with a handful of interests, the rest of the country pays for their comfort through higher prices and thinner public services.`,
        `Critics will say the timing for ${topic.remedy} is wrong. It always is. ${rng.pick(['There is never a quiet year', 'An election is always near', 'Some crisis is always more urgent'])}, and so the hard choice slides into the next budget.`,
        `${rng.pick(['Bangladesh', 'Indonesia', 'Turkey', 'Sri Lanka', 'Egypt', 'Malaysia'])} offers a useful example on ${topic.subject}. Where reform stuck, it was ${rng.pick(['sequenced carefully', 'explained in plain language', 'protected the poorest first', 'backed by every party'])}.`,
        `None of this needs a new ${rng.pick(['commission', 'task force', 'committee', 'white paper'])} on ${topic.subject}. It needs a decision, a timetable and someone willing to be blamed if it slips.`,
        `Business has a part to play in ${topic.subject} too. ${rng.pick(['Firms that lobby hardest for exemptions', 'Chambers that demand relief every budget', 'Sectors that enjoy protection'])} are often the first to complain about the gap those favours create.`,
        `On ${topic.subject}, the ${rng.pick(['central bank and the finance ministry', 'federal and provincial governments', 'regulators and ministries'])} must also speak with one voice; mixed signals cost more than any single mistake.`,
        `Markets reward credibility more than cleverness. A modest plan for ${topic.subject} delivered ${rng.pick(['on time', 'within one fiscal year', 'before the next review'])} does more for confidence than an ambitious one abandoned halfway.`,
        `Parliament, for its part, should hold ${rng.pick(['public hearings', 'committee sessions in the open', 'a full debate'])} on ${topic.subject}, so that the argument rests on facts rather than on slogans.`,
        `The alternative on ${topic.subject} is familiar: another round of stop-gap measures, another ${rng.pick(['bailout', 'emergency package', 'set of promises'])}, and the same debate a year from now.`,
        `If ${topic.subject} is finally to improve, it will be because ${topic.remedy} stopped being a slogan and became a line in the budget with a name beside it.`,
      ],
      subheading: rng.pick(['What should change', 'The cost of waiting', 'A practical agenda']),
    }),
  };
};
