import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ArticleDraft } from '../../news/article.js';
import { generateDemoNews } from './generateDemoNews.js';

// Grammar of the generated copy, over every headline, summary, paragraph,
// subheading and pulled quote of several archives.

const runs = [
  generateDemoNews({ now: new Date('2023-01-31T13:03:00Z') }),
  generateDemoNews({ now: new Date('2023-01-31T13:03:00Z'), seed: 7 }),
  generateDemoNews({ now: new Date('2026-12-05T06:00:00Z'), seed: 42 }),
];
const articles = runs.flatMap((run) => run.articles);

function textsOf(article: ArticleDraft): string[] {
  return [
    article.headline,
    article.summary,
    ...article.body.flatMap((block) =>
      block.type === 'quote'
        ? [block.text, block.attribution ?? '']
        : 'text' in block && typeof block.text === 'string'
          ? [block.text]
          : [],
    ),
  ];
}

const texts = articles.flatMap(textsOf);

/** Texts matching `pattern`, for a readable failure. */
function offending(pattern: RegExp, within: readonly string[] = texts): string[] {
  return [...new Set(within.filter((text) => pattern.test(text)))].slice(0, 10);
}

// Plural subjects copy uses, and the singular verbs they must never take ("earnings lifts").
const PLURAL_SUBJECTS =
  'earnings|prices|tariffs|fares|exports|remittances|sales|shares|stocks|yields|bears|bulls|hopes|worries|calls|funds|investors|receipts|footwear and clothing';
const SINGULAR_VERBS =
  'lifts|carries|weighs|rises|falls|cools|climbs|eases|slips|grows|jumps|drops|gains|hits|sheds|adds|loses|picks|beats|misses|shrinks|stays|drags';

describe('demo copy grammar', () => {
  test('plural subjects take plural verbs', () => {
    const agreement = new RegExp(`\\b(${PLURAL_SUBJECTS}) (${SINGULAR_VERBS})\\b`);
    assert.deepEqual(offending(agreement), []);
    // Singular subjects with a bare plural verb ("food cool", "inflation climb").
    assert.deepEqual(
      offending(
        /\b(food|inflation|sentiment|the rupee|the index|activity|confidence|growth|output) (cool|climb|rise|fall|ease|grow|drop|slip|shrink|beat|miss|pick up)\b/,
      ),
      [],
    );
  });

  test('possessives: never "States\'s", never an apostrophe-s after a plural', () => {
    assert.deepEqual(offending(/[a-z]s's\b/), []);
  });

  test('proper names keep their capitals', () => {
    assert.deepEqual(offending(/\b(New|San|Hong|Abu|Kuala|Buenos|United) [a-z]/), []);
    for (const name of ['karachi', 'lahore', 'islamabad', 'london', 'tokyo', 'beijing', 'berlin', 'dubai', 'riyadh']) {
      assert.deepEqual(offending(new RegExp(`\\b${name}\\b`)), [], name);
    }
  });

  test('sentences start with a capital and headlines too', () => {
    assert.deepEqual(offending(/[.!?] [a-z]/), []);
    assert.deepEqual(
      articles.map((article) => article.headline).filter((headline) => !/^[A-Z0-9"']/.test(headline)),
      [],
    );
  });

  test('no zero moves ("grow 0pc", "0 points", "0 paisa")', () => {
    assert.deepEqual(offending(/(^|[^\d.,])0(\.0+)?(pc| percent| points| paisa)\b/), []);
  });

  test('articles: "a" before consonant sounds, "an" before vowel sounds', () => {
    assert.deepEqual(offending(/\ba (?!one|uni|Eur|use|US\b|UAE\b)[aeiouAEIOU]\w/), []);
    assert.deepEqual(offending(/\ban [bcdfgjklmnpqrstvwxyz]/), []);
  });

  test('no doubled words, no space before punctuation, no doubled full stops', () => {
    assert.deepEqual(offending(/\b(\w+) \1\b/i), []);
    assert.deepEqual(offending(/ [,.;:]/), []);
    assert.deepEqual(offending(/\.\./), []);
  });

  test('number agreement with counts: "1 percentage point", never "1 sessions" or "2 percentage point"', () => {
    assert.deepEqual(offending(/(^|[^\d.,])1 (sessions|points|weeks|days|years|months)\b/), []);
    assert.deepEqual(offending(/\b([2-9]|\d{2,}|0\.\d+) (percentage point|session|week|day|year|month)\b(?!s|-)/), []);
  });
});

describe('demo headlines', () => {
  test('no headline template floods the archive', () => {
    for (const run of runs) {
      const counts = new Map<string, number>();
      for (const article of run.articles) {
        // The template: the headline with its figures and weekday taken out.
        const template = article.headline
          .replace(/\d[\d,.]*/g, '#')
          .replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, 'DAY');
        counts.set(template, (counts.get(template) ?? 0) + 1);
      }
      const flooding = [...counts].filter(([, count]) => count > 6);
      assert.deepEqual(flooding, []);
    }
  });

  test('the same comment text never appears under two names', () => {
    for (const run of runs) {
      const names = new Map<string, Set<string>>();
      for (const comment of run.comments) {
        const seen = names.get(comment.body) ?? new Set<string>();
        seen.add(comment.name);
        names.set(comment.body, seen);
      }
      assert.deepEqual(
        [...names].filter(([, seen]) => seen.size > 1).map(([body]) => body),
        [],
      );
    }
  });
});
