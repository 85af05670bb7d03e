import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { paisa } from '../../src/market/money/money.js';
import type { ChartSpec } from '../../src/site/markets/chartSpec.js';
import { eventually, hrefs, visibleText } from './htmlText.js';
import { type RunningSite, startSite, TEST_NOW } from './siteFixture.js';

interface ApiQuote {
  readonly symbol: string;
  readonly last: string;
  readonly ldcp: string;
  readonly change: string;
  readonly turnover: string | null;
}
interface ApiIndex {
  readonly code: string;
  readonly value: string;
  readonly change: string;
}

/** RFC 4180 rows, enough for the site's own CSV (quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  assert.ok(text.endsWith('\r\n'), 'CSV lines end in CRLF');
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1] ?? '').slice(0, -1))
    .map((fields) => fields.map((field) => (field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field)));
}

const hundredths = (decimal: string) => Math.round(Number(decimal) * 100);

/** The chart specs a page carries, parsed. */
function chartSpecs(html: string): ChartSpec[] {
  return [...html.matchAll(/<script type="application\/json" id="[^"]+">([^<]*)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? '') as ChartSpec,
  );
}

/** The first chart of a kind on a page; fails the test when there is none. */
function specOf<K extends ChartSpec['kind']>(html: string, kind: K): Extract<ChartSpec, { kind: K }> {
  const spec = chartSpecs(html).find(
    (candidate): candidate is Extract<ChartSpec, { kind: K }> => candidate.kind === kind,
  );
  assert.ok(spec, `no ${kind} chart`);
  return spec;
}

describe('markets pages', () => {
  let site: RunningSite;
  let quotes: ApiQuote[];
  let indices: ApiIndex[];
  before(async () => {
    site = await startSite();
    quotes = ((await (await site.fetch('/api/v1/market/quotes')).json()) as { quotes: ApiQuote[] }).quotes;
    indices = ((await (await site.fetch('/api/v1/market/indices')).json()) as { indices: ApiIndex[] }).indices;
  });
  after(async () => {
    await site.close();
  });

  test('/markets: status, breadth, index cards with charts, movers, sectors, every quote, news', async () => {
    const response = await site.fetch('/markets');
    assert.equal(response.status, 200);
    const html = await response.text();
    const text = visibleText(html);
    assert.match(text, /(Market open|Market closed|Pre-open|Post-close|Break)/, 'market status');
    assert.match(text, /Advancers ?\d+ Decliners ?\d+ Unchanged ?\d+/);
    for (const heading of ['Top gainers', 'Top losers', 'Most active by volume', 'Most active by value', 'Sectors']) {
      assert.ok(text.includes(heading), heading);
    }
    const links = hrefs(html);
    for (const index of indices) assert.ok(links.includes(`/markets/indices/${index.code}`), index.code);
    for (const quote of quotes) assert.ok(links.includes(`/markets/stocks/${quote.symbol}`), quote.symbol);
    const specs = chartSpecs(html);
    assert.equal(
      specs.filter((spec) => spec.kind === 'intraday').length,
      indices.length,
      'an intraday chart per index',
    );
    assert.match(
      html,
      /<script type="module" src="\/build\/chart-[^"]+\.js" data-chart-draw="\/build\/chart-draw-[^"]+\.js"><\/script>/,
    );
    // Top gainer is the biggest % rise in the quotes API.
    const gainers = html.slice(html.indexOf('id="top-gainers"'), html.indexOf('id="top-losers"'));
    assert.match(gainers, /href="\/markets\/stocks\/BAFL"/, 'BAFL (+3.34 %) leads the reference day');
    assert.match(text, /Commercial Banks \d+ [+-]?[\d.]+%/, 'sector row with average % change');
    assert.match(text, /Latest from Markets/);
  });

  test('pages without charts do not load the chart island', async () => {
    for (const path of ['/', '/world', '/markets/search?q=cement']) {
      const html = await (await site.fetch(path)).text();
      assert.doesNotMatch(html, /\/build\/chart-/, path);
      assert.match(
        html,
        /<form class="symbol-search" method="get" action="\/search" role="search" aria-label="Search stories and stocks"/,
        path,
      );
    }
  });

  test('stock page: quote, ranges, market cap, free float, charts, memberships, history, news', async () => {
    const response = await site.fetch('/markets/stocks/HUBC');
    assert.equal(response.status, 200);
    const html = await response.text();
    const text = visibleText(html);
    assert.match(html, /<h1>The Hub Power Company Limited <span class="quote-symbol">\(HUBC\)<\/span><\/h1>/);
    assert.match(html, /data-live="s:HUBC" data-field="last">64\.06</);
    assert.match(text, /\+2\.11 \(\+3\.41%\) against LDCP/);
    assert.match(text, /LDCP ?61\.95/);
    // The demo back-fills the session from the open, so the day's volume is the whole session's.
    const volume = site.market.quote('HUBC')?.volume ?? 0;
    assert.ok(volume > 10_000, `volume ${volume}`);
    assert.match(text, new RegExp(`Volume \\(shares\\) ?${volume.toLocaleString('en-US')}`));
    // Value traded to the paisa, in rupees, tied to the stream like the volume (PSX files call volume "turnover").
    const fresh = (await (await site.fetch('/api/v1/market/quotes?symbols=HUBC')).json()) as { quotes: ApiQuote[] };
    const turnover = fresh.quotes[0]?.turnover ?? '';
    assert.match(turnover, /^[1-9]\d*\.\d\d$/, `turnover ${turnover}`);
    const [whole = '', fraction = ''] = turnover.split('.');
    assert.match(text, new RegExp(`Value traded \\(Rs\\) ?${Number(whole).toLocaleString('en-US')}\\.${fraction}`));
    assert.match(html, /data-live="s:HUBC" data-field="turnover">/);
    assert.doesNotMatch(text, /Turnover/);
    // 1,300 million shares × Rs 64.06.
    assert.match(text, /Market cap ?Rs 83\.28 billion/);
    assert.match(text, /Free float ?75\.00% \(975,000,000 shares\)/);

    const csv = parseCsv(await (await site.fetch('/markets/stocks/HUBC/history.csv')).text());
    const bars = csv.slice(1);
    assert.ok(bars.length > 240, 'a year of demo history');
    const yearAgo = new Date(TEST_NOW.getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
    const year = bars.filter((row) => (row[0] ?? '') >= yearAgo);
    const high = Math.max(...year.map((row) => hundredths(row[2] ?? '')), 6406);
    const low = Math.min(...year.map((row) => hundredths(row[3] ?? '')), 6406);
    const fmt = (h: number) => `${Math.trunc(h / 100)}.${String(h % 100).padStart(2, '0')}`;
    assert.ok(text.includes(`52-week range${fmt(low)} – ${fmt(high)}`), `52-week range ${fmt(low)} – ${fmt(high)}`);

    specOf(html, 'intraday');
    const daily = specOf(html, 'daily');
    assert.equal(daily.bars.at(-1)?.[0], '2023-01-31', "the daily chart ends with today's bar");
    assert.equal(daily.bars.at(-1)?.[4], 6406);
    assert.equal(daily.bars.at(-2)?.[4], 6195, 'yesterday closed at the LDCP');

    for (const range of ['1m', '6m', 'max'])
      assert.ok(hrefs(html).includes(`/markets/stocks/HUBC?range=${range}#price-history`));
    const month = specOf(await (await site.fetch('/markets/stocks/HUBC?range=1m')).text(), 'daily');
    assert.ok(month.bars.length >= 20 && month.bars.length <= 25, `1M has ${month.bars.length} bars`);
    assert.equal((await site.fetch('/markets/stocks/HUBC?range=2y')).status, 400);

    const memberships = html.slice(html.indexOf('id="memberships-heading"'), html.indexOf('id="history-heading"'));
    for (const code of ['BR100', 'BR30', 'KSE100', 'KSE30'])
      assert.ok(memberships.includes(`/markets/indices/${code}`));
    assert.match(visibleText(memberships), /KSE-100 Index \d+\.\d{2}% \+\d+\.\d{2}/);
    assert.match(text, /Historical data/);
    assert.equal(html.match(/<time datetime="2\d{3}-\d{2}-\d{2}">/g)?.length, 30, 'the last 30 days');
    assert.ok(hrefs(html).includes('/markets/stocks/HUBC/history.csv'));

    const tagged = await site.store.listArticles({ tagSlug: 'hubc', limit: 8 });
    assert.ok(tagged.items.length > 0, 'demo news tags HUBC');
    for (const story of tagged.items) assert.ok(hrefs(html).includes(`/news/${story.id}/${story.slug}`));
  });

  test('symbols are upper case: other spellings redirect, unknown symbols get the 404 page', async () => {
    const lower = await site.fetch('/markets/stocks/hubc?range=1m');
    assert.equal(lower.status, 301);
    assert.equal(lower.headers.get('location'), '/markets/stocks/HUBC?range=1m');
    assert.equal(
      (await site.fetch('/markets/stocks/Hubc/history.csv')).headers.get('location'),
      '/markets/stocks/HUBC/history.csv',
    );
    for (const path of [
      '/markets/stocks/NOPE',
      '/markets/stocks/NOPE/history.csv',
      '/markets/indices/KSE999',
      '/markets/indices/KSE999/constituents.csv',
    ]) {
      const response = await site.fetch(path);
      assert.equal(response.status, 404, path);
      assert.match(await response.text(), /<h1>Page not found<\/h1>/, path);
    }
    const script = await site.fetch('/markets/stocks/%3Cscript%3E');
    assert.equal(script.status, 301, 'upper-cased first');
    assert.equal((await site.fetch(script.headers.get('location') ?? '')).status, 404);
  });

  test('history CSV closes at the LDCP the quotes API reports; constituents CSV matches the JSON API', async () => {
    for (const quote of quotes.slice(0, 5)) {
      const rows = parseCsv(await (await site.fetch(`/markets/stocks/${quote.symbol}/history.csv`)).text());
      assert.deepEqual(rows[0], ['Date', 'Open', 'High', 'Low', 'Close', 'Volume']);
      assert.equal(rows.at(-1)?.[4], quote.ldcp, quote.symbol);
    }
    const response = await site.fetch('/markets/indices/KSE100/constituents.csv');
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="KSE100-constituents.csv"/);
    const rows = parseCsv(await response.text());
    assert.deepEqual(rows[0], ['Symbol', 'Name', 'Price', 'LDCP', 'Change', 'Change %', 'Weight %', 'Points']);
    const bySymbol = new Map(quotes.map((quote) => [quote.symbol, quote]));
    let points = 0;
    let weight = 0;
    for (const row of rows.slice(1)) {
      const quote = bySymbol.get(row[0] ?? '');
      assert.ok(quote, row[0]);
      assert.equal(row[2], quote.last);
      assert.equal(row[3], quote.ldcp);
      assert.equal(row[4], quote.change);
      points += hundredths(row[7] ?? '');
      weight += hundredths(row[6] ?? '');
    }
    const kse100 = indices.find((index) => index.code === 'KSE100');
    assert.ok(kse100);
    assert.ok(Math.abs(points - hundredths(kse100.change)) <= rows.length, `Σ points ${points} vs ${kse100.change}`);
    assert.ok(weight <= 10_000 && weight > 10_000 - rows.length, `Σ weights ${weight}`);
    const history = parseCsv(await (await site.fetch('/markets/indices/KSE100/history.csv')).text());
    assert.equal(history.at(-1)?.[4], '39871.20', 'the reference previous close');
  });

  test('index page: value, charts, constituents sortable without script, methodology', async () => {
    const response = await site.fetch('/markets/indices/KSE30');
    assert.equal(response.status, 200);
    const html = await response.text();
    const kse30 = indices.find((index) => index.code === 'KSE30');
    assert.ok(kse30);
    const value = `${Number(kse30.value).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    assert.ok(html.includes(`data-live="i:KSE30" data-field="value">${value}<`), value);
    assert.match(visibleText(html), /How the index is calculated/);
    // The divisor moves only at recompositions and corporate actions, never on a trade.
    assert.doesNotMatch(visibleText(html), /divisor, recalculated on every trade/);
    assert.match(visibleText(html), /the divisor stays as it is from trade to trade/);
    assert.equal(chartSpecs(html).length, 2);
    const symbolsIn = (page: string) =>
      [
        ...page
          .slice(page.indexOf('id="constituents"'))
          .matchAll(/<th scope="row" class="text"><a href="\/markets\/stocks\/([A-Z]+)"/g),
      ].map((m) => m[1]);
    const byWeight = symbolsIn(html);
    assert.equal(byWeight.length, 14);
    assert.match(
      html,
      /aria-sort="descending"><a href="\/markets\/indices\/KSE30\?sort=weight&amp;dir=asc#constituents">Weight</,
    );
    const alphabetical = symbolsIn(await (await site.fetch('/markets/indices/KSE30?sort=symbol&dir=asc')).text());
    assert.deepEqual(alphabetical, [...byWeight].sort());
    const reversed = symbolsIn(await (await site.fetch('/markets/indices/KSE30?sort=symbol&dir=desc')).text());
    assert.deepEqual(reversed, [...alphabetical].reverse());
    const csv = parseCsv(await (await site.fetch('/markets/indices/KSE30/constituents.csv')).text());
    assert.deepEqual(
      byWeight,
      csv.slice(1).map((row) => row[0]),
      'default order is by weight, as the CSV',
    );
    assert.equal((await site.fetch('/markets/indices/KSE30?sort=name')).status, 400);
    assert.equal(
      (await site.fetch('/markets/indices/kse30?sort=points')).headers.get('location'),
      '/markets/indices/KSE30?sort=points',
    );
  });

  test('search: an exact symbol or index code redirects, anything else lists matches; the API suggests', async () => {
    const exact = await site.fetch('/markets/search?q=%20ogdc%20');
    assert.equal(exact.status, 302);
    assert.equal(exact.headers.get('location'), '/markets/stocks/OGDC');
    assert.equal((await site.fetch('/markets/search?q=kse100')).headers.get('location'), '/markets/indices/KSE100');
    const cement = await (await site.fetch('/markets/search?q=cement')).text();
    for (const symbol of ['DGKC', 'FCCL', 'FLYNG', 'MLCF'])
      assert.ok(hrefs(cement).includes(`/markets/stocks/${symbol}`), symbol);
    const none = await site.fetch('/markets/search?q=%3Cb%3Ezz');
    assert.equal(none.status, 200);
    const noneHtml = await none.text();
    assert.doesNotMatch(noneHtml, /<b>zz/);
    assert.match(noneHtml, /&lt;b>zz|&lt;b&gt;zz/);
    assert.equal((await site.fetch(`/markets/search?q=${'x'.repeat(41)}`)).status, 400);

    const api = await site.fetch('/api/v1/market/symbols?q=hu');
    assert.equal(api.status, 200);
    const body = (await api.json()) as { results: { code: string; url: string; last: string }[] };
    assert.deepEqual(
      body.results.map((r) => [r.code, r.url, r.last]),
      [
        ['HUBC', '/markets/stocks/HUBC', '64.06'],
        ['HUMNL', '/markets/stocks/HUMNL', '5.67'],
      ],
    );
    assert.equal((await site.fetch('/api/v1/market/symbols')).status, 400);
    assert.equal((await site.fetch(`/api/v1/market/symbols?q=${'x'.repeat(41)}`)).status, 400);
  });

  test('the currency page has the rate history as a chart and a table', async () => {
    const html = await (await site.fetch('/markets/currency/usd-pkr')).text();
    const lines = specOf(html, 'lines');
    assert.deepEqual(
      lines.lines.map((line) => line.name),
      ['Interbank', 'Open buying', 'Open selling'],
    );
    // A year of daily rates (the demo's), ending today at the live rate after yesterday's close.
    const interbank = lines.lines[0]?.points ?? [];
    assert.ok(interbank.length >= 250, `${interbank.length} days`);
    assert.deepEqual(interbank.slice(-2), [
      ['2023-01-30', 26861],
      ['2023-01-31', 26789],
    ]);
    assert.match(visibleText(html), /31 Jan 2023 267\.89 267\.00 270\.00/);
  });

  test('a trade moves the stock page and its intraday chart', async () => {
    const time = new Date(TEST_NOW.getTime() + 60_000);
    const outcome = site.market.applyTrade({ symbol: 'PPL', price: paisa(7800), volume: 500, time });
    assert.ok(outcome.ok);
    await eventually(async () => {
      const html = await (await site.fetch('/markets/stocks/PPL')).text();
      assert.match(html, /data-field="last">78\.00</);
      const intraday = specOf(html, 'intraday');
      assert.deepEqual(intraday.points.at(-1), [Math.floor(time.getTime() / 60_000) * 60, 7800]);
    });
  });

  test('articles link symbol tags and the first mention of each listed symbol to the stock page', async () => {
    const { items } = await site.store.listArticles({ tagSlug: 'ogdc', limit: 20 });
    let checked = 0;
    for (const summary of items) {
      const article = await site.store.getArticle(summary.id);
      assert.ok(article);
      const html = await (await site.fetch(`/news/${article.id}/${article.slug}`)).text();
      const tags = html.slice(html.indexOf('aria-label="Tags"'));
      assert.match(tags, /<a href="\/markets\/stocks\/OGDC" rel="tag">/);
      assert.doesNotMatch(tags, /href="\/tags\/ogdc"/);
      const body = html.slice(html.indexOf('class="article__body"'), html.indexOf('aria-label="Tags"'));
      const mentioned = article.body.some(
        (block) => block.type === 'paragraph' && /(^|[^A-Za-z0-9])OGDC([^A-Za-z0-9-]|$)/.test(block.text),
      );
      const links = body.match(/<a href="\/markets\/stocks\/OGDC" class="symbol-link">OGDC<\/a>/g) ?? [];
      assert.equal(links.length, mentioned ? 1 : 0, `article ${article.id}: one link for the first mention`);
      checked += mentioned ? 1 : 0;
    }
    assert.ok(checked > 0, 'some demo story mentions OGDC in its body');
  });
});
