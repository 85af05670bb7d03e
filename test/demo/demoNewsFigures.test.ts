import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seedDemoHistory } from '../../src/demo/market/demoHistorySeed.js';
import { createDemoMarket, DEMO_LISTINGS } from '../../src/demo/market/demoMarket.js';
import { generateDemoNews } from '../../src/demo/news/generateDemoNews.js';
import { seedDemoContent } from '../../src/demo/seedDemo.js';
import { instantOf, PSX_CALENDAR } from '../../src/market/sessions/tradingCalendar.js';
import type { Article } from '../../src/news/article.js';
import type { HistoryBar } from '../../src/store/market/marketHistory.js';
import { type OpenedStore, openStore } from '../../src/store/openStore.js';

// Every market, index and currency figure a demo story states must be the demo
// market's own figure for the session the story reports: the bars the index and
// stock pages chart and tabulate, and the USD/PKR days the currency page shows.
// The stories are read back from a freshly seeded store, as a reader would see them.

const now = new Date('2023-01-31T13:03:00Z');
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-demo-figures-'));
let opened: OpenedStore;
let stories: Article[] = [];
const bars = new Map<string, readonly HistoryBar[]>();
const fx = createDemoMarket(now);
const interbank = new Map(fx.fxHistory('USD/PKR', 'interbank').map((day) => [day.date, day.buying]));
const openMarket = new Map(fx.fxHistory('USD/PKR', 'open').map((day) => [day.date, day.selling]));
const SYMBOLS = DEMO_LISTINGS.map((listing) => listing.instrument.symbol);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

before(async () => {
  opened = await openStore({ kind: 'sqlite', path: join(dir, 'demo.sqlite') });
  await seedDemoContent(opened.store, generateDemoNews({ now }));
  await seedDemoHistory(opened.market, now);
  for (const code of ['KSE100', 'KSE30', ...SYMBOLS]) bars.set(code, await opened.market.listBarsSince(code, null));
  const listed = await opened.store.listArticles({ limit: 1000 });
  for (const summary of listed.items) {
    const article = await opened.store.getArticle(summary.id);
    if (article !== null) stories.push(article);
  }
  stories = stories.sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
});

after(async () => {
  await opened?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The session a story reports: the latest one on record whose figures were out (17:15 Karachi) when it went out. */
function sessionOf(story: Article): number | null {
  const kse = bars.get('KSE100') ?? [];
  for (let i = kse.length - 1; i > 0; i -= 1) {
    const date = kse[i]?.date as string;
    if (instantOf(date, '17:15', PSX_CALENDAR).getTime() <= story.publishedAt.getTime()) return i;
  }
  return null;
}

function barOn(code: string, date: string): { bar: HistoryBar; previous: HistoryBar } | null {
  const list = bars.get(code) ?? [];
  const i = list.findIndex((bar) => bar.date === date);
  const bar = list[i];
  const previous = list[i - 1];
  return bar && previous ? { bar, previous } : null;
}

/** Figures in natural units (points, rupees, percent, counts) a sentence about these subjects may state. */
function allowedFigures(sentence: string, date: string): { subjects: string[]; figures: number[] } {
  const subjects: string[] = [];
  const figures: number[] = [];
  const move = (close: number, previousClose: number) => [
    close / 100,
    Math.abs(close - previousClose) / 100,
    Math.abs(Math.round(((close - previousClose) / previousClose) * 10_000) / 100),
  ];
  const kse30 = /KSE-30/.test(sentence);
  if (
    /KSE-100|benchmark|\bindex\b|\bPSX\b(?!:)/.test(sentence.replace(/KSE-30 index/g, '')) ||
    (kse30 && /week/i.test(sentence))
  ) {
    subjects.push('KSE100');
    const day = barOn('KSE100', date);
    if (day) figures.push(...move(day.bar.close, day.previous.close));
    if (/week/i.test(sentence)) {
      const list = bars.get('KSE100') ?? [];
      const i = list.findIndex((bar) => bar.date === date);
      const monday =
        instantOf(date, '00:00', PSX_CALENDAR).getTime() -
        ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) * 86_400_000;
      let j = i - 1;
      while (j >= 0 && instantOf(list[j]?.date as string, '00:00', PSX_CALENDAR).getTime() >= monday) j -= 1;
      const base = list[j];
      const close = list[i];
      if (base && close) figures.push(...move(close.close, base.close), i - j);
    }
  }
  if (kse30) {
    subjects.push('KSE30');
    const day = barOn('KSE30', date);
    if (day) figures.push(...move(day.bar.close, day.previous.close));
  }
  if (/shares (closed|ending)|scrip|ending the week at|drew the most interest/.test(sentence)) {
    for (const symbol of SYMBOLS) {
      if (!new RegExp(`\\b${symbol}\\b`).test(sentence)) continue;
      subjects.push(symbol);
      const day = barOn(symbol, date);
      if (day) figures.push(...move(day.bar.close, day.previous.close));
    }
  }
  if (/rupee|interbank|open market|exchange companies|per dollar|against (the )?(US )?dollar/i.test(sentence)) {
    subjects.push('USD/PKR');
    const dates = [...interbank.keys()].sort();
    const i = dates.indexOf(date);
    const rate = interbank.get(date);
    const previous = interbank.get(dates[i - 1] ?? '');
    const selling = openMarket.get(date);
    if (rate !== undefined && previous !== undefined) {
      figures.push(
        rate / 100,
        Math.abs(rate - previous),
        Math.abs(Math.round(((rate - previous) / previous) * 10_000) / 100),
      );
    }
    if (selling !== undefined && rate !== undefined) figures.push(selling / 100, Math.abs(selling - rate) / 100);
  }
  if (/million shares|\d+ advanced|changed hands|stocks (advance|fall)/.test(sentence)) {
    subjects.push('the market');
    let volume = 0;
    const moves = [0, 0, 0];
    for (const symbol of SYMBOLS) {
      const day = barOn(symbol, date);
      if (!day) continue;
      volume += day.bar.volume;
      const side = Math.sign(day.bar.close - day.previous.close) + 1;
      moves[side] = (moves[side] ?? 0) + 1;
    }
    figures.push(volume / 1_000_000, ...moves, SYMBOLS.length);
  }
  return { subjects, figures };
}

function numbersIn(sentence: string): { text: string; value: number; decimals: number }[] {
  const stripped = sentence.replace(/KSE-(100|30)|KSE(100|30)|BR-?(100|30)|24-karat/g, ' ');
  return [...stripped.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map(([text]) => ({
    text,
    value: Number(text.replace(/,/g, '')),
    decimals: text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0,
  }));
}

const matches = (figure: number, value: number, decimals: number) =>
  Math.abs(Math.round(figure * 10 ** decimals) / 10 ** decimals - value) < 10 ** -(decimals + 3);

function sentencesOf(story: Article): string[] {
  const texts = [
    story.headline,
    story.summary,
    ...story.body.flatMap((block) => (block.type === 'paragraph' || block.type === 'subheading' ? [block.text] : [])),
  ];
  return texts.flatMap((text) => text.split(/(?<=[.!?])\s+(?=[A-Z])/));
}

/** Every figure of a sentence about a market subject that is not that subject's figure on the session's date. */
function wrongFigures(sentence: string, date: string): string[] {
  const { subjects, figures } = allowedFigures(sentence, date);
  if (subjects.length === 0) return [];
  return numbersIn(sentence)
    .filter(({ value, decimals }) => !figures.some((figure) => matches(figure, value, decimals)))
    .map(({ text }) => `${text} (${subjects.join(', ')} on ${date})`);
}

describe('demo stories quote the demo market', () => {
  test('the seeded store holds the archive and a year of bars', () => {
    assert.ok(stories.length >= 320, `${stories.length} stories`);
    assert.ok((bars.get('KSE100')?.length ?? 0) >= 250);
  });

  test('every index, stock and currency figure is the history’s figure for the session reported', () => {
    const problems: string[] = [];
    let checked = 0;
    let sessionReports = 0;
    for (const story of stories) {
      if (!['markets', 'business-finance'].includes(story.sectionSlug)) continue;
      const i = sessionOf(story);
      if (i === null) continue;
      const session = (bars.get('KSE100') ?? [])[i] as HistoryBar;
      const weekday = WEEKDAYS[new Date(`${session.date}T12:00:00Z`).getUTCDay()] as string;
      if (/KSE-100 index settled at/.test(story.summary)) sessionReports += 1;
      for (const sentence of sentencesOf(story)) {
        const { subjects } = allowedFigures(sentence, session.date);
        if (subjects.length === 0) continue;
        checked += numbersIn(sentence).length;
        for (const wrong of wrongFigures(sentence, session.date))
          problems.push(`${story.headline}: "${sentence}": ${wrong}`);
        // A session named by its day is the session reported.
        for (const [, day] of sentence.matchAll(/\bon (Monday|Tuesday|Wednesday|Thursday|Friday)\b/g)) {
          if (day !== weekday)
            problems.push(`${story.headline}: "${sentence}" names ${day}, the session was ${weekday}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(sessionReports >= 10, `only ${sessionReports} session reports`);
    assert.ok(checked >= 300, `only ${checked} figures checked`);
  });

  test('the check catches a figure that is not the history’s', () => {
    const story = stories.find((s) => /KSE-100 index settled at/.test(s.summary));
    assert.ok(story);
    const i = sessionOf(story);
    assert.ok(i !== null);
    const date = (bars.get('KSE100') ?? [])[i]?.date as string;
    assert.deepEqual(wrongFigures(story.summary, date), []);
    const close = (bars.get('KSE100') ?? [])[i]?.close as number;
    const wrong = story.summary.replace(
      /settled at [\d,.]+/,
      `settled at ${((close + 80_180) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    assert.equal(wrongFigures(wrong, date).length, 1, wrong);
  });
});
