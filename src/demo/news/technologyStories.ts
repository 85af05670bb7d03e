import {
  agency,
  assembleBody,
  capitalise,
  fixed,
  nonZero,
  type Story,
  type StoryContext,
  staff,
  tagSpelling,
} from './storyKit.js';
import { STAFF_REPORTERS } from './wordBanks.js';

const TECH_LISTED = ['TRG', 'NETSOL', 'AVN', 'TELE', 'WTL'] as const;

/** Technology: IT exports, telecoms, fintech. */
export function writeTechnologyStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const subject = rng.pick([
    { what: 'IT and IT-enabled services exports', tag: 'IT exports' },
    { what: 'digital payments through Raast', tag: 'Fintech' },
    { what: 'mobile broadband subscriptions', tag: 'Telecom' },
    { what: 'freelancer earnings', tag: 'Freelancing' },
    { what: 'startup funding', tag: 'Startups' },
  ]);
  const growth = nonZero(rng.int(-15, 48));
  const symbol = rng.pick(TECH_LISTED);
  const value = rng.decimal(0.2, 3.4, 2);
  return {
    headline: rng.pick([
      `${capitalise(subject.what)} ${growth >= 0 ? 'grow' : 'shrink'} ${Math.abs(growth)}pc`,
      `${capitalise(subject.what)} reach $${fixed(value, 2)}bn as ${symbol} ${growth >= 0 ? 'gains' : 'slips'}`,
      `Tech sector: ${subject.what} ${growth >= 0 ? 'up' : 'down'} ${Math.abs(growth)}pc year-on-year`,
    ]),
    summary: `Figures show ${subject.what} ${growth >= 0 ? 'rising' : 'falling'} ${Math.abs(growth)} percent from a year earlier.`,
    dateline: rng.pick(['ISLAMABAD', 'KARACHI', 'LAHORE']),
    byline: rng.chance(0.4) ? agency('APP') : staff(rng.pick(STAFF_REPORTERS)),
    tags: [subject.tag, tagSpelling(rng, 'Technology', ['technology']), symbol],
    body: assembleBody(rng, {
      lead: [
        `${capitalise(subject.what)} ${growth >= 0 ? 'increased' : 'decreased'} ${Math.abs(growth)} percent year-on-year to $${fixed(value, 2)} billion, according to data shared by officials on ${ctx.weekday}.`,
      ],
      pool: [
        `The IT ministry said ${rng.pick(['new software parks', 'tax incentives', 'training schemes'])} had helped, and set a goal of doubling the figure within ${rng.int(3, 6)} years.`,
        `Industry leaders said internet disruptions and slow speeds ${rng.pick(['had cost companies contracts', 'remained a worry for clients abroad'])}.`,
        `Shares of ${symbol} ${growth >= 0 ? 'rose' : 'fell'} ${fixed(rng.decimal(0.3, 7.5, 2), 2)} percent on the stock exchange.`,
        `The telecom regulator counted about ${rng.int(120, 140)} million broadband subscribers at the end of the month.`,
        `A ${rng.pick(['Lahore', 'Karachi', 'Islamabad'])} software house executive said retaining engineers had become harder as skilled workers moved abroad.`,
        `The central bank's instant payment system handled ${rng.int(40, 160)} million transactions during the month.`,
        `Analysts said the spectrum auction planned for ${rng.pick(['later in the year', 'the next fiscal year', 'the coming months'])} would shape ${subject.what}.`,
      ],
      subheading: 'Industry view',
    }),
  };
}
