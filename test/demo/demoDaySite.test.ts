import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type App, createApp } from '../../src/app.js';
import { parseServeConfig } from '../../src/config.js';

// A fresh demo site started mid-session: its very first pages chart the whole
// simulated session so far and a year of the dollar, not one flat point.

// Tue 31 Jan 2023, 13:20 Karachi; the regular session opened at 09:30.
const now = new Date('2023-01-31T08:20:00Z');
const dir = mkdtempSync(join(tmpdir(), 'broadsheet-demo-day-'));
let app: App;
let baseUrl = '';

before(async () => {
  const config = parseServeConfig({
    port: '0',
    db: join(dir, 'site.sqlite'),
    // No live ticks: the clock stands still, so what the first request sees is the start's back-fill.
    simulator: 'off',
    commentRateLimit: '0',
    logLevel: 'silent',
  });
  app = await createApp(config, { now: () => now });
  baseUrl = (await app.start()).replace(/\/$/, '');
});

after(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function page(path: string): Promise<string> {
  const response = await fetch(`${baseUrl}${path}`);
  assert.equal(response.status, 200, path);
  return response.text();
}

describe('a demo started mid-session', () => {
  test('the first request for an index page charts the session from the open to now', async () => {
    const html = await page('/markets/indices/KSE100');
    const times = [...html.matchAll(/<th scope="row">(\d{2}:\d{2})<\/th>/g)].map(([, time]) => time as string);
    assert.equal(times[0], '09:30', 'starts at the open');
    assert.equal(times.at(-1), '13:20', 'reaches now');
    assert.ok(times.length >= 225, `${times.length} points`);
  });

  test('a stock page too', async () => {
    const html = await page('/markets/stocks/OGDC');
    const times = [...html.matchAll(/<th scope="row">(\d{2}:\d{2})<\/th>/g)].map(([, time]) => time as string);
    assert.equal(times[0], '09:30');
    assert.ok(times.length >= 225, `${times.length} points`);
  });

  test('the currency page has a year of US dollar rates', async () => {
    const html = await page('/markets/currency/usd-pkr');
    const dates = new Set(
      [...html.matchAll(/<th scope="row"><time datetime="(\d{4}-\d{2}-\d{2})"/gi)].map(([, date]) => date),
    );
    assert.ok(dates.size >= 250, `${dates.size} days`);
  });
});
