import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../../news/article.js';
import type { MediaAsset } from '../../news/media.js';
import { cardVersion, shareImageOf } from './shareImage.js';

const article: Article = {
  id: 7,
  slug: 'rupee-firms',
  headline: 'Rupee firms',
  summary: 'The rupee gained.',
  sectionSlug: 'business',
  section: { slug: 'business', name: 'Business & Finance', position: 1 },
  byline: { kind: 'staff', name: 'Desk' },
  dateline: null,
  body: [
    { type: 'paragraph', text: 'Text.' },
    { type: 'image', mediaId: 3, alt: 'Currency dealers at work' },
  ],
  tags: [],
  publishedAt: new Date('2023-01-31T06:00:00Z'),
  printPage: null,
  updatedAt: null,
  corrections: [],
};

const photo: MediaAsset = {
  id: 3,
  format: 'jpeg',
  width: 3000,
  height: 2000,
  bytes: 1,
  alt: 'Dealers',
  caption: null,
  credit: null,
  widths: [320, 640, 1024, 1600],
  createdAt: new Date(0),
};

test('a story with a photo shares its lead photo at the first rendition wide enough, with its size', () => {
  const image = shareImageOf(article, new Map([[3, photo]]), 'https://news.example.com');
  assert.deepEqual(image, {
    url: 'https://news.example.com/media/3/1600.jpg',
    width: 1600,
    height: 1067,
    alt: 'Currency dealers at work',
    type: 'image/jpeg',
  });
});

test('a story whose photo is not in the library shares its generated card', () => {
  const image = shareImageOf(article, new Map(), 'http://localhost:3000');
  assert.equal(image.url, `http://localhost:3000/news/7/card.png?v=${cardVersion(article)}`);
  assert.deepEqual([image.width, image.height, image.type], [1200, 630, 'image/png']);
});

test('the card version follows the headline and section and nothing else', () => {
  const version = cardVersion(article);
  const unchanged: Article = { ...article, summary: 'Changed.', updatedAt: new Date() };
  assert.equal(cardVersion(unchanged), version);
  assert.notEqual(cardVersion({ ...article, headline: 'Rupee slips' }), version);
  assert.notEqual(cardVersion({ ...article, section: { ...article.section, name: 'Markets' } }), version);
});
