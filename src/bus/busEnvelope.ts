import type { ArticleChange, ArticlePlacement } from '../news/articleChange.js';
import type { BusMessages, Topic } from './bus.js';
import type { ContentChange } from './contentChange.js';
import { isMarketBatch } from './marketReplication.js';

/** What crosses Redis: the message and the bus that sent it, so a sender can skip its own echo. */
export interface BusEnvelope<T extends Topic> {
  readonly origin: string;
  readonly message: BusMessages[T];
  /** When it was published (epoch ms), for the bus lag a receiver reports; absent from older senders. */
  readonly sentAt?: number;
}

export type DecodedEnvelope<T extends Topic> =
  | { readonly ok: true; readonly envelope: BusEnvelope<T> }
  | { readonly ok: false; readonly problem: string };

export function encodeEnvelope<T extends Topic>(envelope: BusEnvelope<T>): string {
  return JSON.stringify(envelope);
}

/** Checks every field: a payload from another process (or another version of Broadsheet) is untrusted input. */
export function decodeEnvelope<T extends Topic>(topic: T, payload: string): DecodedEnvelope<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  if (!isRecord(parsed) || typeof parsed.origin !== 'string' || parsed.origin === '') {
    return { ok: false, problem: 'no origin' };
  }
  const message = parsed.message;
  if (!isMessageOf(topic, message)) return { ok: false, problem: `not a ${topic} message` };
  const { sentAt } = parsed;
  if (typeof sentAt === 'number' && Number.isFinite(sentAt)) {
    return { ok: true, envelope: { origin: parsed.origin, message, sentAt } };
  }
  return { ok: true, envelope: { origin: parsed.origin, message } };
}

function isMessageOf<T extends Topic>(topic: T, value: unknown): value is BusMessages[T] {
  const known: Topic = topic;
  switch (known) {
    case 'market.changed':
      return isRecord(value) && typeof value.version === 'number' && Number.isFinite(value.version);
    case 'content.changed':
      return isContentChange(value);
    case 'market.events':
      return isMarketBatch(value);
  }
}

function isContentChange(value: unknown): value is ContentChange {
  if (!isRecord(value) || typeof value.kind !== 'string') return false;
  const kind = value.kind as ContentChange['kind'];
  switch (kind) {
    case 'article':
      return isArticleChange(value);
    case 'comments':
      return Array.isArray(value.articleIds) && value.articleIds.every((id) => Number.isInteger(id));
    case 'printEdition':
      return typeof value.date === 'string' && ISO_DATE.test(value.date);
    case 'tags':
    case 'sections':
      return Array.isArray(value.slugs) && value.slugs.every((slug) => typeof slug === 'string');
    case 'frontPage':
      return true;
    case 'pictures':
      return Array.isArray(value.articleIds) && value.articleIds.every((id) => Number.isInteger(id));
    default:
      return false;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isArticleChange(value: unknown): value is ArticleChange {
  return (
    isRecord(value) &&
    Number.isInteger(value.articleId) &&
    typeof value.removed === 'boolean' &&
    Array.isArray(value.placements) &&
    value.placements.every(isPlacement)
  );
}

function isPlacement(value: unknown): value is ArticlePlacement {
  return (
    isRecord(value) &&
    typeof value.sectionSlug === 'string' &&
    (value.printDate === null || typeof value.printDate === 'string') &&
    Array.isArray(value.tagSlugs) &&
    value.tagSlugs.every((slug) => typeof slug === 'string')
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
