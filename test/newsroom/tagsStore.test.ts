import assert from 'node:assert/strict';
import { addStory } from './moderationFixture.js';
import { onBothEngines } from './moderationStoreBackends.js';

await onBothEngines('tag renames and merges', async ({ store, tags }) => {
  await addStory(store, { headline: 'One', tags: ['Oil Prices', 'OPEC'] });
  await addStory(store, { headline: 'Two', tags: ['Crude oil', 'OPEC'] });
  assert.deepEqual(
    (await tags.listWithCounts({ search: 'OIL', limit: 10 })).items.map((t) => [t.slug, t.articleCount]),
    [
      ['crude-oil', 1],
      ['oil-prices', 1],
    ],
  );
  assert.equal((await tags.rename({ slug: 'oil-prices', name: 'Oil market' })).ok, true);
  assert.equal((await tags.rename({ slug: 'oil-market', name: 'Oil' })).ok, true);
  // Renamed twice: the first slug leads straight to the current one, no chain.
  assert.equal(await tags.redirect('oil-prices'), 'oil');
  const merged = await tags.merge({ from: 'crude-oil', into: 'oil' });
  assert.equal(merged.ok, true);
  assert.equal(await tags.redirect('crude-oil'), 'oil');
  assert.equal(await store.tagRedirect('oil-market'), 'oil');
  assert.equal((await tags.find(' OIL  prices'))?.slug, 'oil');
  const all = await tags.listWithCounts({ limit: 10 });
  assert.deepEqual(
    all.items.map((t) => [t.slug, t.articleCount]),
    [
      ['oil', 2],
      ['opec', 2],
    ],
  );
  // Renaming back to an old slug makes that slug live again and moves the redirect away.
  assert.equal((await tags.rename({ slug: 'oil', name: 'Crude oil' })).ok, true);
  assert.equal(await tags.redirect('crude-oil'), null);
  assert.equal(await tags.redirect('oil'), 'crude-oil');
  assert.equal((await tags.rename({ slug: 'opec', name: 'x', newSlug: 'crude-oil' })).ok, false);
});

await onBothEngines('moderation queue and counts', async ({ moderation, store }) => {
  const articleId = await addStory(store, { headline: 'Rates held' });
  const add = (body: string, ip: string) => store.addComment({ articleId, name: 'R', email: 'r@x.pk', body, ip });
  const good = await add('Sensible remark', '10.0.0.1');
  const spam = await add('casino http://a.xyz', '10.0.0.2');
  const queue = await moderation.queue({ filter: 'pending', limit: 10 });
  assert.deepEqual(
    queue.map((c) => c.id),
    [spam.id, good.id],
  );
  assert.deepEqual(await moderation.pendingCountsByArticle(), [
    { articleId, slug: 'rates-held', headline: 'Rates held', pending: 2 },
  ]);
  const outcome = await moderation.moderate({ ids: [spam.id, 999], action: 'spam', at: new Date() });
  assert.deepEqual(outcome, { changed: [spam.id], articleIds: [articleId] });
  assert.deepEqual(await moderation.counts(), { pending: 1, approved: 0, rejected: 0, spam: 1 });
  await moderation.moderate({ ids: [spam.id], action: 'reject', at: new Date() });
  assert.deepEqual(await moderation.counts(), { pending: 1, approved: 0, rejected: 1, spam: 0 });
});

await onBothEngines('print plans', async ({ print, store }) => {
  const a = await addStory(store, { headline: 'Alpha story', printPage: 1 });
  const b = await addStory(store, { headline: 'Beta STORY', printPage: 2 });
  const date = '2023-01-31';
  assert.equal(await print.plannedEdition(date), null);
  await print.savePlan({
    date,
    pages: [
      { page: 1, label: '', articleIds: [b, a] },
      { page: 4, label: 'Sport', articleIds: [] },
    ],
  });
  assert.deepEqual(await print.loadPlan(date), {
    date,
    pages: [
      { page: 1, label: '', articleIds: [b, a] },
      { page: 4, label: 'Sport', articleIds: [] },
    ],
  });
  const edition = await store.printEdition(date);
  assert.deepEqual(
    edition.articles.map((s) => [s.id, s.printPage]),
    [
      [b, 1],
      [a, 1],
    ],
  );
  assert.deepEqual(edition.pageLabels, { 4: 'Sport' });
  assert.deepEqual(
    (await print.searchPublishedByHeadline({ words: 'beta s', limit: 5 })).map((s) => s.id),
    [b],
  );
  assert.deepEqual(await print.searchPublishedByHeadline({ words: '%', limit: 5 }), []);
});
