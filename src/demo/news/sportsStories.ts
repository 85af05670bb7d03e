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

const OPPONENTS = [
  'Australia',
  'England',
  'New Zealand',
  'South Africa',
  'Sri Lanka',
  'Bangladesh',
  'West Indies',
  'Afghanistan',
  'Zimbabwe',
  'Ireland',
];
const VENUES = [
  { city: 'LAHORE', ground: 'Gaddafi Stadium' },
  { city: 'KARACHI', ground: 'National Stadium' },
  { city: 'RAWALPINDI', ground: 'Pindi Cricket Stadium' },
  { city: 'MULTAN', ground: 'Multan Cricket Stadium' },
  { city: 'DUBAI', ground: 'Dubai International Stadium' },
  { city: 'MELBOURNE', ground: 'the MCG' },
  { city: 'LONDON', ground: 'the Oval' },
];
const FORMATS = ['T20 international', 'one-day international', 'Test'] as const;

/** Sports desk: cricket mostly, with hockey and squash. */
export const writeSportsStory: StoryWriter = (ctx) =>
  ctx.rng.pick([cricketStory, cricketStory, cricketStory, otherSportStory])(ctx);

function cricketStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const opponent = rng.pick(OPPONENTS);
  const venue = rng.pick(VENUES);
  const format = rng.pick(FORMATS);
  const won = rng.chance(0.55);
  const runs = format === 'T20 international' ? rng.int(120, 215) : rng.int(210, 360);
  const margin = rng.chance(0.5) ? `${rng.int(2, 9)} wickets` : `${rng.int(3, 95)} runs`;
  const [winner, loser] = won ? ['Pakistan', opponent] : [opponent, 'Pakistan'];
  return {
    headline: rng.pick([
      `${winner} beat ${loser} by ${margin} in ${format}`,
      `${won ? 'Pakistan seal' : `${opponent} hand Pakistan`} ${margin} ${won ? 'win' : 'defeat'} at ${venue.ground.replace(/^the /, '')}`,
      `${winner} chase down ${runs} to edge ${loser}`,
    ]),
    summary: `${winner} won the ${format} against ${loser} at ${venue.ground} by ${margin}.`,
    dateline: venue.city,
    byline: rng.chance(0.6) ? agency(rng.pick(['AFP', 'Reuters', 'APP'])) : staff(rng.pick(STAFF_REPORTERS)),
    tags: [tagSpelling(rng, 'Cricket', ['cricket', 'CRICKET']), 'Pakistan cricket', opponent],
    body: assembleBody(rng, {
      lead: [
        `${winner} defeated ${loser} by ${margin} in the ${format} at ${venue.ground} on ${ctx.weekday}.`,
        `Batting first, ${loser} were ${rng.chance(0.5) ? 'bowled out' : 'restricted'} for ${runs - rng.int(1, 40)}, a total the bowlers kept in check after a ${rng.pick(['brisk', 'steady', 'shaky'])} start.`,
      ],
      pool: [
        `The opening pair put on ${rng.int(12, 140)} runs before the first wicket fell, setting up the chase.`,
        `A left-arm seamer finished with ${rng.int(2, 5)} wickets for ${rng.int(18, 55)} runs, his best figures of the season.`,
        `The ${winner === 'Pakistan' ? 'winning' : 'Pakistan'} captain said the side had ${rng.pick(['executed its plans well', 'made too many mistakes in the field', 'kept its nerve at the end'])}.`,
        `A crowd of about ${rng.int(8, 30)} thousand watched the match, which was delayed by ${rng.int(10, 50)} minutes because of ${rng.pick(['rain', 'a wet outfield', 'bad light'])}.`,
        `The ${rng.pick(['middle order', 'tail', 'top order'])} ${rng.pick(['collapsed', 'held firm', 'wobbled'])} in the final overs, adding to the drama.`,
        `Selectors are expected to ${rng.pick(['keep the same squad', 'make changes', 'rest two fast bowlers'])} for the next match against ${opponent}.`,
        `Fielding again proved decisive at ${venue.ground}, with ${rng.int(1, 4)} catches dropped ${rng.pick(['in the deep', 'in the slips', 'at point'])}.`,
        `The series stands at ${rng.int(1, 2)}-${rng.int(0, 1)} with ${rng.pick(['one match', 'two matches', 'three matches'])} to play.`,
      ],
      subheading: 'Key moments',
    }),
  };
}

function otherSportStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const sport = rng.pick([
    { name: 'Hockey', event: 'the Asian Champions Trophy', city: 'KARACHI' },
    { name: 'Squash', event: 'an international open', city: 'ISLAMABAD' },
    { name: 'Football', event: 'a World Cup qualifier', city: 'ISLAMABAD' },
    { name: 'Athletics', event: 'an Asian meet', city: 'LAHORE' },
  ]);
  const round = rng.pick(['quarter-finals', 'semi-finals', 'final', 'opening round']);
  const won = rng.chance(0.5);
  return {
    headline: rng.pick([
      `Pakistan ${won ? 'advance' : 'bow out'} in ${sport.name.toLowerCase()} ${round}`,
      `${sport.name}: ${won ? 'home hopes rise' : 'disappointment'} at ${sport.event.replace(/^(an?|the) /, '')} ${round}`,
    ]),
    summary: `Pakistan ${won ? 'progressed from' : 'went out in'} the ${round} of ${sport.event}.`,
    dateline: sport.city,
    byline: rng.chance(0.5) ? agency('APP') : staff(rng.pick(STAFF_REPORTERS)),
    tags: [sport.name, tagSpelling(rng, 'Pakistan sports', ['pakistan sports'])],
    body: assembleBody(rng, {
      lead: [
        `Pakistan ${won ? 'won' : 'lost'} their ${round} match at ${sport.event} on ${ctx.weekday}, ${won ? 'raising hopes of a first medal in years' : 'ending their campaign'}.`,
      ],
      pool: [
        `The coach said the team had ${won ? 'grown in confidence with every match' : 'paid for lapses in concentration'}.`,
        `Officials of the national federation said funding for training camps remained a problem.`,
        `A young player who made his debut this season was named player of the match.`,
        `Supporters gathered at the venue despite ${rng.pick(['the cold', 'the heat', 'heavy traffic'])}.`,
        `The federation plans to hold trials for the next squad within ${rng.int(2, 6)} weeks.`,
        `Former players called for a domestic league to give athletes regular competition.`,
      ],
    }),
  };
}
