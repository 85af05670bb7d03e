import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  assertAlive,
  assertUnharmed,
  type Baseline,
  type HostileSite,
  rawExchange,
  request,
  startHostileSite,
  statusCodes,
  takeBaseline,
} from './hostileSite.js';

// Requests framed the way a hostile network or client frames them: one byte at
// a time, too slowly, too large, in bytes that are not UTF-8 or not JSON.

const json = { 'Content-Type': 'application/json' };

function trade(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    feed: 'hostile',
    trades: [{ seq: 1, symbol: 'OGDC', price: '86.20', volume: 500, time: new Date().toISOString(), ...overrides }],
  });
}

function openSlowConnection(port: number, head: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

function closed(socket: Socket, withinMs: number): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const timer = setTimeout(() => resolve(`still open; received ${JSON.stringify(text)}`), withinMs);
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
}

describe('hostile traffic: framing, size and encoding', () => {
  let site: HostileSite;
  let baseline: Baseline;

  before(async () => {
    site = await startHostileSite();
    baseline = await takeBaseline(site);
  });
  after(async () => {
    await site?.close();
  });

  it('answers requests that arrive one byte at a time', async () => {
    const cases: [Buffer, number][] = [
      [request('GET', '/markets'), 200],
      [request('GET', '/api/v1/market/stream?symbols=OGDC'), 200],
      [request('POST', `/api/v1/articles/${site.articleId}/comments`, json, '{"name":"","email":"","body":""}'), 422],
      [request('POST', '/api/v1/market/trades', { ...json, Authorization: 'Bearer nope' }, trade()), 401],
    ];
    const answers = await Promise.all(
      cases.map(([bytes]) =>
        rawExchange(site.port, bytes, { bytewiseDelayMs: 1, waitMs: 3000, until: (text) => /\r\n\r\n/.test(text) }),
      ),
    );
    assert.deepEqual(
      answers.map((answer) => statusCodes(answer.text)[0]),
      cases.map(([, status]) => status),
    );
  });

  it('keeps serving while slow-header connections are held, and closes them after its header timeout', async () => {
    const slow = await Promise.all(
      Array.from({ length: 100 }, () => openSlowConnection(site.port, 'GET /markets HTTP/1.1\r\nHost: x\r\n')),
    );
    // A header line now and then, as a slow-loris client sends them, never the end of the head.
    const drip = setInterval(() => {
      for (const socket of slow) if (!socket.destroyed) socket.write('X-Drip: 1\r\n');
    }, 1000);
    try {
      await assertAlive(site);
      const endings = await Promise.all(slow.map((socket) => closed(socket, 30_000)));
      const open = endings.filter((text) => text.startsWith('still open'));
      assert.equal(open.length, 0, `${open.length} slow connections still open: ${open[0]}`);
      assert.ok(
        endings.every((text) => text === '' || statusCodes(text)[0] === 408),
        endings.find((text) => text !== '' && statusCodes(text)[0] !== 408),
      );
    } finally {
      clearInterval(drip);
      for (const socket of slow) socket.destroy();
    }
    await assertAlive(site);
  });

  it('keeps serving while slow bodies trickle in', async () => {
    const head = `POST /api/v1/articles/${site.articleId}/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"name":"`;
    const slow = await Promise.all(Array.from({ length: 50 }, () => openSlowConnection(site.port, head)));
    try {
      const drip = setInterval(() => {
        for (const socket of slow) if (!socket.destroyed) socket.write('a');
      }, 200);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await assertAlive(site);
      clearInterval(drip);
    } finally {
      for (const socket of slow) socket.destroy();
    }
  });

  it('takes a request target of up to 8 KiB and answers a longer one 414 with the limit, however long', async () => {
    const search = (bytes: number) => `/search?q=${'a'.repeat(bytes - '/search?q='.length)}`;
    const complete = (text: string) => /\r\n\r\n[\s\S]*<\/html>\n?$|\r\n\r\n\{[\s\S]*\}$/.test(text);
    const atLimit = await rawExchange(site.port, request('GET', search(8192), { Connection: 'close' }));
    assert.deepEqual(statusCodes(atLimit.text), [200]);
    assert.ok(atLimit.text.includes('a'.repeat(8192 - '/search?q='.length)), 'the whole query reached the page');
    // Just over, over Node's 16 KB head (it answered 431, "Request Header Fields Too Large"), and far over.
    for (const bytes of [8193, 12_000, 16_384, 20_000, 70_000]) {
      const answer = await rawExchange(site.port, request('GET', search(bytes)), { until: complete });
      assert.deepEqual(statusCodes(answer.text), [414], `${bytes} bytes`);
      assert.match(answer.text, /content-type: text\/html/i, `${bytes} bytes`);
      assert.match(answer.text, /longer than the 8,192 characters the site takes/, `${bytes} bytes`);
    }
    const api = await rawExchange(site.port, request('GET', `/api/v1/market/quotes?x=${'1'.repeat(20_000)}`), {
      until: complete,
    });
    assert.deepEqual(statusCodes(api.text), [414]);
    const body = JSON.parse(api.text.slice(api.text.indexOf('\r\n\r\n') + 4)) as { error: string; message: string };
    assert.equal(body.error, 'URI Too Long');
    assert.match(body.message, /8,192 characters/);
    // A long header is still what it was: 431.
    const header = await rawExchange(site.port, request('GET', '/', { Cookie: 'c'.repeat(20_000) }), {
      until: complete,
    });
    assert.deepEqual(statusCodes(header.text), [431]);
    await assertAlive(site);
  });

  it('refuses oversized heads and bodies with 4xx', async () => {
    const cases: [string, Buffer, number[]][] = [
      ['a 20 KB header', request('GET', '/', { 'X-Big': 'a'.repeat(20_000) }), [431]],
      ['a 20 KB URL', request('GET', `/markets?${'q='.repeat(10_000)}`), [414]],
      [
        '1,000 headers',
        request('GET', '/', Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`X-H${i}`, 'v']))),
        [200, 431],
      ],
      [
        'a 1 MB comment',
        request('POST', `/api/v1/articles/${site.articleId}/comments`, json, `{"name":"${'a'.repeat(1_000_000)}"}`),
        [413],
      ],
      [
        'a 6 MB trade batch',
        request(
          'POST',
          '/api/v1/market/trades',
          { ...json, Authorization: `Bearer ${site.feedToken}` },
          `{"feed":"x","trades":[${'1,'.repeat(3_000_000)}1]}`,
        ),
        [413],
      ],
      [
        'a 100 MB declared comment',
        Buffer.from(
          `POST /api/v1/articles/${site.articleId}/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n{`,
          'latin1',
        ),
        [413],
      ],
      [
        'a chunked body past the limit',
        Buffer.concat([
          Buffer.from(
            `POST /api/v1/articles/${site.articleId}/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
            'latin1',
          ),
          ...Array.from({ length: 200 }, () => Buffer.from(`400\r\n${'a'.repeat(1024)}\r\n`, 'latin1')),
          Buffer.from('0\r\n\r\n', 'latin1'),
        ]),
        [413],
      ],
      [
        'a bad chunk size',
        Buffer.from(
          'POST /api/v1/market/trades HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
          'latin1',
        ),
        [400, 401],
      ],
      [
        'both Content-Length and chunked',
        Buffer.from(
          'POST /api/v1/market/trades HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
          'latin1',
        ),
        [400],
      ],
    ];
    const failures: string[] = [];
    for (const [name, bytes, expected] of cases) {
      const answer = await rawExchange(site.port, bytes, { waitMs: 5000, until: (text) => /\r\n\r\n/.test(text) });
      const status = statusCodes(answer.text)[0];
      // A body refused while it is still arriving: the server answers 413 and closes, and the client, still
      // writing, may see the reset before it reads the answer. A refusal all the same.
      const resetMidBody = status === undefined && answer.closedByServer && expected.includes(413);
      if (!resetMidBody && (status === undefined || !expected.includes(status)))
        failures.push(`${name}: ${status ?? 'no answer'}`);
    }
    assert.deepEqual(failures, []);
    await assertAlive(site);
  });

  it('answers bytes that are not UTF-8, not JSON or not HTTP with 4xx', async () => {
    const comments = `/api/v1/articles/${site.articleId}/comments`;
    const feed = { ...json, Authorization: `Bearer ${site.feedToken}` };
    const cases: [string, Buffer][] = [
      ['a raw 0xFF in the path', Buffer.from('GET /news/\xff\xfe/x HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1')],
      ['a percent-encoded bad sequence', request('GET', '/news/%FF%FE%C0/x')],
      ['a bad sequence in a tag', request('GET', '/tags/%E0%80')],
      ['a bad sequence in a query', request('GET', '/markets/stocks/OGDC?range=%FF')],
      ['a control byte in a header', Buffer.from('GET / HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n', 'latin1')],
      ['a bare LF head', Buffer.from('GET / HTTP/1.1\nHost: x\n\n', 'latin1')],
      ['not HTTP at all', Buffer.from('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03', 'latin1')],
      ['an unknown method', request('BREW', '/')],
      ['HTTP/2 preface', Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1')],
      [
        'invalid UTF-8 JSON comment',
        request('POST', comments, json, Buffer.from('{"name":"\xff\xfe","email":"a@b.c","body":"\xc3"}', 'latin1')),
      ],
      ['truncated JSON', request('POST', comments, json, '{"name":"a","email":')],
      ['JSON nested 100,000 deep', request('POST', comments, json, `${'['.repeat(100_000)}${']'.repeat(100_000)}`)],
      [
        'JSON with __proto__',
        request('POST', comments, json, '{"__proto__":{"admin":true},"name":"a","email":"a@b.c","body":"b"}'),
      ],
      ['a JSON string, not an object', request('POST', comments, json, '"hello"')],
      [
        'form data to a JSON route',
        request('POST', comments, { 'Content-Type': 'application/x-www-form-urlencoded' }, 'name=a'),
      ],
      ['an unknown content type', request('POST', comments, { 'Content-Type': 'text/x-nope' }, 'name=a')],
      [
        'trades: invalid UTF-8',
        request('POST', '/api/v1/market/trades', feed, Buffer.from('{"feed":"\xff","trades":[]}', 'latin1')),
      ],
      ['trades: truncated', request('POST', '/api/v1/market/trades', feed, trade().slice(0, 40))],
      [
        'trades: nested deep',
        request('POST', '/api/v1/market/trades', feed, `{"feed":"x","trades":${'['.repeat(50_000)}`),
      ],
      ['fx: not JSON', request('POST', '/api/v1/market/fx', feed, 'rate=1')],
      [
        'sign-in: invalid UTF-8 form',
        request(
          'POST',
          '/admin/login',
          { 'Content-Type': 'application/x-www-form-urlencoded' },
          Buffer.from('email=%FF&password=\xff', 'latin1'),
        ),
      ],
    ];
    const failures: string[] = [];
    for (const [name, bytes] of cases) {
      const answer = await rawExchange(site.port, bytes, { waitMs: 3000, until: (text) => /\r\n\r\n/.test(text) });
      const status = statusCodes(answer.text)[0];
      // A connection closed without an answer is an acceptable refusal for bytes that are not HTTP.
      if (status === undefined ? !answer.closedByServer : status >= 500 || status < 300) {
        // Bad bytes in a page's path are a 404 (no such page), and that is a 4xx too.
        failures.push(`${name}: ${status ?? 'no answer, connection left open'}`);
      }
    }
    assert.deepEqual(failures, []);
    await assertAlive(site);
  });

  it('changed nothing stored and kept its memory bounded', async () => {
    await assertUnharmed(site, baseline, 200 * 1024 * 1024);
  });
});
