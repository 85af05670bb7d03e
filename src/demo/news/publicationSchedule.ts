import { KARACHI_UTC_OFFSET_MS, karachiTime } from '../../shared/pakistanTime.js';
import type { Rng } from './prng.js';
import type { DemoSectionSlug } from './sectionDesks.js';

/** One story slot: when it is published and which desk fills it. */
export interface Slot {
  readonly at: Date;
  readonly sectionSlug: DemoSectionSlug;
}

/** A Karachi calendar day of the demo archive. */
export interface PublicationDay {
  /** 0 = Sunday, Karachi time. */
  readonly weekday: number;
  readonly slots: readonly Slot[];
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const KARACHI_OFFSET = KARACHI_UTC_OFFSET_MS;

// Every day carries the core mix; the extras vary the volume and the balance.
const CORE_MIX: readonly DemoSectionSlug[] = [
  'markets',
  'markets',
  'business-finance',
  'business-finance',
  'pakistan',
  'pakistan',
  'world',
  'world',
  'opinion',
  'sports',
];
const EXTRA_MIX: readonly DemoSectionSlug[] = [
  'technology',
  'technology',
  'world',
  'pakistan',
  'markets',
  'business-finance',
  'sports',
];

/**
 * Plans `fullDays` complete Karachi days before the day of `now`, plus the
 * part of today already past, oldest first. Most stories go out between
 * 07:00 and 23:00 Karachi time; a few land overnight, as agency copy does.
 */
export function planPublicationDays(rng: Rng, now: Date, fullDays: number): PublicationDay[] {
  const today = karachiTime(now);
  const todayStart = Date.UTC(today.year, today.month - 1, today.day) - KARACHI_OFFSET;
  const days: PublicationDay[] = [];
  for (let back = fullDays; back >= 0; back--) {
    const dayStart = todayStart - back * DAY;
    const mix = rng.shuffle([...CORE_MIX, ...rng.sample(EXTRA_MIX, rng.int(0, 3))]);
    const slots = mix
      .map((sectionSlug) => ({ at: new Date(dayStart + slotOffset(rng)), sectionSlug }))
      .filter((slot) => slot.at.getTime() < now.getTime())
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    if (slots.length > 0) days.push({ weekday: karachiTime(new Date(dayStart + 12 * HOUR)).weekday, slots });
  }
  return days;
}

function slotOffset(rng: Rng): number {
  const hour = rng.chance(0.08) ? rng.int(0, 6) : rng.int(7, 22);
  return hour * HOUR + rng.int(0, 59) * 60_000 + rng.int(0, 59) * 1000;
}
