import { agency, assembleBody, type Story, type StoryContext, tagSpelling } from './storyKit.js';

/** Diplomacy and the war in Ukraine: the tag pool includes the reference page's mixed-case spelling. */
export function warStory(ctx: StoryContext): Story {
  const { rng } = ctx;
  const venue = rng.pick([
    { city: 'KYIV', place: 'Kyiv' },
    { city: 'BRUSSELS', place: 'Brussels' },
    { city: 'GENEVA', place: 'Geneva' },
    { city: 'ISTANBUL', place: 'Istanbul' },
    { city: 'WASHINGTON', place: 'Washington' },
    { city: 'BEIJING', place: 'Beijing' },
    { city: 'NEW YORK', place: 'New York' },
  ]);
  const topic = rng.pick([
    'grain shipments across the Black Sea',
    'air defence supplies',
    'a prisoner exchange',
    'sanctions on energy exports',
    'the safety of nuclear plants',
    'reconstruction funding',
    'frozen central bank assets',
  ]);
  const countries = rng.int(6, 48);
  return {
    headline: rng.pick([
      `Talks in ${venue.place} focus on ${topic}`,
      `${countries} nations back plan on ${topic}`,
      `Diplomats meet in ${venue.place} over ${topic}`,
      `Envoys split over ${topic.replace(/^an? /, '')} as war drags on`,
    ]),
    summary: `Officials meeting in ${venue.place} discussed ${topic}, with no agreement on a timetable.`,
    dateline: venue.city,
    byline: agency(rng.pick(['AFP', 'Reuters'])),
    tags: [
      tagSpelling(rng, 'Russia Ukraine war', ['RUssia Ukraine war', 'Russia Ukraine War', 'russia ukraine war']),
      'Ukraine',
      tagSpelling(rng, 'Diplomacy', ['diplomacy']),
    ],
    body: assembleBody(rng, {
      lead: [
        `Officials from ${countries} countries met in ${venue.place} on ${ctx.weekday} to discuss ${topic}, as fighting continued along the front line in eastern Ukraine.`,
        `Delegates described the session as ${rng.pick(['businesslike', 'difficult', 'useful but inconclusive', 'the most productive in months'])}, and agreed to ${rng.pick(['meet again at a date yet to be set', `set up a working group on ${topic}`, 'report back to ministers within a month'])}.`,
      ],
      pool: [
        `A senior diplomat who attended said the gap between the main parties on ${topic} remained wide.`,
        `Ukrainian officials said attacks on energy infrastructure had left ${rng.int(20, 400)} thousand households without power overnight.`,
        `Moscow ${rng.pick(['did not send a delegation', 'sent only a junior diplomat', 'was not invited'])}, and its foreign ministry ${rng.pick(['dismissed the gathering as a show', `called the proposals on ${topic} unrealistic`, 'said it would study any written text'])}.`,
        `Aid agencies warned that ${rng.int(2, 9)} million civilians near the front needed ${rng.pick(['shelter', 'heating fuel', 'medical supplies', 'food aid'])} ${rng.pick(['as winter approached', 'after a new wave of strikes', 'with roads to the east cut'])}.`,
        `Wheat and fertiliser prices, which matter for import-dependent countries in Asia and Africa, ${rng.pick(['ticked up', 'eased', 'were steady'])} after the talks.`,
        `Several governments pledged new aid for Ukraine, bringing commitments announced this year to about ${rng.int(2, 40)} billion dollars.`,
        `Observers in ${venue.place} said any progress on ${topic} would depend on ${rng.pick(['guarantees that neither side was ready to give', 'verification that nobody yet knew how to provide', 'financing that donors had not yet found'])}.`,
        `The ${venue.place} meeting was the ${rng.pick(['second', 'third', 'fourth', 'fifth'])} this year to take up ${topic}.`,
      ],
      subheading: 'Humanitarian concerns',
      quote: {
        text: rng.pick([
          'Nobody left the room satisfied, which in this kind of negotiation is sometimes a sign of movement.',
          'We came to listen as much as to talk. The details will take weeks, not days.',
          'Every month without an agreement costs lives and money. Both are running short.',
        ]),
        attribution: rng.pick(['A European diplomat', 'A UN official', 'An Asian delegate', 'A Turkish official']),
      },
    }),
  };
}
