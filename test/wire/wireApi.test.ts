import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAX_WIRE_FILE_BYTES } from '../../src/desk/wire/wireIngest.js';
import { MAX_WIRE_BYTES } from '../../src/ingest/wire/parseWireFile.js';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import { type AdminSite, startAdminSite } from '../newsroom/adminSite.js';
import { tokenFor } from '../newsroom/articlesFixture.js';
import { ninjsJson } from './wireFixtures.js';

interface Answer {
  readonly status: number;
  readonly body: {
    readonly counts?: Record<string, number>;
    readonly items?: readonly Record<string, unknown>[];
    readonly message?: string;
  };
}

describe('POST /api/v1/wire', () => {
  let site: AdminSite;
  let feedToken: string;

  before(async () => {
    site = await startAdminSite();
    feedToken = (await createApiToken(site.db, { name: 'AFP delivery', role: 'wire-feed', now: new Date() })).token;
  });
  after(() => site.close());

  async function send(body: BodyInit, options: { token?: string; type?: string; name?: string } = {}): Promise<Answer> {
    const response = await fetch(`${site.baseUrl}/api/v1/wire${options.name ? `?name=${options.name}` : ''}`, {
      method: 'POST',
      headers: {
        ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}),
        'content-type': options.type ?? 'application/json',
      },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
  }

  test('only a token or person with wire.ingest may send, before the body is looked at', async () => {
    assert.equal((await send(ninjsJson())).status, 401);
    assert.equal((await send(ninjsJson(), { token: 'bst_unknown' })).status, 401);
    const writer = await tokenFor(site, 'writer');
    const refused = await send(ninjsJson(), { token: writer });
    assert.equal(refused.status, 403);
    assert.match(String(refused.body.message), /may not send agency copy to the wire inbox/);
    const editor = await tokenFor(site, 'editor');
    const taken = await send(ninjsJson({ uri: 'by-editor' }), { token: editor });
    assert.equal(taken.status, 200);
  });

  test('an item is accepted, a repeat is a duplicate, a newer version updates, a kill kills', async () => {
    const first = await send(ninjsJson(), { token: feedToken, name: 'item-1.json' });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.counts, { accepted: 1, updated: 0, duplicate: 0, stale: 0, killed: 0, rejected: 0 });
    const item = first.body.items?.[0];
    assert.equal(item?.status, 'accepted');
    assert.equal(item?.agency, 'AFP');
    assert.equal(item?.headline, 'Oil prices climb as supply worries return');
    assert.equal(item?.file, 'item-1.json');
    assert.equal((await send(ninjsJson(), { token: feedToken })).body.items?.[0]?.status, 'duplicate');
    assert.equal((await send(ninjsJson({ version: '2' }), { token: feedToken })).body.items?.[0]?.status, 'updated');
    const kill = await send(ninjsJson({ version: '3', pubstatus: 'withdrawn' }), { token: feedToken });
    assert.equal(kill.body.items?.[0]?.status, 'killed');
  });

  test('hostile and broken files are rejected with a reason, and the next file is still taken', async () => {
    const invalidUtf8 = await send(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0xff, 0xfe, 0x7d]), {
      token: feedToken,
    });
    assert.equal(invalidUtf8.status, 200);
    assert.equal(invalidUtf8.body.items?.[0]?.status, 'rejected');
    assert.match(String(invalidUtf8.body.items?.[0]?.reason), /UTF-8/);

    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    const bomb = await send(laughs, { token: feedToken, type: 'application/xml' });
    assert.equal(bomb.status, 200);
    assert.equal(bomb.body.items?.[0]?.status, 'rejected');

    const truncated = await send('{"uri": "x", "headline": ', { token: feedToken });
    assert.equal(truncated.body.items?.[0]?.status, 'rejected');

    // Agencies send pictures and notes without one: taken, marked for the desk, never refused.
    const noHeadline = await send(ninjsJson({ uri: 'no-headline', headline: '' }), { token: feedToken });
    assert.equal(noHeadline.body.items?.[0]?.status, 'accepted');
    assert.match(String(noHeadline.body.items?.[0]?.headline), /no headline/);

    const next = await send(ninjsJson({ uri: 'after-the-bad-ones', headline: 'Gold steadies' }), { token: feedToken });
    assert.equal(next.body.items?.[0]?.status, 'accepted');
  });

  test('a body over the limit is refused with 413 and stores nothing; a type neither JSON nor XML with 415', async () => {
    const held = async () => (await site.db.selectFrom('wire_items').select('id').execute()).length;
    const before = await held();
    const huge = new Uint8Array(MAX_WIRE_FILE_BYTES + 1).fill(0x20);
    const tooBig = await send(huge, { token: feedToken });
    assert.equal(tooBig.status, 413);
    assert.match(String(tooBig.body.message), new RegExp(`at most ${MAX_WIRE_FILE_BYTES} bytes`));
    assert.equal(MAX_WIRE_FILE_BYTES, MAX_WIRE_BYTES, 'the inbox and the reader refuse from the same size');
    assert.equal(await held(), before);
    const wrongType = await send(ninjsJson({ uri: 'typed' }), { token: feedToken, type: 'text/plain' });
    assert.equal(wrongType.status, 415);
    const rows = await site.db.selectFrom('wire_items').select('agency_id').where('agency_id', '=', 'typed').execute();
    assert.equal(rows.length, 0);
  });
});
