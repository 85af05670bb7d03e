import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  assertAlive,
  assertUnharmed,
  type Baseline,
  type HostileSite,
  startHostileSite,
  takeBaseline,
} from './hostileSite.js';

// A randomised fuzz of the two public write paths, the push API and the
// comment API: seeded and reproducible (HOSTILE_SEED=n repeats a run), bounded
// by a case count and a time budget. Every answer must be a deliberate one
// (2xx or 4xx, never 5xx), the server must stay up with bounded memory, and
// only the tables those APIs write to may change.

const SEED = Number(process.env.HOSTILE_SEED ?? 20261204);
const CASES_PER_API = Number(process.env.HOSTILE_CASES ?? 2000);
const BUDGET_MS = 25_000;

/** mulberry32: small, fast and good enough to pick mutations. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

class Fuzzer {
  constructor(readonly random: () => number) {}

  int(below: number): number {
    return Math.floor(this.random() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /** A value of any type, with the awkward ones over-represented. */
  value(depth = 0): Json {
    switch (this.int(depth > 2 ? 9 : 11)) {
      case 0:
        return null;
      case 1:
        return this.random() < 0.5;
      case 2:
        return this.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53, 2 ** 63, Number.MIN_VALUE, 100, 86.2]);
      case 3:
        return this.pick(['', ' ', '0', '-0', '1e3', '86.2', '86.205', '-86.20', 'NaN', 'Infinity', '٨٦.٢٠']);
      case 4:
        return this.pick(['9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '2024-02-30T00:00:00Z', 'yesterday', '']);
      case 5:
        return this.pick([
          '<script>alert(1)</script>',
          '"); DROP TABLE comments;--',
          '\u0000\u0001\u001f',
          '\ud800',
          '‮',
        ]);
      case 6:
        return 'x'.repeat(this.pick([1, 64, 65, 1000, 1001, 20_000]));
      case 7:
        return this.pick(['OGDC', 'ogdc', 'NOPE', 'KSE100', '', 'O'.repeat(100), 'پاکستان']);
      case 8:
        return String.fromCodePoint(...Array.from({ length: this.int(40) }, () => this.int(0x2ffff)));
      case 9:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.key(), this.value(depth + 1)]));
    }
  }

  key(): string {
    return this.pick([
      'seq',
      'symbol',
      'price',
      'volume',
      'time',
      'feed',
      'name',
      'email',
      'body',
      '__proto__',
      'constructor',
      'x',
      '',
    ]);
  }

  /** The valid document with one to four changes: a field dropped, replaced, added, or the whole shape broken. */
  mutate(valid: Json): Json {
    let document = structuredClone(valid);
    for (let count = 1 + this.int(4); count > 0; count -= 1) document = this.mutateOnce(document);
    return document;
  }

  private mutateOnce(document: Json): Json {
    if (document === null || typeof document !== 'object' || this.random() < 0.05) return this.value();
    const target = this.randomContainer(document);
    if (Array.isArray(target)) {
      const choice = this.int(3);
      if (choice === 0 && target.length > 0) target.splice(this.int(target.length), 1);
      else if (choice === 1 && target.length > 0) target[this.int(target.length)] = this.value();
      else target.push(this.random() < 0.5 && target.length > 0 ? structuredClone(target[0] as Json) : this.value());
      return document;
    }
    const keys = Object.keys(target);
    const choice = this.int(3);
    if (choice === 0 && keys.length > 0) delete target[this.pick(keys)];
    else if (choice === 1 && keys.length > 0) target[this.pick(keys)] = this.value();
    else target[this.key()] = this.value();
    return document;
  }

  private randomContainer(document: Json[] | { [key: string]: Json }): Json[] | { [key: string]: Json } {
    let current = document;
    for (;;) {
      const children = (Array.isArray(current) ? current : Object.values(current)).filter(
        (child): child is Json[] | { [key: string]: Json } => child !== null && typeof child === 'object',
      );
      if (children.length === 0 || this.random() < 0.4) return current;
      current = this.pick(children);
    }
  }

  /** The body as sent: usually the JSON text, sometimes cut short or with a byte changed. */
  serialise(document: Json): string {
    const text = JSON.stringify(document) ?? 'null';
    const roll = this.random();
    if (roll < 0.05) return text.slice(0, this.int(text.length));
    if (roll < 0.1) {
      const at = this.int(text.length);
      return `${text.slice(0, at)}${this.pick(['"', '{', ']', ',', '\\', '\u0000'])}${text.slice(at + 1)}`;
    }
    return text;
  }
}

interface Tally {
  readonly statuses: Map<number, number>;
  readonly failures: string[];
}

async function fuzz(
  site: HostileSite,
  label: string,
  seed: number,
  send: (fuzzer: Fuzzer, index: number) => { path: string; headers: Record<string, string>; body: string },
): Promise<Tally> {
  const fuzzer = new Fuzzer(prng(seed));
  const tally: Tally = { statuses: new Map(), failures: [] };
  const started = Date.now();
  for (let index = 0; index < CASES_PER_API && Date.now() - started < BUDGET_MS; index += 1) {
    const { path, headers, body } = send(fuzzer, index);
    const response = await fetch(`${site.address}${path}`, { method: 'POST', headers, body });
    const text = await response.text();
    tally.statuses.set(response.status, (tally.statuses.get(response.status) ?? 0) + 1);
    if (response.status >= 500)
      tally.failures.push(
        `${label} case ${index} (HOSTILE_SEED=${seed}): ${response.status} ${text.slice(0, 200)} for ${body.slice(0, 300)}`,
      );
  }
  return tally;
}

describe(`hostile traffic: a seeded fuzz of the push and comment APIs (HOSTILE_SEED=${SEED})`, () => {
  let site: HostileSite;
  let baseline: Baseline;

  before(async () => {
    site = await startHostileSite();
    baseline = await takeBaseline(site);
  });
  after(async () => {
    await site?.close();
  });

  it('answers every mutated trade and FX push with 2xx or 4xx', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${site.feedToken}` };
    const now = new Date().toISOString();
    const trades: Json = {
      feed: 'fuzz',
      trades: [{ seq: 1, symbol: 'OGDC', price: '86.20', volume: 500, time: now }],
    };
    const rates: Json = {
      rates: [{ pair: 'USD/PKR', market: 'interbank', buying: '278.40', selling: '278.40', time: now, source: 'SBP' }],
    };
    const tally = await fuzz(site, 'push', SEED, (fuzzer, index) => {
      const fx = index % 3 === 2;
      const document = fuzzer.mutate(fx ? rates : trades);
      return { path: fx ? '/api/v1/market/fx' : '/api/v1/market/trades', headers, body: fuzzer.serialise(document) };
    });
    assert.deepEqual(tally.failures, []);
    assert.ok((tally.statuses.get(400) ?? 0) > 0, `statuses: ${[...tally.statuses].join(' ')}`);
    await assertAlive(site);
  });

  it('answers every mutated comment with 2xx or 4xx', async () => {
    const comment: Json = { name: 'A reader', email: 'reader@example.com', body: 'A fair point about the rupee.' };
    const tally = await fuzz(site, 'comment', SEED + 1, (fuzzer) => ({
      path: `/api/v1/articles/${fuzzer.random() < 0.9 ? site.articleId : fuzzer.pick(['0', '-1', 'x', '99999999999999999999', '%00'])}/comments`,
      headers: { 'content-type': 'application/json' },
      body: fuzzer.serialise(fuzzer.mutate(comment)),
    }));
    assert.deepEqual(tally.failures, []);
    await assertAlive(site);
  });

  it('changed only what the fuzzed APIs write to, and kept its memory bounded', async () => {
    await assertUnharmed(site, baseline, 200 * 1024 * 1024, ['market_events', 'comments']);
  });
});
