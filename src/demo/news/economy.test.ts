import assert from 'node:assert/strict';
import { test } from 'node:test';
import { karachiDateKey } from '../../shared/pakistanTime.js';
import { createDemoEconomy, monthName } from './economy.js';
import { generateDemoNews } from './generateDemoNews.js';

const now = new Date('2023-01-31T13:03:00Z');
const archives = [generateDemoNews({ now }), generateDemoNews({ now, seed: 7 }), generateDemoNews({ now, seed: 42 })];

function sentences(article: (typeof archives)[number]['articles'][number]): string[] {
  const texts = [
    article.headline,
    article.summary,
    ...article.body.flatMap((block) => (block.type === 'paragraph' ? [block.text] : [])),
  ];
  return texts.flatMap((text) => text.split(/(?<=\.)\s+/));
}

test('the CPI series is smooth month to month and ends near the reference month', () => {
  const economy = createDemoEconomy(now, 1);
  const months = Array.from({ length: 12 }, (_, back) => economy.monthBefore(now, back + 1));
  assert.equal(months[0], '2022-12');
  for (let i = 1; i < months.length; i += 1) {
    const step = Math.abs(economy.cpi(months[i - 1] as string) - economy.cpi(months[i] as string));
    assert.ok(step <= 2, `${months[i]} → ${months[i - 1]}: ${step} points`);
  }
  assert.ok(economy.cpi('2022-12') > 20 && economy.cpi('2022-12') < 35);
  assert.equal(monthName('2022-12'), 'December');
});

test('every story quotes the same CPI for a month, and month after month it moves a little at a time', () => {
  for (const { articles } of archives) {
    const byMonth = new Map<string, Set<string>>();
    for (const article of articles) {
      for (const sentence of sentences(article)) {
        // "Consumer prices rose 27.6 percent in December from a year earlier, against 26.8 percent the month before."
        const stated = /(?:rose|picked up to|slowed to|held at) ([\d.]+) percent(?: year-on-year)? in (\w+)/.exec(
          sentence,
        );
        if (stated === null) continue;
        const [, figure, month] = stated;
        const seen = byMonth.get(month as string) ?? new Set<string>();
        seen.add(figure as string);
        byMonth.set(month as string, seen);
      }
    }
    assert.ok(byMonth.size >= 1, 'no inflation story');
    for (const [month, figures] of byMonth) assert.equal(figures.size, 1, `${month}: ${[...figures].join(', ')}`);
  }
});

test('the policy rate is one figure everywhere; reserves agree within a week and move a little week to week', () => {
  for (const { articles } of archives) {
    const rates = new Set<string>();
    const reserves = new Map<string, Set<string>>();
    for (const article of articles) {
      for (const sentence of sentences(article)) {
        const rate = /policy rate[^.]*? ([\d.]+) percent/.exec(sentence);
        if (rate) rates.add(rate[1] as string);
        const held = /reserves stood at \$([\d.]+) billion/.exec(sentence);
        if (held) {
          // Reserves are published for the week to Friday: stories of one Karachi week agree.
          const week = karachiDateKey(
            new Date(article.publishedAt.getTime() - ((article.publishedAt.getUTCDay() + 1) % 7) * 86_400_000),
          );
          const seen = reserves.get(week) ?? new Set<string>();
          seen.add(held[1] as string);
          reserves.set(week, seen);
        }
      }
    }
    assert.ok(rates.size <= 1, `policy rates quoted: ${[...rates].join(', ')}`);
    const weekly = [...reserves].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, seen]) => [...seen].map(Number));
    for (let i = 1; i < weekly.length; i += 1) {
      for (const value of weekly[i] ?? []) {
        for (const before of weekly[i - 1] ?? [])
          assert.ok(Math.abs(value - before) <= 1, `reserves jump ${before} → ${value}`);
      }
    }
  }
});
