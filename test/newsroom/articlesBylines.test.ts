import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AdminSite, startAdminSite } from './adminSite.js';
import { addSections, api, page, story, tokenFor } from './articlesFixture.js';

type Json = Record<string, unknown>;

function newsArticleLd(html: string): Json {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  const objects = blocks.flatMap((block) => [JSON.parse(block[1] ?? '')].flat() as Json[]);
  const found = objects.find((object) => object['@type'] === 'NewsArticle');
  assert.ok(found, 'a NewsArticle');
  return found;
}

describe('several bylines per story', () => {
  let site: AdminSite;
  let editor: ReturnType<typeof api>;
  before(async () => {
    site = await startAdminSite({ serve: { publicUrl: 'https://www.broadsheet.example' } });
    await addSections(site);
    editor = api(site, await tokenFor(site, 'editor'));
  });
  after(() => site.close());

  test('two staff writers and an agency in lower case: stored, shown on the page and in JSON-LD', async () => {
    const created = await editor.create(
      story({ headline: 'Joint report on gas tariffs', byline: 'Amna Khan; Bilal Ahmed; afp' }),
    );
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.bylines, [
      { kind: 'staff', name: 'Amna Khan' },
      { kind: 'staff', name: 'Bilal Ahmed' },
      { kind: 'agency', agency: 'AFP' },
    ]);
    assert.deepEqual(created.body.byline, { kind: 'staff', name: 'Amna Khan' });
    await editor.transition(created.body.id, 'publish');
    const reader = await page(site, `/news/${created.body.id}/${created.body.slug}`);
    assert.equal(reader.status, 200);
    assert.match(
      reader.html,
      /<p class="byline"><a class="byline__name" href="\/authors\/amna-khan">Amna Khan<\/a>, <a class="byline__name" href="\/authors\/bilal-ahmed">Bilal Ahmed<\/a> and <a class="byline__name" href="\/authors\/afp">AFP<\/a>/,
    );
    const authors = newsArticleLd(reader.html).author as Json[];
    assert.deepEqual(
      authors.map((author) => [author['@type'], author.name]),
      [
        ['Person', 'Amna Khan'],
        ['Person', 'Bilal Ahmed'],
        ['Organization', 'Agence France-Presse'],
      ],
    );

    // An edit keeps them, and the editor form shows them in one field.
    const edited = await editor.update(created.body.id, {
      ...story({ headline: 'Joint report on gas tariffs', byline: 'Bilal Ahmed; REUTERS' }),
      baseRevision: 1,
    });
    assert.equal(edited.status, 200);
    assert.deepEqual(edited.body.bylines, [
      { kind: 'staff', name: 'Bilal Ahmed' },
      { kind: 'agency', agency: 'Reuters' },
    ]);
    const diff = await editor.diff(created.body.id, 1, 2);
    const byline = diff.body.fields.find((field: { field: string }) => field.field === 'byline');
    assert.equal(byline.changed, true);
    const restored = await editor.restore(created.body.id, 1, 2);
    assert.equal(restored.body.bylines.length, 3, 'a restore brings back every byline');
  });

  test('a lower-case agency alone is the agency, not a staff byline', async () => {
    const created = await editor.create(story({ byline: 'reuters' }));
    assert.deepEqual(created.body.bylines, [{ kind: 'agency', agency: 'Reuters' }]);
    const refused = await editor.create(story({ byline: ' ; ' }));
    assert.equal(refused.status, 422);
    assert.equal(refused.body.details[0].field, 'byline');
  });
});
