import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Finished, serve } from '../support/cliProcess.js';
import { admin, freshSchema, skipWithoutPostgres } from './postgresSchema.js';

// Three nodes of one site started at the same moment on an empty PostgreSQL schema: each must come up,
// and the demo content, history and market start must be there once, not once per node.

const skip = await skipWithoutPostgres();

describe('three processes started together on an empty PostgreSQL schema', { skip }, () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  before(async () => {
    schema = await freshSchema('first_start');
  });
  after(async () => {
    await schema?.drop();
  });

  test('all three come up and the site is seeded exactly once', async () => {
    const starts = await Promise.allSettled(
      [1, 2, 3].map(() => serve(['--database-url', schema.url, '--simulator', 'off', '--drain-window', '0'])),
    );
    const nodes = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
    try {
      const failures = starts.flatMap((start) => (start.status === 'rejected' ? [String(start.reason)] : []));
      assert.deepEqual(failures, [], 'every node started');
      for (const node of nodes) {
        const ready = await fetch(`${node.address}/readyz`);
        assert.equal(ready.status, 200, `${node.address} is ready`);
        const quotes = (await (await fetch(`${node.address}/api/v1/market/quotes`)).json()) as { quotes: unknown[] };
        assert.ok(quotes.quotes.length > 0);
      }
      const counts = await admin(async (client) => {
        const count = async (table: string) =>
          Number((await client.query(`select count(*) as n from "${schema.schema}".${table}`)).rows[0].n);
        const distinctBars = Number(
          (
            await client.query(
              `select count(*) as n from (select distinct code, date from "${schema.schema}".daily_bars) d`,
            )
          ).rows[0].n,
        );
        return {
          articles: await count('articles'),
          distinctSlugs: Number(
            (await client.query(`select count(distinct slug) as n from "${schema.schema}".articles`)).rows[0].n,
          ),
          bars: await count('daily_bars'),
          distinctBars,
        };
      });
      assert.ok(counts.articles > 0, 'demo articles seeded');
      assert.equal(counts.articles, counts.distinctSlugs, 'no story seeded twice');
      assert.ok(counts.bars > 0, 'demo history seeded');
      assert.equal(counts.bars, counts.distinctBars, 'no bar seeded twice');
    } finally {
      const exits: Promise<Finished>[] = [];
      for (const node of nodes) {
        node.child.kill('SIGTERM');
        exits.push(node.exited);
      }
      await Promise.all(exits);
    }
  });
});
