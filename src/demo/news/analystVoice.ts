import type { Rng } from './prng.js';
import { capitalise, type PulledQuote } from './storyKit.js';
import { ANALYST_ROLES, ANALYSTS, BROKERAGES } from './wordBanks.js';

/** An invented market voice: "Sadia Rehman, chief economist at Margalla Capital". */
export interface Analyst {
  readonly name: string;
  readonly description: string;
}

export function pickAnalyst(rng: Rng): Analyst {
  const name = rng.pick(ANALYSTS);
  return { name, description: `${name}, ${rng.pick(ANALYST_ROLES)} ${rng.pick(BROKERAGES)}` };
}

/** A pulled quote from an analyst on where things go next. */
export function analystQuote(rng: Rng, analyst: Analyst, subject: string): PulledQuote {
  const text = rng.pick([
    `Investors want proof, not promises, on ${subject}. Until they get it, every rally will be sold into.`,
    `The numbers on ${subject} are better than the mood suggests. Sentiment tends to catch up with fundamentals, slowly.`,
    `We are telling clients to stay selective. ${capitalise(subject)} can still surprise in both directions.`,
    `Nobody is pricing in a disaster on ${subject} any more, which is itself a kind of progress.`,
    `Liquidity is thin, so small flows move prices a lot. Do not read too much into a single session on ${subject}.`,
  ]);
  return { text, attribution: analyst.description };
}
