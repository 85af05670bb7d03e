/**
 * How likely a reader comment is to be spam, so moderators read the likely
 * good comments first and can clear the junk in bulk. A score, not a verdict:
 * nothing is rejected automatically, and every signal is listed so a
 * moderator can see why a comment sank.
 *
 * Weights (points added to the score; higher is more likely spam):
 *   link        20 per URL or bare web address, at most 3 counted (60)
 *   duplicate   35 when the same body (case and spacing ignored) was posted
 *               recently by anyone — copy-paste campaigns
 *   repeated    15 when one character runs 6+ times ("!!!!!!", "aaaaaa")
 *   spamWord    15 per known spam word or phrase, at most 3 counted (45)
 *   shouting    15 when most letters are capitals (12+ letters, ≥ 70% caps)
 *   busyAddress 10 per other recent comment from the same address beyond
 *               the first two, at most 40 — one address flooding threads
 * A score of 0 has no signals; SPAM_LIKELY marks where the queue shows a warning.
 */

/** Score at or above which the moderation queue flags a comment as likely spam. */
export const SPAM_LIKELY = 40;

export const SPAM_WEIGHTS = {
  link: 20,
  duplicate: 35,
  repeated: 15,
  spamWord: 15,
  shouting: 15,
  busyAddress: 10,
} as const;

const MAX_LINKS_COUNTED = 3;
const MAX_SPAM_WORDS_COUNTED = 3;
const MAX_BUSY_POINTS = 40;
/** Comments from one address that are normal in the context window (a reply and a follow-up). */
const FREE_COMMENTS_PER_ADDRESS = 2;
const REPEATED_RUN = 6;
const SHOUTING_MIN_LETTERS = 12;
const SHOUTING_SHARE = 0.7;

/**
 * Words and phrases that, in the paper's own moderation history, almost only
 * appear in spam. Matched as whole words, case-insensitively.
 */
export const SPAM_WORDS: readonly string[] = [
  'casino',
  'viagra',
  'crypto giveaway',
  'free money',
  'work from home',
  'earn $',
  'guaranteed profit',
  'double your',
  'click here',
  'whatsapp me',
  'loan offer',
  'forex signals',
  'binary options',
  'betting tips',
];

/** The part of a comment the score reads. */
export interface SpamCandidate {
  readonly id: number;
  readonly body: string;
  readonly ip: string;
}

/** Other comments posted around the same time (typically the last 24 hours), the candidate may be among them. */
export interface SpamContext {
  readonly recent: readonly SpamCandidate[];
}

export type SpamSignal = keyof typeof SPAM_WEIGHTS;

export interface SpamAssessment {
  readonly score: number;
  /** Each signal that fired with the points it added, largest first. */
  readonly reasons: readonly { readonly signal: SpamSignal; readonly points: number }[];
}

const URL_PATTERN =
  /\bhttps?:\/\/\S+|\bwww\.\S+|\b[a-z0-9-]+\.(?:com|net|org|io|xyz|top|info|biz|ru|pk|co)\b(?:\/\S*)?/gi;

export function spamScore(comment: SpamCandidate, context: SpamContext): SpamAssessment {
  const reasons: { signal: SpamSignal; points: number }[] = [];
  const add = (signal: SpamSignal, points: number) => {
    if (points > 0) reasons.push({ signal, points });
  };

  const links = comment.body.match(URL_PATTERN)?.length ?? 0;
  add('link', Math.min(links, MAX_LINKS_COUNTED) * SPAM_WEIGHTS.link);

  const fingerprint = bodyFingerprint(comment.body);
  const others = context.recent.filter((other) => other.id !== comment.id);
  if (fingerprint !== '' && others.some((other) => bodyFingerprint(other.body) === fingerprint)) {
    add('duplicate', SPAM_WEIGHTS.duplicate);
  }

  if (hasRepeatedRun(comment.body)) add('repeated', SPAM_WEIGHTS.repeated);

  const words = spamWordsIn(comment.body);
  add('spamWord', Math.min(words.length, MAX_SPAM_WORDS_COUNTED) * SPAM_WEIGHTS.spamWord);

  if (isShouting(comment.body)) add('shouting', SPAM_WEIGHTS.shouting);

  const fromSameAddress = others.filter((other) => other.ip === comment.ip).length;
  const busy = Math.max(0, fromSameAddress + 1 - FREE_COMMENTS_PER_ADDRESS);
  add('busyAddress', Math.min(busy * SPAM_WEIGHTS.busyAddress, MAX_BUSY_POINTS));

  reasons.sort((a, b) => b.points - a.points);
  return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons };
}

/** The body with case, punctuation and spacing dropped: trivially altered copies still match. */
export function bodyFingerprint(body: string): string {
  return body
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Known spam words found in `body`, each once. */
export function spamWordsIn(body: string): string[] {
  const text = ` ${body.toLowerCase().replace(/\s+/g, ' ')} `;
  return SPAM_WORDS.filter((word) => {
    const at = text.indexOf(word);
    if (at < 0) return false;
    // Whole words only: "casinos" counts, "occasion" must not match "casino" mid-word.
    return !/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ');
  });
}

function hasRepeatedRun(body: string): boolean {
  let run = 1;
  const chars = [...body];
  for (let index = 1; index < chars.length; index++) {
    const char = chars[index];
    if (char === chars[index - 1] && char !== undefined && !/\s/.test(char)) {
      run++;
      if (run >= REPEATED_RUN) return true;
    } else {
      run = 1;
    }
  }
  return false;
}

function isShouting(body: string): boolean {
  const letters = body.match(/\p{L}/gu) ?? [];
  const cased = letters.filter((letter) => letter.toLowerCase() !== letter.toUpperCase());
  if (cased.length < SHOUTING_MIN_LETTERS) return false;
  const capitals = cased.filter((letter) => letter === letter.toUpperCase()).length;
  return capitals / cased.length >= SHOUTING_SHARE;
}

/**
 * Orders comments for the queue: highest score first, so the likely spam
 * collects at the top where it can be selected and cleared in bulk, and the
 * rest reads in the order it arrived (oldest first within one score).
 */
export function bySpamLikelihood<
  T extends { readonly spam: SpamAssessment; readonly createdAt: Date; readonly id: number },
>(a: T, b: T): number {
  return b.spam.score - a.spam.score || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}
