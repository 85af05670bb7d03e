import type { DemoNews } from '../../src/demo/news/demoNews.js';
import type { ArticleDraft, Section } from '../../src/news/article.js';
import type { CommentSubmission } from '../../src/news/comment.js';

export const SECTIONS: readonly Section[] = [
  { slug: 'world', name: 'World', position: 2 },
  { slug: 'markets', name: 'Markets', position: 1 },
  { slug: 'pakistan', name: 'Pakistan', position: 3 },
];

let drafts = 0;

/** A valid draft; tests override only what they look at. */
export function draft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  drafts += 1;
  return {
    headline: `Story number ${drafts}`,
    slug: `story-number-${drafts}`,
    summary: `Summary of story ${drafts}.`,
    sectionSlug: 'world',
    byline: { kind: 'agency', agency: 'Reuters' },
    dateline: 'KARACHI',
    body: [{ type: 'paragraph', text: `Body of story ${drafts}.` }],
    tags: [],
    publishedAt: new Date('2023-01-31T10:00:00Z'),
    printPage: null,
    ...overrides,
  };
}

/** `minutes` after a fixed instant, so ordering by time is explicit in each test. */
export function at(minutes: number): Date {
  return new Date(Date.parse('2023-01-31T00:00:00Z') + minutes * 60_000);
}

export function submission(articleId: number, body: string): CommentSubmission {
  return { articleId, name: 'Reader', email: 'reader@example.com', body, ip: '198.51.100.7' };
}

/** Same shape as the generated demo content, small enough to check by hand. */
export function smallDemo(): DemoNews {
  return {
    sections: SECTIONS,
    articles: [
      draft({ sectionSlug: 'markets', tags: ['KSE-100', 'Stocks'], publishedAt: at(1), printPage: 1 }),
      draft({ sectionSlug: 'world', tags: ['stocks', 'Oil'], publishedAt: at(2) }),
      draft({ sectionSlug: 'pakistan', tags: ['Budget'], publishedAt: at(3), printPage: 2 }),
    ],
    comments: [
      { articleIndex: 0, name: 'A', email: 'a@example.com', body: 'First', status: 'approved', createdAt: at(10) },
      { articleIndex: 0, name: 'B', email: 'b@example.com', body: 'Second', status: 'pending', createdAt: at(11) },
      { articleIndex: 2, name: 'C', email: 'c@example.com', body: 'Third', status: 'approved', createdAt: at(12) },
    ],
  };
}
