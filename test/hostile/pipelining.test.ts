import assert from 'node:assert/strict';
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

// Pipelined and interleaved requests: every ordered pair of route families in
// one TCP write, the market stream among them in both places. One such write
// (a page, then the stream) used to end the process.

interface Probe {
  readonly name: string;
  readonly bytes: (site: HostileSite) => Buffer;
  readonly stream?: boolean;
  /** A HEAD: its response has a length but no body. */
  readonly head?: boolean;
}

const get =
  (path: string, headers: Record<string, string> = {}) =>
  () =>
    request('GET', path, headers);

const PROBES: readonly Probe[] = [
  { name: 'home page', bytes: get('/') },
  { name: 'section page', bytes: get('/world') },
  { name: 'article page', bytes: (site) => request('GET', `/news/${site.articleId}/x`) },
  { name: 'markets page', bytes: get('/markets') },
  { name: 'stock page', bytes: get('/markets/stocks/OGDC') },
  { name: 'index page', bytes: get('/markets/indices/KSE100') },
  { name: 'currency page', bytes: get('/markets/currency/usd-pkr', { 'Accept-Encoding': 'gzip, br' }) },
  { name: 'missing page', bytes: get('/no/such/page') },
  { name: 'quotes API', bytes: get('/api/v1/market/quotes') },
  { name: 'stream stats', bytes: get('/api/v1/market/stream/stats') },
  { name: 'market stream', bytes: get('/api/v1/market/stream'), stream: true },
  { name: 'filtered stream', bytes: get('/api/v1/market/stream?symbols=OGDC&indices=KSE100'), stream: true },
  { name: 'stream, bad filter', bytes: get('/api/v1/market/stream?symbols=NOPE') },
  { name: 'newsroom sign-in', bytes: get('/admin/login') },
  { name: 'newsroom (signed out)', bytes: get('/admin') },
  { name: 'favicon', bytes: get('/favicon.ico') },
  { name: 'head of home', bytes: () => request('HEAD', '/'), head: true },
  {
    name: 'comment (refused)',
    bytes: (site) =>
      request(
        'POST',
        `/api/v1/articles/${site.articleId}/comments`,
        { 'Content-Type': 'application/json' },
        '{"name":"","email":"x","body":""}',
      ),
  },
  {
    name: 'trade push (no token)',
    bytes: () =>
      request(
        'POST',
        '/api/v1/market/trades',
        { 'Content-Type': 'application/json' },
        '{"feed":"x","trades":[{"seq":1,"symbol":"OGDC","price":"1.00","volume":1,"time":"2024-01-01T00:00:00Z"}]}',
      ),
  },
  {
    name: 'sign-in post (no CSRF)',
    bytes: () =>
      request(
        'POST',
        '/admin/login',
        { 'Content-Type': 'application/x-www-form-urlencoded' },
        'email=a%40b.c&password=wrong',
      ),
  },
];

/** How many responses are complete: each head, and its body when it has one (`heads`: which answer a HEAD). */
function completeResponses(text: string, heads: readonly boolean[] = []): number {
  let count = 0;
  let rest = text;
  for (;;) {
    const head = /^HTTP\/1\.1 \d{3} [^\r]*\r\n([\s\S]*?)\r\n\r\n/.exec(rest);
    if (head === null) return count;
    const headers = head[1] ?? '';
    const length = /content-length: (\d+)/i.exec(headers);
    const start = head.index + head[0].length;
    if (heads[count] === true) {
      rest = rest.slice(start);
    } else if (length !== null) {
      const end = start + Number(length[1]);
      if (rest.length < end) return count;
      rest = rest.slice(end);
    } else if (/transfer-encoding: chunked/i.test(headers)) {
      const last = rest.indexOf('\r\n0\r\n\r\n', start);
      if (last === -1) return count;
      rest = rest.slice(last + 7);
    } else {
      return count + 1;
    }
    count += 1;
  }
}

describe('hostile traffic: pipelined and interleaved requests', () => {
  let site: HostileSite;
  let baseline: Baseline;

  before(async () => {
    site = await startHostileSite();
    baseline = await takeBaseline(site);
  });
  after(async () => {
    await site?.close();
  });

  it('answers every ordered pair of route families sent in one write, and refuses what follows a stream', async () => {
    const failures: string[] = [];
    const pairs = PROBES.flatMap((first) => PROBES.map((second) => [first, second] as const));
    // A few connections at a time, as a browser would open them.
    for (let start = 0; start < pairs.length; start += 12) {
      await Promise.all(
        pairs.slice(start, start + 12).map(async ([first, second]) => {
          const bytes = Buffer.concat([first.bytes(site), second.bytes(site)]);
          const heads = [first.head === true, second.head === true];
          const answer = await rawExchange(site.port, bytes, {
            waitMs: 4000,
            until: (text) =>
              !first.stream && (second.stream ? text.includes('event: snapshot') : completeResponses(text, heads) >= 2),
          });
          const codes = statusCodes(answer.text);
          const label = `${first.name} then ${second.name}`;
          if (codes.some((code) => code >= 500)) failures.push(`${label}: ${codes.join(', ')}`);
          if (first.stream) {
            // Nothing may follow an endless response: the connection is closed, the stream never corrupted.
            if (!answer.closedByServer) failures.push(`${label}: the connection stayed open`);
            if (/\r\n\r\n[\s\S]*HTTP\/1\.1 /.test(answer.text)) failures.push(`${label}: a response inside the stream`);
          } else if (second.stream) {
            if (codes.length !== 2 || codes[1] !== 200 || !answer.text.includes('event: snapshot'))
              failures.push(
                `${label}: ${codes.join(', ')} and ${answer.text.includes('event: snapshot') ? '' : 'no '}snapshot`,
              );
          } else if (completeResponses(answer.text, heads) < 2) {
            failures.push(`${label}: only ${codes.join(', ') || 'nothing'}`);
          }
        }),
      );
    }
    assert.deepEqual(failures, []);
    await assertAlive(site);
  });

  it('keeps a stream pipelined behind a slow page in order, and many requests in one write answered in order', async () => {
    const many = Buffer.concat([
      ...Array.from({ length: 40 }, (_, index) => request('GET', index % 2 === 0 ? '/' : '/api/v1/market/quotes')),
      request('GET', '/api/v1/market/stream'),
    ]);
    const answer = await rawExchange(site.port, many, {
      waitMs: 8000,
      until: (text) => text.includes('event: snapshot'),
    });
    const codes = statusCodes(answer.text);
    assert.equal(codes.length, 41, `answers: ${codes.join(', ')}`);
    assert.ok(
      codes.every((code) => code === 200),
      codes.join(', '),
    );
    assert.ok(answer.text.includes('event: snapshot'));
  });

  it('survives the stream request split over two writes with a page request before it', async () => {
    const first = Buffer.concat([request('GET', '/markets'), Buffer.from('GET /api/v1/market/str', 'latin1')]);
    const rest = Buffer.from('eam HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1');
    const answer = await rawExchange(site.port, Buffer.concat([first, rest]), {
      bytewiseDelayMs: 0,
      waitMs: 3000,
      until: (text) => text.includes('event: snapshot'),
    });
    assert.deepEqual(statusCodes(answer.text), [200, 200]);
    await assertAlive(site);
  });

  it('changed nothing stored and kept its memory bounded', async () => {
    await assertUnharmed(site, baseline, 200 * 1024 * 1024);
  });
});
