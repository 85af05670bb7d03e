import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hrefs, visibleText } from './htmlText.js';
import { type RunningSite, startSite } from './siteFixture.js';

describe('reader pages', () => {
  let site: RunningSite;
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    await site.close();
  });

  test('home page has the layout, one h1, top stories and section blocks', async () => {
    const response = await site.fetch('/');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const html = await response.text();
    assert.ok(html.startsWith('<!doctype html>'));
    assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
    assert.match(html, /<a class="skip-link" href="#main">/);
    assert.match(html, /<main id="main"/);
    assert.match(html, /class="masthead__logo"><a href="\/">Broadsheet<\/a>/);
    assert.match(html, /Jan 31, 2023/, 'masthead shows today in Karachi');
    const links = hrefs(html);
    for (const path of ['/print', '/markets', '/markets/currency/usd-pkr', '/world', '/business-finance']) {
      assert.ok(links.includes(path), `nav links to ${path}`);
    }
    assert.ok(links.filter((href) => href.startsWith('/news/')).length >= 10);
  });

  test('the ticker reads exactly like the reference, KSE-100 and the indices first, with its update time', async () => {
    const html = await (await site.fetch('/world')).text();
    const ticker = html.slice(html.indexOf('<div class="ticker"'), html.indexOf('</header>'));
    const text = visibleText(ticker);
    // The lead index first, so it is in view at once on any screen; the stocks follow in the reference's order.
    assert.match(text, /^KSE100 [\d,]+ (Increased|Decreased) By /);
    assert.match(text, /AVN 64\.80 Increased By ▲ 0\.63 \(0\.98%\) BAFL 30\.90 Increased By ▲ 1\.00 \(3\.34%\)/);
    assert.match(text, /CNERGY 3\.87 Decreased By ▼ -0\.02 \(-0\.51%\)/);
    assert.match(text, /DGKC 41\.34 Increased By ▲ 0\.49 \(1\.2%\)/);
    for (const code of ['BR100', 'BR30', 'KSE30']) {
      assert.ok(text.indexOf(`${code} `) < text.indexOf('AVN 64.80'), `${code} before the stocks`);
    }
    assert.match(text, /KSE100 [\d,]+ (Increased|Decreased) By [\d.-]+ \([\d.-]+%\)/);
    assert.doesNotMatch(text, /KSE100 [\d,]+ \w+ By [▲▼]/, 'indices have no arrow');
    assert.match(ticker, /<time datetime="2023-01-31T13:03:00.000Z">06:03:00 pm<\/time>/);
    assert.match(ticker, /class="tick tick--down" data-key="s:CNERGY"/);
    assert.match(ticker, /<section class="ticker__strip" aria-label="Market ticker" tabindex="0">/);
  });

  test('unknown pages, sections and tags get the full 404 page', async () => {
    for (const path of ['/no-such-section', '/tags/no-such-tag', '/news/999999', '/news/abc', '/news/0/x', '/a/b/c']) {
      const response = await site.fetch(path);
      assert.equal(response.status, 404, path);
      const html = await response.text();
      assert.match(html, /<h1>Page not found<\/h1>/, path);
      assert.match(html, /data-key="s:AVN"/, `${path} has the ticker`);
      assert.match(html, /aria-label="Sections"/, `${path} has the navigation`);
    }
  });

  test('articles redirect to their canonical address', async () => {
    const { items } = await site.store.listArticles({ limit: 1 });
    const article = items[0];
    assert.ok(article);
    const canonical = `/news/${article.id}/${article.slug}`;
    for (const path of [`/news/${article.id}`, `/news/${article.id}/wrong-slug`]) {
      const response = await site.fetch(path);
      assert.equal(response.status, 301, path);
      assert.equal(response.headers.get('location'), canonical);
    }
    assert.equal((await site.fetch(canonical)).status, 200);
  });

  test('section pages paginate 20 at a time with rel=prev/next, and 404 past the end', async () => {
    const sections = await site.store.listSections();
    let busiest = { slug: '', total: 0 };
    for (const section of sections) {
      const { total } = await site.store.listArticles({ sectionSlug: section.slug, limit: 1 });
      if (total > busiest.total) busiest = { slug: section.slug, total };
    }
    assert.ok(busiest.total > 40, 'demo content has a section with three pages');
    const path = busiest.slug === 'markets' ? '/sections/markets' : `/${busiest.slug}`;
    const first = await (await site.fetch(path)).text();
    assert.equal(first.match(/<h2><a href="\/news\//g)?.length, 20);
    assert.match(first, new RegExp(`<link rel="next" href="${path}\\?page=2"/>`));
    assert.doesNotMatch(first, /rel="prev"/);
    const second = await site.fetch(`${path}?page=2`);
    assert.equal(second.status, 200);
    const secondHtml = await second.text();
    assert.match(secondHtml, new RegExp(`<link rel="prev" href="${path}"/>`));
    assert.match(secondHtml, new RegExp(`<a rel="next" href="${path}\\?page=3">`));
    const lastPage = Math.ceil(busiest.total / 20);
    assert.equal((await site.fetch(`${path}?page=${lastPage}`)).status, 200);
    assert.equal((await site.fetch(`${path}?page=${lastPage + 1}`)).status, 404);
    assert.equal((await site.fetch(`${path}?page=abc`)).status, 400);
  });

  test('tag pages list the tagged stories', async () => {
    const { items } = await site.store.listArticles({ limit: 1 });
    const article = await site.store.getArticle(items[0]?.id ?? 0);
    const tag = article?.tags[0];
    assert.ok(tag);
    const response = await site.fetch(`/tags/${tag.slug}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, new RegExp(`<h1>${tag.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
    assert.ok(hrefs(html).includes(`/news/${article?.id}/${article?.slug}`));
  });

  test('print edition: /print goes to the latest day, days link to their neighbours, bad dates are refused', async () => {
    const latest = await site.store.latestPrintDate();
    const redirect = await site.fetch('/print');
    assert.equal(redirect.status, 302);
    assert.equal(redirect.headers.get('location'), `/print/${latest}`);
    const html = await (await site.fetch(`/print/${latest}`)).text();
    assert.match(html, /<h2 id="print-page-\d+">Page \d+<\/h2>/);
    assert.match(html, /rel="prev" href="\/print\/\d{4}-\d{2}-\d{2}"/);
    assert.equal((await site.fetch('/print/2023-02-30')).status, 400);
    assert.equal((await site.fetch('/print/yesterday')).status, 400);
    assert.equal((await site.fetch('/print/1990-01-01')).status, 404);
  });

  test('markets page shows every index and every quote', async () => {
    const html = await (await site.fetch('/markets')).text();
    const snapshot = site.market.snapshot();
    for (const quote of snapshot.quotes) assert.match(html, new RegExp(`<th scope="row">${quote.symbol}</th>`));
    for (const index of snapshot.indices) assert.match(html, new RegExp(`${index.code} <span`));
    assert.match(html, /<th scope="col">LDCP<\/th>/);
    assert.equal((await site.fetch('/markets/currency')).status, 301);
  });

  test('the currency converter works without JavaScript and computes exactly', async () => {
    const fx = (await (await site.fetch('/api/v1/market/fx')).json()) as {
      rates: { pair: string; market: string; buying: string; selling: string }[];
    };
    const interbank = fx.rates.find((rate) => rate.pair === 'USD/PKR' && rate.market === 'interbank');
    assert.ok(interbank);
    const ratePaisa = BigInt(interbank.buying.replace('.', ''));
    // 123.45 USD → paisa, rounded half up, in integers.
    const expected = (12345n * ratePaisa * 2n + 100n) / 200n;
    const text = (paisa: bigint) =>
      `${(paisa / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(paisa % 100n).toString().padStart(2, '0')}`;
    const response = await site.fetch('/markets/currency/usd-pkr?amount=123.45&direction=usd-pkr');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.ok(html.includes(`US$ 123.45 = Rs ${text(expected)}`), `expects Rs ${text(expected)}`);
    assert.match(html, /name="amount"[^>]*value="123.45"/);
    const back = await (
      await site.fetch(`/markets/currency/usd-pkr?amount=${text(expected).replace(',', '')}&direction=pkr-usd`)
    ).text();
    assert.match(back, /= US\$ 123\.45 /);
    const bad = await site.fetch('/markets/currency/usd-pkr?amount=12abc');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /class="form-error" id="converter-error"/);
  });
});
