import type { ArticleDraft } from '../../news/article.js';
import type { DemoComment } from './demoNews.js';
import type { Rng } from './prng.js';

const FIRST_NAMES = [
  'Ali',
  'Sana',
  'Hamza',
  'Mariam',
  'Zeeshan',
  'Aisha',
  'Fahad',
  'Iqra',
  'Danish',
  'Komal',
  'Yasir',
  'Rida',
  'Shoaib',
  'Noor',
  'Talha',
  'Hafsa',
];
const LAST_NAMES = [
  'Khan',
  'Butt',
  'Sheikh',
  'Rizvi',
  'Abbasi',
  'Soomro',
  'Awan',
  'Chaudhry',
  'Shah',
  'Dar',
  'Qureshi',
  'Mengal',
];
const HANDLES = [
  'KarachiInvestor',
  'Lahori Trader',
  'pindi_boy',
  'Overseas Pakistani',
  'Concerned Citizen',
  'Retired Banker',
  'Small Saver',
  'Quetta Wala',
];
const MAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com'];

const REACTIONS = [
  'Good analysis, but the real question is who pays for all this.',
  'We have heard the same promises every year. Show us results.',
  'Finally some good news for a change.',
  'Can the reporter share where the figures came from?',
  'This will hurt salaried people the most, as always.',
  'Markets are running ahead of fundamentals in my view.',
  'Excellent reporting. Please follow up on this next month.',
  'The government should publish the full details rather than a summary.',
  'Exporters have been saying this for years and nobody listens.',
  'I bought at the top, so for me this is still a loss.',
  'Interesting, but what does this mean for ordinary families?',
  'The numbers look better on paper than in the bazaar.',
  'Well written, thank you.',
  'Long-term investors should not worry about one bad day.',
  'Energy costs are the root of the problem. Fix that first.',
];

const CLOSERS = ['', '', ' Just my two paisa.', ' Time will tell.', ' Let us see.', ' Shukriya for the update.'];

// Openers vary the comments further; with the reactions and closers they make some 700 different bodies.
const OPENERS = [
  '',
  '',
  '',
  'Honestly, ',
  'As a reader from abroad: ',
  'Same story every time. ',
  'Agree with the piece. ',
  'Hmm. ',
];

/** Tries at a body nobody has used before falling back to one signed by its writer. */
const BODY_ATTEMPTS = 20;

// Comments that prove the site treats reader text as text: markup, entities, quotes, emoji.
const TRICKY_BODIES = [
  'Rupee < 270 by June? I would not bet on it & neither should you.',
  'The "experts" were wrong again 😂',
  'KSE-100 > 45,000 soon 🚀📈 — mark my words',
  '<script>alert("gotcha")</script> If you can read this tag, the site escapes comments properly.',
  "Profit up 40% & payout of Rs2? That's a <b>bold</b> move.",
  'Tom & Jerry economics: chase, crash, repeat. 🐭🐱',
  'Use &amp; and &lt; all you like, they should show literally.',
  'Inflation “easing” — tell that to my grocery bill 🛒',
  "Don't forget the 'temporary' taxes that never go away.",
  'Pakistan zindabad 🇵🇰 — but please fix the gas supply first!',
];

const MINUTE = 60_000;

/**
 * Reader comments on recent articles: mostly approved, some pending, a few
 * with markup and emoji. Every comment is timed after its article and before
 * `now`.
 */
export function writeDemoComments(
  rng: Rng,
  articles: readonly ArticleDraft[],
  now: Date,
  count: number,
): DemoComment[] {
  const comments: DemoComment[] = [];
  // Each body once, by whoever wrote it first: the same words under two names read as a copied comment.
  const used = new Map<string, string>();
  // Recent stories draw most comments, as they do on a live site.
  const recentStart = Math.floor(articles.length * 0.6);
  for (let i = 0; i < count; i++) {
    const articleIndex =
      rng.chance(0.7) && recentStart < articles.length
        ? rng.int(recentStart, articles.length - 1)
        : rng.int(0, articles.length - 1);
    const article = articles[articleIndex];
    if (article === undefined) continue;
    const published = article.publishedAt.getTime();
    const latest = Math.min(now.getTime() - MINUTE, published + 3 * 24 * 60 * MINUTE);
    const createdAt = new Date(latest <= published ? published : rng.int(published + MINUTE, latest));
    const tricky = i < TRICKY_BODIES.length * 2 && i % 2 === 0;
    const who = commenter(rng);
    const body = tricky ? (TRICKY_BODIES[i / 2] ?? rng.pick(TRICKY_BODIES)) : freshBody(rng, used, who.name);
    used.set(body, who.name);
    comments.push({
      articleIndex,
      ...who,
      body,
      // Tricky comments are approved so the public page has to show them, escaped.
      status: tricky || rng.chance(0.82) ? 'approved' : 'pending',
      createdAt,
    });
  }
  return comments.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

function freshBody(rng: Rng, used: ReadonlyMap<string, string>, name: string): string {
  let body = '';
  for (let attempt = 0; attempt < BODY_ATTEMPTS; attempt++) {
    const reaction = rng.pick(REACTIONS);
    const opener = rng.pick(OPENERS);
    // "Honestly, good analysis": a reaction after an opener ending in a comma goes on in lower case.
    const text =
      opener.endsWith(', ') && !reaction.startsWith('I ')
        ? `${reaction.charAt(0).toLowerCase()}${reaction.slice(1)}`
        : reaction;
    body = `${opener}${text}${rng.pick(CLOSERS)}`;
    const writer = used.get(body);
    if (writer === undefined || writer === name) return body;
  }
  return `${body} (${name})`;
}

function commenter(rng: Rng): { name: string; email: string } {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const name = rng.chance(0.2) ? rng.pick(HANDLES) : `${first} ${last}`;
  const local = `${first}.${last}${rng.int(1, 99)}`.toLowerCase();
  return { name, email: `${local}@${rng.pick(MAIL_DOMAINS)}` };
}
