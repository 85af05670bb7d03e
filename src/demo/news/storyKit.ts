import type { Agency, Block, Byline } from '../../news/article.js';
import type { DemoEconomy } from './economy.js';
import type { MarketDay } from './marketDays.js';
import type { SessionFigures } from './marketRecord.js';
import type { Rng } from './prng.js';

/** What a story writer knows about the moment it writes for. */
export interface StoryContext {
  readonly rng: Rng;
  readonly publishedAt: Date;
  /** Karachi weekday name, as copy says "said on Tuesday". */
  readonly weekday: string;
  /** Gold and oil as they stood that day, so all stories of a day quote the same figures. */
  readonly market: MarketDay;
  /** The latest PSX session whose figures were out when the story went out (the demo history's). */
  readonly session: SessionFigures | null;
  /** Whether `session` is the story's own Karachi day (a same-day close report). */
  readonly sessionIsToday: boolean;
  readonly economy: DemoEconomy;
}

/** A written story before it is filed: everything of a draft except slug, time and print page. */
export interface Story {
  readonly headline: string;
  readonly summary: string;
  readonly dateline: string | null;
  readonly byline: Byline;
  readonly body: readonly Block[];
  /** Display names as a desk would type them; the store canonicalises them. */
  readonly tags: readonly string[];
}

export type StoryWriter = (ctx: StoryContext) => Story;

export const agency = (name: Agency): Byline => ({ kind: 'agency', agency: name });
export const staff = (name: string): Byline => ({ kind: 'staff', name });

/** A quote set apart from the paragraphs. */
export interface PulledQuote {
  readonly text: string;
  readonly attribution: string;
}

/** The raw material of a body: lead paragraphs kept in order, then a pool drawn from at random. */
export interface BodyPlan {
  readonly lead: readonly string[];
  readonly pool: readonly string[];
  readonly subheading?: string;
  readonly quote?: PulledQuote;
}

export const MIN_PARAGRAPHS = 5;
export const MAX_PARAGRAPHS = 12;

/**
 * Builds a body of 5–12 paragraphs, sometimes with a subheading or a pulled
 * quote placed well inside the text (never first, never last).
 */
export function assembleBody(rng: Rng, plan: BodyPlan): Block[] {
  const available = plan.lead.length + plan.pool.length;
  if (available < MIN_PARAGRAPHS) {
    throw new RangeError(`a story needs ${MIN_PARAGRAPHS} paragraphs, plan has ${available}`);
  }
  const count = Math.min(available, rng.int(MIN_PARAGRAPHS, MAX_PARAGRAPHS));
  const texts = [...plan.lead, ...rng.sample(plan.pool, count - plan.lead.length)];
  const blocks: Block[] = texts.map((text) => ({ type: 'paragraph', text }));
  if (plan.subheading !== undefined && rng.chance(0.45)) {
    blocks.splice(rng.int(3, blocks.length - 2), 0, { type: 'subheading', text: plan.subheading });
  }
  if (plan.quote !== undefined && rng.chance(0.5)) {
    const quote: Block = { type: 'quote', ...plan.quote };
    blocks.splice(rng.int(2, blocks.length - 1), 0, quote);
  }
  return blocks;
}

/** "40,673" */
export function thousands(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** "39,871.20" for hundredths (index points, rupees from paisa). */
export function hundredths(value: number): string {
  return fixed(value / 100, 2);
}

/** "1,234.56" with exactly `decimals` places. */
export function fixed(value: number, decimals: number): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** Picks a spelling: the house form mostly, a desk's variant sometimes (the store canonicalises). */
export function tagSpelling(rng: Rng, house: string, variants: readonly string[]): string {
  return variants.length > 0 && rng.chance(0.2) ? rng.pick(variants) : house;
}

/** Up- or down-word for a signed figure. */
export function rose(change: number, up: string, down: string): string {
  return change >= 0 ? up : down;
}

/** "rupee" → "Rupee" */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A change of 0 % would read "grow 0pc"; these stories report a move, so 0 becomes 1. */
export function nonZero(percent: number): number {
  return percent === 0 ? 1 : percent;
}
