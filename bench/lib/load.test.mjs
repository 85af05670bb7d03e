import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAutocannonJson, parseWrkOutput } from './load.mjs';

const WRK_REPORT = `Running 15s test @ http://127.0.0.1:40165/news/42/markets-rise
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.62ms    2.10ms  52.31ms   93.12%
    Req/Sec    20.10k     1.52k   24.01k    71.33%
  Latency Distribution
     50%  850.00us
     75%    1.45ms
     90%    3.02ms
     99%   11.20ms
  600000 requests in 15.00s, 32.43GB read
  Non-2xx or 3xx responses: 3
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:  40000.12
Transfer/sec:      2.16GB
`;

describe('parseWrkOutput', () => {
  test('reads throughput, percentiles in ms, bytes per response and errors', () => {
    const result = parseWrkOutput(WRK_REPORT);
    assert.equal(result.requestsPerSec, 40000.12);
    assert.equal(result.p50Ms, 0.85);
    assert.equal(result.p75Ms, 1.45);
    assert.equal(result.p90Ms, 3.02);
    assert.equal(result.p99Ms, 11.2);
    assert.equal(result.requests, 600000);
    assert.ok(Math.abs(result.bytesPerResponse - (32.43 * 1024 ** 3) / 600000) < 1e-6);
    assert.equal(result.non2xx, 3);
    assert.equal(result.socketErrors, 3);
  });

  test('reads second-scale latencies', () => {
    const result = parseWrkOutput(WRK_REPORT.replace('11.20ms', '1.20s'));
    assert.equal(result.p99Ms, 1200);
  });

  test('a report without --latency is refused, not guessed', () => {
    const noDistribution = WRK_REPORT.replace(/ {2}Latency Distribution[\s\S]*?(?= {2}600000)/, '');
    assert.throws(() => parseWrkOutput(noDistribution), /no 50% latency line/);
  });

  test('a clean run has no errors', () => {
    const clean = WRK_REPORT.replace(/ {2}Non-2xx.*\n/, '').replace(/ {2}Socket errors.*\n/, '');
    const result = parseWrkOutput(clean);
    assert.equal(result.non2xx, 0);
    assert.equal(result.socketErrors, 0);
  });
});

describe('parseAutocannonJson', () => {
  test('reads the same shape from autocannon --json', () => {
    const report = {
      requests: { average: 12000.5, total: 180000 },
      latency: { p50: 4, p75: 5, p90: 7, p99: 12 },
      throughput: { total: 180000 * 5000 },
      non2xx: 0,
      errors: 1,
      timeouts: 2,
    };
    const result = parseAutocannonJson(`Running 15s test\n${JSON.stringify(report)}`);
    assert.equal(result.requestsPerSec, 12000.5);
    assert.equal(result.p99Ms, 12);
    assert.equal(result.bytesPerResponse, 5000);
    assert.equal(result.socketErrors, 3);
  });
});
