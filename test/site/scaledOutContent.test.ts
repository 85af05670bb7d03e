import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Bus } from '../../src/bus/bus.js';
import type { ContentChange } from '../../src/bus/contentChange.js';
import { createRedisBus } from '../../src/bus/redisBus.js';
import { parseServeConfig } from '../../src/config.js';
import { apiCall } from '../newsroom/adminSite.js';
import { addStory } from '../newsroom/moderationFixture.js';
import { broadsheet, finish } from '../support/cliProcess.js';
import {
  eventuallyText,
  REDIS_URL,
  type ScaledOutSite,
  type SiteNode,
  scaledOutSkip,
  startScaledOutSite,
} from '../support/scaledOutSite.js';

// Two `broadsheet serve` processes on one PostgreSQL and one Redis. Every newsroom change made
// through one (or through the command line) must drop the cached reader pages of the other at once:
// its pages live for 5 s, and each check reads the other node's page just before the change and
// gives it one second to show it.

const skip = await scaledOutSkip();
const DATE = '2023-01-31';

describe('newsroom changes reach every web node', { skip }, () => {
  let site: ScaledOutSite;
  let a: SiteNode;
  let b: SiteNode;
  let token: string;
  let articleId: number;
  let articlePath: string;

  before(async () => {
    site = await startScaledOutSite({ nodes: 2 });
    [a, b] = site.nodes as [SiteNode, SiteNode];
    token = await site.apiToken('admin');
    articleId = await addStory(site.store.store, {
      headline: 'Rupee firms against dollar',
      tags: ['Crude Oil'],
      printPage: 1,
      publishedAt: new Date(`${DATE}T03:00:00Z`),
    });
    articlePath = `/news/${articleId}/rupee-firms-against-dollar`;
  });
  after(() => site?.close());

  test('a comment rejected on node A disappears from node B’s article page at once', async () => {
    const comment = await site.store.store.addComment(
      { articleId, name: 'Reader', email: 'r@example.com', body: 'Visible until rejected.', ip: '10.0.0.9' },
      'approved',
    );
    assert.match(await (await fetch(`${b.address}${articlePath}`)).text(), /Visible until rejected\./);

    const rejected = await apiCall({ baseUrl: a.address }, 'PATCH', `/api/v1/admin/comments/${comment.id}`, token, {
      status: 'rejected',
    });
    assert.equal(rejected.status, 200);

    const html = await eventuallyText(`${b.address}${articlePath}`, (text) => !text.includes('Visible until rejected'));
    assert.doesNotMatch(html, /Visible until rejected/);
  });

  test('`broadsheet comments approve` announces on the site’s Redis, and node B shows the comment', async () => {
    const comment = await site.store.store.addComment({
      articleId,
      name: 'Reader',
      email: 'r@example.com',
      body: 'Approved from the command line.',
      ip: '10.0.0.10',
    });
    // The nodes' channel prefix, derived from the database as `serve` derives it.
    const { redisPrefix } = parseServeConfig({ databaseUrl: site.databaseUrl }).operations;
    const listener: Bus = await createRedisBus({ url: REDIS_URL, channelPrefix: redisPrefix });
    const heard: ContentChange[] = [];
    listener.subscribe('content.changed', (change) => heard.push(change));
    try {
      assert.doesNotMatch(await (await fetch(`${b.address}${articlePath}`)).text(), /Approved from the command line/);
      const approved = await finish(
        broadsheet([
          'comments',
          'approve',
          String(comment.id),
          '--database-url',
          site.databaseUrl,
          '--redis-url',
          REDIS_URL,
        ]),
      );
      assert.equal(approved.code, 0, approved.stderr);
      assert.match(approved.stdout, new RegExp(`approved: ${comment.id}`));

      const html = await eventuallyText(`${b.address}${articlePath}`, (text) =>
        text.includes('Approved from the command line'),
      );
      assert.match(html, /Approved from the command line\./);
      // The page alone could have expired while the command ran; the announcement itself is what must be on Redis.
      const deadline = Date.now() + 1000;
      while (!heard.some((change) => change.kind === 'comments') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.ok(
        heard.some((change) => change.kind === 'comments' && change.articleIds.includes(articleId)),
        `heard ${JSON.stringify(heard)}`,
      );
      const audit = await site.store.audit.list({ limit: 5 });
      assert.ok(audit.some((entry) => entry.action === 'comment.approve'));
    } finally {
      await listener.close();
    }
  });

  test('a print layout saved on node A shows on node B’s print page at once', async () => {
    assert.doesNotMatch(await (await fetch(`${b.address}/print/${DATE}`)).text(), /Front and centre/);
    const saved = await apiCall({ baseUrl: a.address }, 'PUT', `/api/v1/admin/print/${DATE}`, token, {
      pages: [{ page: 1, label: 'Front and centre', articleIds: [articleId] }],
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const html = await eventuallyText(`${b.address}/print/${DATE}`, (text) => text.includes('Front and centre'));
    assert.match(html, /Front and centre/);
  });

  test('a tag renamed on node A shows renamed on node B’s article page at once', async () => {
    assert.match(await (await fetch(`${b.address}${articlePath}`)).text(), />Crude Oil</);
    const renamed = await apiCall({ baseUrl: a.address }, 'PATCH', '/api/v1/admin/tags/crude-oil', token, {
      name: 'Brent Crude',
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    const html = await eventuallyText(`${b.address}${articlePath}`, (text) => text.includes('Brent Crude'));
    assert.match(html, /Brent Crude/);
  });
});
