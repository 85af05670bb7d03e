import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Article } from '../../src/news/article.js';
import { authorOf } from '../../src/news/author.js';
import { hrefs, visibleText } from './htmlText.js';
import { type RunningSite, startSite } from './siteFixture.js';

/** The newest article with a dateline, tags, a print page and enough paragraphs for inline related links. */
async function findRichArticle(site: RunningSite): Promise<Article> {
  const { items } = await site.store.listArticles({ limit: 100 });
  for (const summary of items) {
    const article = await site.store.getArticle(summary.id);
    const paragraphs = article?.body.filter((block) => block.type === 'paragraph').length ?? 0;
    if (article?.dateline && article.tags.length > 0 && article.printPage !== null && paragraphs >= 4) {
      return article;
    }
  }
  throw new Error('demo content has no article with dateline, tags, print page and 4 paragraphs');
}

describe('article page', () => {
  let site: RunningSite;
  let article: Article;
  let html: string;
  let path: string;
  before(async () => {
    site = await startSite();
    article = await findRichArticle(site);
    path = `/news/${article.id}/${article.slug}`;
    const response = await site.fetch(path);
    assert.equal(response.status, 200);
    html = await response.text();
  });
  after(async () => {
    await site.close();
  });

  test('has its head: canonical, description, Open Graph', () => {
    // Without --public-url the canonical link is absolute on the host the request named.
    assert.ok(html.includes(`<link rel="canonical" href="${site.baseUrl}${path}"/>`));
    assert.match(html, /<meta name="description" content="[^"]+"\/>/);
    assert.match(html, /<meta property="og:type" content="article"\/>/);
    assert.match(html, /<meta property="og:title" content="[^"]+"\/>/);
    assert.match(html, /<link rel="stylesheet" href="\/build\/site-[\w-]+\.css"\/>/);
    assert.match(html, /<script type="module" src="\/build\/ticker-[\w-]+\.js"><\/script>/);
  });

  test('shows section, one h1 headline, byline and Published time in Pakistan time', () => {
    assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
    assert.ok(visibleText(html).includes(article.headline));
    assert.match(
      html,
      new RegExp(`<p class="article__section"><a href="[^"]+">${escapeRegExp(escapeHtml(article.section.name))}</a>`),
    );
    const byline = html.slice(
      html.indexOf('<p class="byline">'),
      html.indexOf('</p>', html.indexOf('<p class="byline">')),
    );
    assert.ok(byline.includes(`datetime="${article.publishedAt.toISOString()}"`));
    assert.match(visibleText(byline), /^\S.* Published \d{2} [A-Z][a-z]{2}, \d{4} \d{2}:\d{2}[ap]m$/);
    assert.match(byline, new RegExp(`<a class="byline__name" href="/authors/${authorOf(article.byline).slug}">`));
  });

  test('leads the first paragraph with the dateline in capitals', () => {
    const dateline = `${article.dateline?.toUpperCase().replace(/:$/, '')}:`;
    const body = html.slice(html.indexOf('<div class="article__body">'));
    assert.ok(
      body.startsWith(`<div class="article__body"><p><strong class="dateline">${escapeHtml(dateline)}</strong> `),
    );
  });

  test('links related stories between paragraphs, never to itself', () => {
    const related = [...html.matchAll(/<p class="related-inline">.*?<a href="([^"]+)">/g)].map((m) => m[1]);
    assert.ok(related.length >= 1, 'at least one inline related link');
    for (const href of related) {
      assert.match(href ?? '', /^\/news\/\d+\/[a-z0-9-]+$/);
      assert.notEqual(href, path);
    }
  });

  test('lists tags, the print page, comments form and more stories', () => {
    const links = hrefs(html);
    for (const tag of article.tags) assert.ok(links.includes(`/tags/${tag.slug}`), tag.slug);
    assert.match(
      html,
      /<p class="print-label"><a href="\/print\/\d{4}-\d{2}-\d{2}">Print \d{4}-\d{2}-\d{2}, page \d+<\/a>/,
    );
    assert.match(html, /<label for="comment-name">Name<\/label>/);
    assert.match(html, /<label for="comment-email">E-mail<\/label>/);
    assert.match(html, /never shown/);
    // No maxlength: browsers count it in UTF-16 units; the limit is the server's (and the counter's) 1,000 characters.
    assert.match(html, /<textarea id="comment-body" name="body" required dir="auto" rows="6" data-max-chars="1000"/);
    assert.doesNotMatch(html, /<textarea[^>]*maxlength/);
    assert.match(html, /1,000 characters/);
    assert.match(html, /<h2 id="read-more-heading">Read more stories<\/h2>/);
    const readMore = html.slice(html.indexOf('read-more-heading'));
    assert.ok(!hrefs(readMore).includes(path), 'read more leaves out the article itself');
  });

  test('renders only approved comments, as plain text, without e-mail addresses', async () => {
    const comments = await site.store.approvedComments(article.id);
    for (const comment of comments) {
      assert.ok(html.includes(escapeHtml(comment.name)));
      assert.ok(!html.includes(comment.email));
    }
    assert.match(html, new RegExp(`Comments <span class="story-meta">\\(${comments.length}\\)</span>`));
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
