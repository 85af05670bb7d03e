import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { canonicalTag, canonicalTags } from '../../news/tag.js';
import { karachiDateKey } from '../../shared/pakistanTime.js';
import { DEFAULT_DEMO_SEED, generateDemoNews } from './generateDemoNews.js';

const now = new Date('2023-01-31T13:03:00Z');
const demo = generateDemoNews({ now });
const { articles, sections } = demo;
const DAY = 24 * 60 * 60 * 1000;

const allText = (a: (typeof articles)[number]) =>
  [
    a.headline,
    a.summary,
    ...a.body.map((b) => (b.type === 'quote' ? `${b.text} ${b.attribution ?? ''}` : 'text' in b ? b.text : '')),
  ].join('\n');

describe('generateDemoNews: volume and spread', () => {
  test('at least 320 articles, oldest first, all before now and within 36 days', () => {
    assert.ok(articles.length >= 320, `only ${articles.length} articles`);
    for (let i = 0; i < articles.length; i++) {
      const at = articles[i]?.publishedAt.getTime() ?? 0;
      assert.ok(at < now.getTime());
      assert.ok(at > now.getTime() - 36 * DAY);
      if (i > 0) assert.ok(at >= (articles[i - 1]?.publishedAt.getTime() ?? 0));
    }
  });

  test('every one of the 35 Karachi days before today has several stories', () => {
    const perDay = new Map<string, number>();
    for (const a of articles) {
      const key = karachiDateKey(a.publishedAt);
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    assert.ok(perDay.size >= 30);
    for (let back = 1; back <= 35; back++) {
      const key = karachiDateKey(new Date(now.getTime() - back * DAY));
      assert.ok((perDay.get(key) ?? 0) >= 5, `day ${key} has ${perDay.get(key) ?? 0} stories`);
    }
  });

  test('most stories go out in Pakistani daytime', () => {
    const daytime = articles.filter((a) => {
      const hour = (a.publishedAt.getUTCHours() + 5) % 24;
      return hour >= 7 && hour <= 22;
    });
    assert.ok(daytime.length / articles.length > 0.85);
  });

  test('works when today in Karachi has only just begun', () => {
    const justAfterMidnight = new Date('2023-01-31T19:10:00Z'); // 00:10 on 1 Feb in Karachi
    const early = generateDemoNews({ now: justAfterMidnight });
    assert.ok(early.articles.length >= 320);
    assert.ok(early.articles.every((a) => a.publishedAt < justAfterMidnight));
  });
});

describe('generateDemoNews: sections, bylines, datelines, print', () => {
  test('has the six required sections and uses every section', () => {
    const slugs = sections.map((s) => s.slug);
    for (const slug of ['world', 'pakistan', 'markets', 'business-finance', 'opinion', 'sports']) {
      assert.ok(slugs.includes(slug), slug);
    }
    assert.equal(sections.find((s) => s.slug === 'business-finance')?.name, 'Business & Finance');
    const used = new Set(articles.map((a) => a.sectionSlug));
    assert.deepEqual([...used].sort(), [...slugs].sort());
  });

  test('bylines mix AFP, Reuters, APP, staff and desk bylines', () => {
    const agencies = new Set(articles.flatMap((a) => (a.byline.kind === 'agency' ? [a.byline.agency] : [])));
    assert.deepEqual([...agencies].sort(), ['AFP', 'APP', 'Reuters']);
    const staff = new Set(articles.flatMap((a) => (a.byline.kind === 'staff' ? [a.byline.name] : [])));
    assert.ok(staff.has('Broadsheet Report'));
    assert.ok(staff.size >= 10);
  });

  test('datelines match the desk: opinion has none, world is abroad, markets sessions are Karachi', () => {
    const home = new Set(['KARACHI', 'ISLAMABAD', 'LAHORE', 'PESHAWAR', 'QUETTA']);
    for (const a of articles) {
      if (a.sectionSlug === 'opinion') assert.equal(a.dateline, null);
      else assert.match(a.dateline ?? '', /^[A-Z][A-Z ]+$/);
      if (a.sectionSlug === 'world') assert.ok(!home.has(a.dateline ?? ''), a.dateline ?? '');
      if (a.sectionSlug === 'pakistan') assert.ok(home.has(a.dateline ?? ''), a.dateline ?? '');
      if (/KSE-100 (climbs|sheds)/.test(a.headline)) assert.equal(a.dateline, 'KARACHI');
    }
  });

  test('about 60 percent run in print, on pages 1–24 that suit the section', () => {
    const printed = articles.filter((a) => a.printPage !== null);
    const share = printed.length / articles.length;
    assert.ok(share > 0.45 && share < 0.75, `print share ${share}`);
    for (const a of printed) {
      const page = a.printPage ?? 0;
      assert.ok(page >= 1 && page <= 24);
      if (a.sectionSlug === 'markets') assert.ok(page === 1 || (page >= 8 && page <= 12), `markets on ${page}`);
    }
    assert.ok(printed.some((a) => a.printPage === 1));
  });
});

describe('generateDemoNews: copy', () => {
  test('headlines are unique and slugs are derived from them', () => {
    assert.equal(new Set(articles.map((a) => a.headline)).size, articles.length);
    for (const a of articles) assert.match(a.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('every body has 5–12 paragraphs, opens with one, and some carry subheadings and quotes', () => {
    for (const a of articles) {
      const paragraphs = a.body.filter((b) => b.type === 'paragraph').length;
      assert.ok(paragraphs >= 5 && paragraphs <= 12, `${a.headline}: ${paragraphs}`);
      assert.equal(a.body[0]?.type, 'paragraph');
      assert.notEqual(a.body.at(-1)?.type, 'subheading');
    }
    assert.ok(articles.filter((a) => a.body.some((b) => b.type === 'subheading')).length > 30);
    assert.ok(articles.filter((a) => a.body.some((b) => b.type === 'quote')).length > 30);
  });

  test('summaries are one sentence', () => {
    for (const a of articles) {
      assert.match(a.summary, /\.$/);
      assert.doesNotMatch(a.summary, /\.\s+(The|It|He|She|They|This|A)\s/);
    }
  });

  test('no text is left with template holes', () => {
    for (const a of articles) assert.doesNotMatch(allText(a), /undefined|NaN|\$\{|\[object/);
  });

  test('copy reads differently: few paragraphs repeat across the archive', () => {
    const paragraphs = articles.flatMap((a) => a.body.filter((b) => b.type === 'paragraph').map((b) => b.text));
    const distinct = new Set(paragraphs).size;
    assert.ok(distinct / paragraphs.length > 0.6, `${distinct} distinct of ${paragraphs.length}`);
  });

  test('markets copy names reference symbols and the KSE-100', () => {
    const markets = articles.filter((a) => a.sectionSlug === 'markets');
    const text = markets.map(allText).join('\n');
    for (const symbol of ['OGDC', 'HUBC', 'TRG', 'PPL', 'KEL']) assert.ok(text.includes(symbol), symbol);
    assert.ok(text.includes('KSE-100'));
    assert.ok(markets.some((a) => a.tags.includes('OGDC') || a.tags.includes('HUBC')));
  });
});

describe('generateDemoNews: tags', () => {
  test('each article has 2–5 tags that canonicalise', () => {
    for (const a of articles) {
      assert.ok(a.tags.length >= 2 && a.tags.length <= 5, `${a.headline}: ${a.tags.length}`);
      assert.equal(canonicalTags(a.tags).length, a.tags.length, `duplicate tag in ${a.headline}`);
    }
  });

  test('tags are shared widely and come in case variants', () => {
    const bySlug = new Map<string, { count: number; spellings: Set<string> }>();
    for (const name of articles.flatMap((a) => a.tags)) {
      const { slug } = canonicalTag(name);
      const entry = bySlug.get(slug) ?? { count: 0, spellings: new Set<string>() };
      entry.count++;
      entry.spellings.add(name);
      bySlug.set(slug, entry);
    }
    assert.ok([...bySlug.values()].filter((e) => e.count >= 20).length >= 5);
    assert.ok((bySlug.get('russia-ukraine-war')?.count ?? 0) >= 5);
    assert.ok(
      [...bySlug.values()].some((e) => e.spellings.size >= 2),
      'no case variants',
    );
  });

  test('the first use of a tag carries its house spelling', () => {
    const first = new Map<string, string>();
    for (const name of articles.flatMap((a) => a.tags)) {
      const { slug } = canonicalTag(name);
      if (!first.has(slug)) first.set(slug, name);
    }
    assert.equal(first.get('russia-ukraine-war'), 'Russia Ukraine war');
    assert.equal(first.get('rupee'), 'Rupee');
  });
});

describe('generateDemoNews: determinism and originality', () => {
  test('same seed and now give the same archive; another seed differs', () => {
    assert.deepEqual(generateDemoNews({ now, seed: DEFAULT_DEMO_SEED }), demo);
    const other = generateDemoNews({ now, seed: 7 });
    assert.notDeepEqual(
      other.articles.map((a) => a.headline),
      articles.map((a) => a.headline),
    );
    assert.ok(other.articles.length >= 320);
  });

  test('never calls Math.random', (t) => {
    t.mock.method(Math, 'random', () => {
      throw new Error('Math.random used');
    });
    assert.doesNotThrow(() => generateDemoNews({ now, seed: 99 }));
  });

  test('holds for a spread of seeds', () => {
    for (const seed of [1, 2, 3, 42, 123456]) {
      const run = generateDemoNews({ now, seed });
      assert.ok(run.articles.length >= 320);
      assert.equal(new Set(run.articles.map((a) => a.headline)).size, run.articles.length);
    }
  });

  test('no distinctive phrase of the reference page appears', () => {
    const text = articles.map(allText).join('\n').toLowerCase();
    const phrases = [
      'remain united and firm',
      'learning lessons that may influence',
      'not our adversary',
      'provocative behaviour',
      'bullying neighbours',
      'independent representative office',
      'largest shake-up',
      'successive losses, rupee sees some gain',
      'owing to optimism over imf talks',
      'apprises it of planned power sector reforms',
      'expected to calm down gradually',
      'corruption perception index',
    ];
    for (const phrase of phrases) assert.ok(!text.includes(phrase), phrase);
  });

  // The reference page lives outside the repository; when it is present, check
  // that no run of eight words from it appears anywhere in the demo copy.
  const referencePath =
    process.env.BROADSHEET_REFERENCE_PAGE ??
    new URL('../../../../shared/reference/reference-page.txt', import.meta.url).pathname;
  test('shares no eight-word run with the reference page', { skip: !existsSync(referencePath) }, () => {
    const words = (s: string) =>
      s
        .toLowerCase()
        .replace(/[’‘]/g, "'")
        .match(/[a-z0-9']+/g) ?? [];
    const shingles = (s: string) => {
      const w = words(s);
      return Array.from({ length: Math.max(0, w.length - 7) }, (_, i) => w.slice(i, i + 8).join(' '));
    };
    const reference = new Set(shingles(readFileSync(referencePath, 'utf8')));
    for (const a of articles) {
      for (const shingle of shingles(allText(a))) assert.ok(!reference.has(shingle), `"${shingle}" in ${a.headline}`);
    }
  });
});
