import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articlePathsIn } from './broadsheet.mjs';
import { chunkedBodyDecoder } from './chunkedBody.mjs';
import { parseStatCpuSeconds, parseStatEndedChildrenCpuSeconds, processTreeCpuSeconds } from './cpuTime.mjs';
import { nginxConf } from './nginx.mjs';
import { markdownTable } from './results.mjs';
import { parseVmRss } from './rss.mjs';
import { checkTargets } from './targets.mjs';

describe('articlePathsIn', () => {
  test('finds article links in page order, once each, relative or absolute', () => {
    const html = `<a href="/world">World</a><a href="/news/12/kse-100-gains">a</a>
      <a href="http://127.0.0.1:3000/news/7/rupee-firms">b</a><a href="/news/12/kse-100-gains">again</a>
      <a href="/news/x/not-an-id">c</a>`;
    assert.deepEqual(articlePathsIn(html), ['/news/12/kse-100-gains', '/news/7/rupee-firms']);
  });

  test('a page without articles gives none', () => {
    assert.deepEqual(articlePathsIn('<a href="/markets">Markets</a>'), []);
  });
});

describe('parseVmRss', () => {
  test('converts kB to bytes', () => {
    assert.equal(parseVmRss('Name:\tnode\nVmHWM:\t  90000 kB\nVmRSS:\t   81234 kB\n'), 81234 * 1024);
  });
  test('no VmRSS line (a kernel thread) gives null', () => {
    assert.equal(parseVmRss('Name:\tkthreadd\n'), null);
  });
});

describe('nginxConf', () => {
  test('serves the prebuilt gzip file, compresses nothing itself, listens on loopback only', () => {
    const conf = nginxConf({ prefix: '/tmp/p', root: '/tmp/www', port: 4567 });
    assert.match(conf, /^daemon off;/m);
    assert.match(conf, /worker_processes auto;/);
    assert.match(conf, /access_log off;/);
    assert.match(conf, /sendfile on;/);
    assert.match(conf, /gzip off;/);
    assert.match(conf, /gzip_static on;/);
    assert.match(conf, /listen 127\.0\.0\.1:4567;/);
    assert.match(conf, /root \/tmp\/www;/);
  });
});

describe('checkTargets', () => {
  const run = (server, coding, requestsPerSec, p99Ms, peakRss = null) => ({
    server,
    coding,
    result: { requestsPerSec, p99Ms },
    peakRss,
  });

  test('meets the budget at 0.40× nginx, p99 under 10 ms and RSS under 150 MB', () => {
    const verdicts = checkTargets([
      run('nginx', 'gzip', 10000, 2),
      run('Broadsheet', 'gzip', 4000, 9.9, 100 * 1024 ** 2),
    ]);
    assert.deepEqual(
      verdicts.map((v) => v.met),
      [true, true, true],
    );
  });

  test('misses each budget separately', () => {
    const verdicts = checkTargets([
      run('nginx', 'identity', 10000, 2),
      run('Broadsheet', 'identity', 3999, 10, 150 * 1024 ** 2),
    ]);
    assert.deepEqual(
      verdicts.map((v) => v.met),
      [false, false, false],
    );
    assert.match(verdicts[0].text, /0\.40× nginx/);
  });
});

describe('parseStatCpuSeconds', () => {
  test('adds utime and stime (fields 14 and 15) in clock ticks, whatever the command name holds', () => {
    const stat =
      '4242 (node (main) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 11 0 100 1000000 20000 18446744073709551615';
    assert.equal(parseStatCpuSeconds(stat), 18.01);
  });

  test('the running process has used some CPU', () => {
    assert.ok((processTreeCpuSeconds(process.pid) ?? 0) > 0);
  });

  test("ended children's time is fields 16 and 17, apart from the process's own", () => {
    const stat =
      '4242 (postgres: x (y)) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 300 45 20 0 11 0 100 1000000 20000 1';
    assert.equal(parseStatCpuSeconds(stat), 18.01);
    assert.equal(parseStatEndedChildrenCpuSeconds(stat), 3.45);
  });
});

describe('markdownTable', () => {
  test('pads every column to its widest cell, as the formatter lays Markdown tables out', () => {
    assert.equal(
      markdownTable(
        ['server', 'req/s'],
        [
          ['nginx', '123'],
          ['bare node http', '7'],
        ],
      ),
      [
        '| server         | req/s |',
        '| -------------- | ----- |',
        '| nginx          | 123   |',
        '| bare node http | 7     |',
      ].join('\n'),
    );
  });
});

describe('synthetic universe', () => {
  test('symbols are distinct four-letter codes', async () => {
    const { symbolOf } = await import('./universe.mjs');
    assert.equal(symbolOf(0), 'AAAA');
    assert.equal(symbolOf(27), 'AABB');
    assert.equal(new Set(Array.from({ length: 1000 }, (_, i) => symbolOf(i))).size, 1000);
  });

  test('trades fall inside the band the given rule computes, and carry seqs only with a feed', async () => {
    const { generateTrades, generateUniverse } = await import('./universe.mjs');
    const universe = generateUniverse({ stocks: 50 });
    assert.equal(universe.indices.length, 4);
    const band = (ldcp) => ({ lower: ldcp - 10, upper: ldcp + 10 });
    const time = new Date(0);
    const ldcps = new Map(universe.listings.map((l) => [l.symbol, l.ldcp]));
    for (const trade of generateTrades(universe, { count: 500, time, priceBand: band })) {
      const ldcp = ldcps.get(trade.symbol);
      assert.ok(trade.price >= ldcp - 10 && trade.price <= ldcp + 10);
      assert.equal(trade.seq, undefined);
    }
    const sequenced = generateTrades(universe, { count: 3, time, priceBand: band, feed: 'f', firstSeq: 7 });
    assert.deepEqual(
      sequenced.map((t) => t.seq),
      [7, 8, 9],
    );
  });
});

describe('chunkedBodyDecoder', () => {
  const body = '16\r\nevent: update\nid: 42\n\n\r\n5;ext=1\r\nhello\r\n0\r\n\r\n';
  test('decodes a whole body at once', () => {
    const decode = chunkedBodyDecoder();
    assert.equal(decode(Buffer.from(body)).toString(), 'event: update\nid: 42\n\nhello');
  });
  test('decodes the same bytes cut at every place, one byte at a time included', () => {
    for (let cut = 1; cut < body.length; cut++) {
      const decode = chunkedBodyDecoder();
      const text = decode(Buffer.from(body.slice(0, cut))).toString() + decode(Buffer.from(body.slice(cut))).toString();
      assert.equal(text, 'event: update\nid: 42\n\nhello', `cut at ${cut}`);
    }
    const decode = chunkedBodyDecoder();
    let text = '';
    for (const ch of body) text += decode(Buffer.from(ch)).toString();
    assert.equal(text, 'event: update\nid: 42\n\nhello');
  });
  test('a bad size line throws', () => {
    assert.throws(() => chunkedBodyDecoder()(Buffer.from('zz\r\n')), /bad chunk size/);
    assert.throws(() => chunkedBodyDecoder()(Buffer.from('2\r\nabX\r\n')), /no CRLF/);
  });
});
