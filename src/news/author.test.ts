import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorOf, findAuthor } from './author.js';

describe('authors behind bylines', () => {
  test('a writer is found by the slug of their name, an agency by its code', () => {
    assert.equal(authorOf({ kind: 'staff', name: 'Amina Qureshi' }).slug, 'amina-qureshi');
    const afp = authorOf({ kind: 'agency', agency: 'AFP' });
    assert.deepEqual([afp.slug, afp.name, afp.role], ['afp', 'Agence France-Presse', 'News agency']);
  });

  test('a name in Urdu gets a stable address of its own', () => {
    const one = authorOf({ kind: 'staff', name: 'عامر خان' }).slug;
    const other = authorOf({ kind: 'staff', name: 'فرح علی' }).slug;
    assert.match(one, /^writer-[a-z0-9]+$/);
    assert.notEqual(one, other);
    assert.equal(authorOf({ kind: 'staff', name: 'عامر خان' }).slug, one);
  });

  test('an agency keeps its page when a writer’s name folds to the same slug', () => {
    const found = findAuthor(
      [
        { kind: 'staff', name: 'Reuters' },
        { kind: 'agency', agency: 'Reuters' },
      ],
      'reuters',
    );
    assert.equal(found?.byline.kind, 'agency');
    assert.equal(findAuthor([{ kind: 'staff', name: 'Amina Qureshi' }], 'nobody'), null);
  });
});
