import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContentChange } from '../../bus/contentChange.js';
import { pagesShowing } from './pageKeys.js';

const KEYS = [
  'home',
  'markets',
  'article:7:oil-rises:',
  'article:7:oil-rises:pending',
  'article:8:gold-falls:',
  'section:markets:1',
  'sections:world:2',
  'tag:oil:1',
  'tag:gold:1',
  'print:2023-01-31',
  'print:2023-01-30',
  'stock:OGDC',
  'author:afp:1',
  'archive:2023-01-31:1',
  'feed:latest::rss:https://news.example.com',
  'feed:tag:oil:atom:https://news.example.com',
  'sitemap:news:https://news.example.com',
  'latest:1',
  'directory:tags',
  'directory:sections',
];

const dropped = (change: ContentChange) => KEYS.filter(pagesShowing(change));

test('a story change drops its page, the home page, its section, tag, print, author and day pages, feeds and sitemaps', () => {
  const change: ContentChange = {
    kind: 'article',
    articleId: 7,
    removed: false,
    placements: [{ sectionSlug: 'markets', tagSlugs: ['oil'], printDate: '2023-01-31' }],
  };
  assert.deepEqual(dropped(change), [
    'home',
    'markets',
    'article:7:oil-rises:',
    'article:7:oil-rises:pending',
    'section:markets:1',
    'tag:oil:1',
    'print:2023-01-31',
    'author:afp:1',
    'archive:2023-01-31:1',
    'feed:latest::rss:https://news.example.com',
    'feed:tag:oil:atom:https://news.example.com',
    'sitemap:news:https://news.example.com',
    'latest:1',
    'directory:tags',
    'directory:sections',
  ]);
});

test('a story that left the site takes every article page with it', () => {
  const change: ContentChange = { kind: 'article', articleId: 7, removed: true, placements: [] };
  assert.deepEqual(dropped(change), [
    'home',
    'article:7:oil-rises:',
    'article:7:oil-rises:pending',
    'article:8:gold-falls:',
    'author:afp:1',
    'archive:2023-01-31:1',
    'feed:latest::rss:https://news.example.com',
    'feed:tag:oil:atom:https://news.example.com',
    'sitemap:news:https://news.example.com',
    'latest:1',
    'directory:tags',
    'directory:sections',
  ]);
});

test('moderated comments drop the pages of their stories alone', () => {
  assert.deepEqual(dropped({ kind: 'comments', articleIds: [8] }), ['article:8:gold-falls:']);
});

test('a print layout drops every edition page (their previous/next links)', () => {
  assert.deepEqual(dropped({ kind: 'printEdition', date: '2023-01-31' }), ['print:2023-01-31', 'print:2023-01-30']);
});

test('a section change drops every page: the navigation on each lists the sections', () => {
  assert.deepEqual(dropped({ kind: 'sections', slugs: ['world', 'global'] }), KEYS);
});

test('a renamed tag drops the article pages, the tag pages of both slugs, tag feeds and sitemaps', () => {
  assert.deepEqual(dropped({ kind: 'tags', slugs: ['oil', 'crude'] }), [
    'article:7:oil-rises:',
    'article:7:oil-rises:pending',
    'article:8:gold-falls:',
    'tag:oil:1',
    'feed:tag:oil:atom:https://news.example.com',
    'sitemap:news:https://news.example.com',
    'directory:tags',
  ]);
});
