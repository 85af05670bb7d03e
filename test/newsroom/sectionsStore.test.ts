import assert from 'node:assert/strict';
import { onBothEngines } from './moderationStoreBackends.js';

const order = async (sections: { listWithCounts(): Promise<readonly { slug: string; position: number }[]> }) =>
  (await sections.listWithCounts()).map((s) => `${s.position}:${s.slug}`);

await onBothEngines('sections: create, rename, move, delete', async ({ store, sections, db }) => {
  assert.deepEqual(await sections.listWithCounts(), []);
  const world = await sections.create({ name: '  World  ' });
  assert.equal(world.ok, true);
  assert.deepEqual(world.ok && world.after, { slug: 'world', name: 'World', position: 1 });
  // Slugs follow the site's slug rules, Unicode included.
  assert.equal((await sections.create({ name: 'Business & Finance' })).ok, true);
  const urdu = await sections.create({ name: 'پاکستان', position: 1 });
  assert.equal(urdu.ok && urdu.after?.slug, 'پاکستان');
  assert.deepEqual(await order(sections), ['1:پاکستان', '2:world', '3:business-finance']);

  // Bad input is refused and changes nothing.
  for (const bad of [{ name: '   ' }, { name: 'x'.repeat(61) }, { name: '!!!' }, { name: 'Sport', position: 0 }]) {
    const refused = await sections.create(bad);
    assert.equal(refused.ok, false, JSON.stringify(bad));
    assert.equal(!refused.ok && refused.reason, 'invalid');
  }
  const taken = await sections.create({ name: 'World news', slug: 'World' });
  assert.equal(!taken.ok && taken.problems[0]?.message, 'slug-taken');
  assert.equal((await sections.listWithCounts()).length, 3);

  assert.deepEqual(await order(sections), ['1:پاکستان', '2:world', '3:business-finance']);
  assert.equal((await sections.move({ slug: 'business-finance', position: 1 })).ok, true);
  assert.deepEqual(await order(sections), ['1:business-finance', '2:پاکستان', '3:world']);
  assert.equal((await sections.move({ slug: 'business-finance', position: 99 })).ok, true);
  assert.deepEqual(await order(sections), ['1:پاکستان', '2:world', '3:business-finance']);
  assert.equal((await sections.move({ slug: 'nowhere', position: 1 })).ok, false);

  const id = await store.insertArticle({
    slug: 'rupee-steady',
    headline: 'Rupee steady',
    summary: 'A summary.',
    sectionSlug: 'business-finance',
    byline: { kind: 'staff', name: 'Desk' },
    dateline: 'Karachi',
    body: [{ type: 'paragraph', text: 'First paragraph.' }],
    tags: [],
    publishedAt: new Date('2023-01-31T06:00:00Z'),
    printPage: null,
  });

  // A rename keeps the slug unless a new one is asked for.
  const renamed = await sections.rename({ slug: 'business-finance', name: 'Business' });
  assert.deepEqual(renamed.ok && renamed.after, { slug: 'business-finance', name: 'Business', position: 3 });
  assert.equal(await store.sectionRedirect('business-finance'), null);
  // A new slug moves the stories and leaves the old address redirecting, with no chains after a second move.
  assert.equal((await sections.rename({ slug: 'business-finance', name: 'Business', newSlug: 'Biz' })).ok, true);
  assert.equal((await sections.rename({ slug: 'biz', newSlug: 'business' })).ok, true);
  assert.equal((await store.getArticle(id))?.section.slug, 'business');
  assert.equal(await store.sectionRedirect('business-finance'), 'business');
  assert.equal(await store.sectionRedirect('biz'), 'business');
  assert.deepEqual(await order(sections), ['1:پاکستان', '2:world', '3:business']);
  const clash = await sections.rename({ slug: 'business', newSlug: 'world' });
  assert.equal(!clash.ok && clash.problems[0]?.message, 'slug-taken');

  // A section with stories is not deleted; an empty one is, and the rest close up.
  const refused = await sections.delete('business');
  assert.equal(!refused.ok && refused.reason, 'conflict');
  assert.match(!refused.ok ? refused.message : '', /still has 1 story/);
  assert.equal((await sections.delete('پاکستان')).ok, true);
  assert.deepEqual(await order(sections), ['1:world', '2:business']);
  assert.equal((await sections.delete('پاکستان')).ok, false);
  // A new section at an old address takes it back.
  assert.equal((await sections.create({ name: 'Biz' })).ok, true);
  assert.equal(await store.sectionRedirect('biz'), null);
  const rows = await db.selectFrom('section_redirects').selectAll().orderBy('from_slug').execute();
  assert.deepEqual(rows, [{ from_slug: 'business-finance', to_slug: 'business' }]);
});
