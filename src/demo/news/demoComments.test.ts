import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateComment } from '../../news/commentRules.js';
import { generateDemoNews } from './generateDemoNews.js';

// Comments are checked on a real archive, as the store will receive them.
const now = new Date('2023-01-31T13:03:00Z');
const { articles, comments } = generateDemoNews({ now });

describe('demo comments', () => {
  test('at least 150, mostly approved, some pending', () => {
    assert.ok(comments.length >= 150);
    const approved = comments.filter((c) => c.status === 'approved').length;
    assert.ok(approved / comments.length > 0.6);
    assert.ok(comments.some((c) => c.status === 'pending'));
  });

  test('every comment passes validation unchanged and is timed after its article', () => {
    for (const c of comments) {
      const result = validateComment(c);
      assert.ok(result.ok, c.body);
      assert.deepEqual(result.value, { name: c.name, email: c.email, body: c.body });
      const article = articles[c.articleIndex];
      assert.ok(article, `bad index ${c.articleIndex}`);
      assert.ok(c.createdAt >= article.publishedAt && c.createdAt < now);
    }
  });

  test('some approved comments carry markup characters, quotes and emoji', () => {
    const approved = comments.filter((c) => c.status === 'approved').map((c) => c.body);
    for (const needle of ['<', '&', '"', "'", '<script>']) {
      assert.ok(
        approved.some((b) => b.includes(needle)),
        needle,
      );
    }
    assert.ok(approved.some((b) => /\p{Extended_Pictographic}/u.test(b)));
  });
});
