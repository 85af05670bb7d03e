import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { apiCall, Browser } from '../newsroom/adminSite.js';
import { addStory } from '../newsroom/moderationFixture.js';
import { type ScaledOutSite, type SiteNode, scaledOutSkip, startScaledOutSite } from '../support/scaledOutSite.js';

// Two web nodes behind a proxy at 127.0.0.1 (`--trust-proxy 127.0.0.1`), sharing PostgreSQL and
// Redis. Readers are told apart by X-Forwarded-For, which only the proxy may set: a peer at any
// other loopback address (127.x.y.z, reached by binding the client socket there) is a stranger
// whose header must change nothing. Readers' addresses are random documentation-range addresses,
// so counts left in Redis by an earlier run never meet this one's.

const skip = await scaledOutSkip();
const LIMIT = 2;

const used = new Set<string>();
/** A reader's address not used before in this run. */
function newReader(): string {
  for (;;) {
    const address = `203.0.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    if (!used.has(address)) {
      used.add(address);
      return address;
    }
  }
}

/** POSTs a comment; `from` binds the client's end of the connection to that loopback address. */
function postComment(
  node: SiteNode,
  articleId: number,
  input: { readonly forwardedFor?: string; readonly from?: string; readonly body?: string },
): Promise<number> {
  const payload = JSON.stringify({ name: 'Reader', email: 'reader@example.com', body: input.body ?? 'A fair point.' });
  const url = new URL(`/api/v1/articles/${articleId}/comments`, node.address);
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        ...(input.from !== undefined ? { localAddress: input.from } : {}),
        headers: {
          'content-type': 'application/json',
          ...(input.forwardedFor !== undefined ? { 'x-forwarded-for': input.forwardedFor } : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}

describe('behind a trusted proxy every node sees the reader’s own address', { skip }, () => {
  let site: ScaledOutSite;
  let a: SiteNode;
  let b: SiteNode;
  let token: string;
  let articleId: number;

  before(async () => {
    site = await startScaledOutSite({
      nodes: 2,
      args: ['--trust-proxy', '127.0.0.1', '--comment-rate-limit', String(LIMIT)],
    });
    [a, b] = site.nodes as [SiteNode, SiteNode];
    token = await site.apiToken('moderator');
    articleId = await addStory(site.store.store, { headline: 'Cement sales rise' });
  });
  after(() => site?.close());

  /** The addresses stored with the comments whose body is `body`. */
  const storedAddresses = async (body: string) =>
    (await site.store.store.listComments({ limit: 500 })).filter((c) => c.body === body).map((c) => c.ip);

  test('one reader’s comments are counted together by both nodes; another reader has a limit of their own', async () => {
    const reader = newReader();
    const other = newReader();
    assert.equal(await postComment(a, articleId, { forwardedFor: reader, body: `From ${reader}` }), 201);
    assert.equal(await postComment(b, articleId, { forwardedFor: reader, body: `From ${reader}` }), 201);
    assert.equal(await postComment(a, articleId, { forwardedFor: reader }), 429, 'the third within the minute');
    assert.equal(await postComment(b, articleId, { forwardedFor: reader }), 429, 'on the other node too');
    // A browser behind the reader's own proxy: the client list grows leftwards, the last hop is the reader.
    assert.equal(await postComment(b, articleId, { forwardedFor: `10.1.1.1, ${reader}` }), 429);

    assert.equal(await postComment(b, articleId, { forwardedFor: other, body: `From ${other}` }), 201);
    assert.deepEqual(await storedAddresses(`From ${reader}`), [reader, reader]);
    assert.deepEqual(await storedAddresses(`From ${other}`), [other]);
  });

  test('banning one reader’s address does not ban the other reader behind the same proxy', async () => {
    const banned = newReader();
    const other = newReader();
    assert.equal(await postComment(a, articleId, { forwardedFor: banned }), 201);
    const ban = await apiCall({ baseUrl: a.address }, 'POST', '/api/v1/admin/comments/bans', token, {
      ip: banned,
      reason: 'abuse',
    });
    assert.equal(ban.status, 201, JSON.stringify(ban.body));
    assert.equal(await postComment(b, articleId, { forwardedFor: banned }), 403);
    assert.equal(await postComment(b, articleId, { forwardedFor: other }), 201);
    const audit = await site.store.audit.list({ limit: 20 });
    assert.ok(audit.some((entry) => entry.action === 'comment.ban' && entry.subject?.id === banned));
  });

  test('a peer that is not the proxy cannot choose its address with a forged X-Forwarded-For', async () => {
    const peer = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const banned = newReader();
    await site.store.moderation.banAddress({ ip: banned, reason: null, by: 'test', at: new Date() });
    const body = `Forged by ${peer}`;
    // Claiming a banned reader's address neither gets the peer refused as that reader …
    assert.equal(await postComment(a, articleId, { from: peer, forwardedFor: banned, body }), 201);
    // … nor do fresh addresses in the header buy fresh allowances: all count against the peer.
    assert.equal(await postComment(b, articleId, { from: peer, forwardedFor: newReader(), body }), 201);
    assert.equal(await postComment(a, articleId, { from: peer, forwardedFor: newReader(), body }), 429);
    assert.deepEqual(await storedAddresses(body), [peer, peer]);
  });

  test('the sign-in throttle and the audit log see the reader behind the proxy', async () => {
    const reader = newReader();
    const browser = new Browser(a.address);
    const csrf = await browser.csrfToken('/admin/login');
    const failed = await browser.post(
      '/admin/login',
      { email: 'nobody@example.com', password: 'wrong password', _csrf: csrf },
      { 'x-forwarded-for': reader },
    );
    assert.equal(failed.status, 401);
    const audit = await site.store.audit.list({ limit: 20 });
    const entry = audit.find((e) => e.action === 'user.login-failed' && e.details?.ip === reader);
    assert.ok(entry, `no failed sign-in audited for ${reader}: ${JSON.stringify(audit.map((e) => e.details))}`);
    const counted = await site.store.db
      .selectFrom('login_failures')
      .select('key')
      .where('key', '=', `address:${reader}`)
      .execute();
    assert.equal(counted.length, 1, 'the failure is counted against the reader’s address');
  });
});
