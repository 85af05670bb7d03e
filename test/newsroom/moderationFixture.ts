import type { ArticleDraft } from '../../src/news/article.js';
import type { KyselyNewsStore } from '../../src/store/articles/kyselyNewsStore.js';

/** A published story in a fresh admin site (which starts without demo content). */
export async function addStory(
  store: KyselyNewsStore,
  overrides: Partial<ArticleDraft> & Pick<ArticleDraft, 'headline'>,
): Promise<number> {
  await store.insertSection({ slug: 'business', name: 'Business & Finance', position: 1 });
  return store.insertArticle({
    slug: overrides.headline.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    summary: 'A summary.',
    sectionSlug: 'business',
    byline: { kind: 'staff', name: 'Desk' },
    dateline: 'Karachi',
    body: [{ type: 'paragraph', text: 'First paragraph of the story.' }],
    tags: [],
    publishedAt: new Date('2023-01-31T06:00:00Z'),
    printPage: null,
    ...overrides,
  });
}
