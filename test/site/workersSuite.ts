import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/news/roles.js';
import { createApiToken } from '../../src/store/accounts/apiTokens.js';
import type { DatabaseTarget } from '../../src/store/connect.js';
import { openMarketDb } from '../market/marketBackends.js';
import { apiCall } from '../newsroom/adminSite.js';
import { story } from '../newsroom/articlesFixture.js';
import { readyStatus, startWorkerSite, type WorkerNode, type WorkerSite } from '../support/workerSite.js';

/** How a backend's suite starts its site, and the database it issues tokens in. */
export interface WorkersBackend {
  /** `serve` arguments naming the database. */
  readonly args: () => readonly string[];
  /** The same database, opened by the test beside the site. */
  readonly database: () => DatabaseTarget;
}

/** An API token of `role`, written straight into the site's database as `broadsheet tokens create` would. */
async function issueToken(database: DatabaseTarget, role: Role): Promise<string> {
  const side = await openMarketDb(database);
  try {
    return (await createApiToken(side.db, { name: `workers ${role}`, role, now: new Date() })).token;
  } finally {
    await side.close();
  }
}

/**
 * `serve --workers 2` on the demo (simulator off, so only the test trades),
 * each worker reached on its own port as well as on the shared one. What one
 * worker is told, the other shows at once; what the engine worker
 * acknowledged outlives its kill -9.
 */
export function workersSuite(name: string, skip: string | false, backend: WorkersBackend): void {
  describe(name, { skip }, () => {
    let site: WorkerSite;
    let admin: string;
    let feed: string;
    let pushed: { symbol: string; price: string } | null = null;
    let seq = 0;

    before(async () => {
      site = await startWorkerSite(2, [
        ...backend.args(),
        '--simulator',
        'off',
        '--comment-rate-limit',
        '2',
        '--drain-window',
        '0',
        '--metrics-port',
        '0',
        '--worker-hang-timeout',
        '4000',
      ]);
      admin = await issueToken(backend.database(), 'admin');
      feed = await issueToken(backend.database(), 'market-feed');
    });
    after(async () => {
      const stopped = await site?.stop();
      if (stopped !== undefined) assert.equal(stopped.code, 0, `${stopped.stderr}\n${site.log()}`);
    });

    const both = () => {
      const workers = site.workers();
      assert.equal(workers.length, 2, site.log());
      return workers as [WorkerNode, WorkerNode];
    };

    test('the primary seeded the demo once, before the workers started', () => {
      const lines = site.log().split('\n');
      const seeded = lines.filter((line) => line.includes('"demo content seeded"'));
      assert.equal(seeded.length, 1, site.log());
      assert.doesNotMatch(seeded[0] ?? '', /"worker":/);
      const firstWorker = lines.findIndex((line) => line.includes('"worker":'));
      assert.ok(lines.indexOf(seeded[0] ?? '') < firstWorker, 'seeded before any worker said a word');
    });

    const push = async (symbol: string, price: string) => {
      seq += 1;
      const body = JSON.stringify({
        feed: 'workers-test',
        trades: [{ seq, symbol, price, volume: 100, time: new Date().toISOString() }],
      });
      // Until a worker holds the engine lease (just after a start or a kill), a push is answered 503, to be sent again.
      for (const deadline = Date.now() + 30_000; ; ) {
        const answer = await fetch(`${site.address}/api/v1/market/trades`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${feed}` },
          body,
        });
        const text = await answer.text();
        if (answer.status === 503 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          continue;
        }
        assert.equal(answer.status, 200, text);
        assert.equal((JSON.parse(text) as { results: { status: string }[] }).results[0]?.status, 'accepted', text);
        return;
      }
    };

    test('a story published through one worker’s newsroom is on both workers’ pages at once, and gone from both when killed', async () => {
      const [a, b] = both();
      const created = await apiCall({ baseUrl: a.address }, 'POST', '/api/v1/admin/articles', admin, {
        ...story({ headline: 'Cement despatches rise on northern demand' }),
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const { id, slug } = created.body as { id: number; slug: string };
      const path = `/news/${id}/${slug}`;
      // Read first on both, so a page either worker kept from before is what the change must drop.
      for (const worker of [a, b]) assert.notEqual((await fetch(`${worker.address}${path}`)).status, 200);

      const published = await apiCall(
        { baseUrl: a.address },
        'POST',
        `/api/v1/admin/articles/${id}/transition`,
        admin,
        {
          action: 'publish',
        },
      );
      assert.equal(published.status, 200, JSON.stringify(published.body));
      for (const worker of [b, a]) {
        const page = await eventually(`${worker.address}${path}`, (status) => status === 200);
        assert.equal(page.status, 200, `worker ${worker.id}`);
        assert.match(page.text, /Cement despatches rise on northern demand/);
      }

      const killed = await apiCall({ baseUrl: b.address }, 'POST', `/api/v1/admin/articles/${id}/transition`, admin, {
        action: 'kill',
      });
      assert.equal(killed.status, 200, JSON.stringify(killed.body));
      for (const worker of [a, b]) {
        const page = await eventually(`${worker.address}${path}`, (status) => status !== 200);
        assert.notEqual(page.status, 200, `worker ${worker.id} still shows the killed story`);
        assert.doesNotMatch(page.text, /Cement despatches rise on northern demand/);
      }
    });

    test('the workers number market versions far apart, so one never answers for the other’s ETag or event id', async () => {
      const [a, b] = both();
      const versions = await Promise.all(
        [a, b].map(async (worker) => {
          const response = await fetch(`${worker.address}/api/v1/market/quotes`);
          return ((await response.json()) as { version: number }).version;
        }),
      );
      const [first = 0, second = 0] = versions;
      // Numbered from the clock, two workers started milliseconds apart were a few thousand versions apart.
      assert.ok(Math.abs(first - second) > 10 ** 10, `versions ${versions.join(' and ')}`);
    });

    test('the metrics port, opened by the primary, shows every worker’s figures at each scrape', async () => {
      const address = /"metricsAddress":"(http:\/\/[^"]+)"/.exec(site.log())?.[1];
      assert.ok(address !== undefined, site.log());
      const ids = both().map((worker) => worker.id);
      for (let scrape = 0; scrape < 3; scrape++) {
        const response: Response = await fetch(`${address}/metrics`);
        assert.equal(response.status, 200);
        const text = await response.text();
        for (const id of ids) {
          assert.match(
            text,
            new RegExp(`^broadsheet_process_cpu_user_seconds_total\\{worker="${id}"\\} `, 'm'),
            `scrape ${scrape}: worker ${id} missing`,
          );
        }
      }
    });

    test('a trade pushed on the shared port shows on both workers', async () => {
      const [a] = both();
      const quotes = (await (await fetch(`${a.address}/api/v1/market/quotes`)).json()) as {
        quotes: { symbol: string; ldcp: string; last: string }[];
      };
      const stock = quotes.quotes.find((quote) => Number(quote.ldcp) > 10) ?? assert.fail('no stock to trade');
      const price = (Math.round(Number(stock.ldcp) * 102) / 100).toFixed(2);
      assert.notEqual(stock.last, price);
      await push(stock.symbol, price);
      pushed = { symbol: stock.symbol, price };
      for (const worker of both())
        assert.equal(await lastPrice(worker.address, stock.symbol, price), price, `worker ${worker.id}`);
    });

    test('the comment rate limit is counted once for both workers', async () => {
      const [a, b] = both();
      const home = await (await fetch(`${a.address}/`)).text();
      const id = Number(/href="\/news\/(\d+)\//.exec(home)?.[1] ?? assert.fail('no story on the front page'));
      const comment = (worker: WorkerNode, n: number) =>
        fetch(`${worker.address}/api/v1/articles/${id}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Dania', email: 'dania@example.com', body: `Comment ${n}.` }),
        });
      assert.equal((await comment(a, 1)).status, 201);
      assert.equal((await comment(b, 2)).status, 201);
      assert.equal((await comment(a, 3)).status, 429, 'the third comment within the minute, wherever it lands');
      assert.equal((await comment(b, 4)).status, 429);
    });

    test('a worker killed with -9 is replaced, and the engine’s acknowledged trade outlives it', async () => {
      assert.ok(pushed !== null, 'the trade test ran first');
      const before = both();
      // The worker that took the engine last says so itself, on SQLite and on PostgreSQL alike.
      const engineLine = site
        .log()
        .split('\n')
        .filter((line) => line.includes('"this node is the market engine"'))
        .at(-1);
      const enginePid = (JSON.parse(engineLine ?? assert.fail(`no engine:\n${site.log()}`)) as { pid: number }).pid;
      const engine =
        before.find((worker) => worker.pid === enginePid) ?? assert.fail(`no engine worker:\n${site.log()}`);
      process.kill(engine.pid, 'SIGKILL');
      const replacement = await site.newWorker(before);
      assert.match(site.log(), /worker ended by SIGKILL; starting another/);
      assert.equal(await readyStatus(replacement.address), 200, site.log());
      const after = both();
      assert.ok(after.every((worker) => worker.pid !== engine.pid));
      for (const worker of after) {
        assert.equal(
          await lastPrice(worker.address, pushed.symbol, pushed.price),
          pushed.price,
          `worker ${worker.id} after the kill`,
        );
      }
      // And the surviving worker (or the new one) took the engine over: pushes work again.
      const next = (Math.round(Number(pushed.price) * 101) / 100).toFixed(2);
      await push(pushed.symbol, next);
      for (const worker of after) assert.equal(await lastPrice(worker.address, pushed.symbol, next), next);
    });

    test('a worker whose event loop stops is killed and replaced, and the shared port serves on', async () => {
      const before = both();
      const [stuck] = before;
      // Stopped, the process holds its sockets and takes connections as a worker stuck in a loop does.
      process.kill(stuck.pid, 'SIGSTOP');
      try {
        const deadline = Date.now() + 30_000;
        while (site.workers().some((worker) => worker.pid === stuck.pid) || site.workers().length < 2) {
          assert.ok(Date.now() < deadline, `the stuck worker was not replaced:\n${site.log()}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.match(site.log(), /"worker stopped answering: killing it"/);
        const replacement = site.workers().find((worker) => !before.some((old) => old.id === worker.id));
        assert.ok(replacement !== undefined, site.log());
        assert.equal(await readyStatus(replacement.address), 200, site.log());
        for (let i = 0; i < 6; i += 1) assert.equal((await fetch(`${site.address}/healthz`)).status, 200);
      } finally {
        try {
          process.kill(stuck.pid, 'SIGCONT');
        } catch {
          // Killed, as it should be.
        }
      }
    });
  });
}

/** Reads `url` until `check` holds of its status or a second has passed (the other worker hears the bus a moment later). */
async function eventually(url: string, check: (status: number) => boolean): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + 1000;
  for (;;) {
    const response = await fetch(url);
    const text = await response.text();
    if (check(response.status) || Date.now() > deadline) return { status: response.status, text };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A stock's last price as a worker shows it, once it shows `expected` or a second has passed. */
async function lastPrice(address: string, symbol: string, expected: string): Promise<string | undefined> {
  const deadline = Date.now() + 1000;
  let last: string | undefined;
  for (;;) {
    const quotes = (await (await fetch(`${address}/api/v1/market/quotes`)).json()) as {
      quotes: { symbol: string; last: string }[];
    };
    last = quotes.quotes.find((quote) => quote.symbol === symbol)?.last;
    if (last === expected || Date.now() > deadline) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
