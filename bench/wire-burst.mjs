// A burst of 10,000 agency items POSTed to /api/v1/wire of a running site while readers ask for an
// article page and an editor keeps the wire inbox open: how responsive the inbox stays (each POST's
// answer time, the inbox list and an inbox search), and the article page's p99 during the burst beside
// its p99 at rest. Needs `npm run build` first.
//   node bench/wire-burst.mjs [--items 10000] [--concurrency 8] [--rest-seconds 10] [--record]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchEnvironment, DEFAULT_CLI, pickArticlePath, startBroadsheet } from './lib/broadsheet.mjs';
import { runToEnd, runWithCleanup } from './lib/children.mjs';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { appendResults, markdownTable, textTable } from './lib/results.mjs';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '8' },
    'rest-seconds': { type: 'string', default: '10' },
    record: { type: 'boolean', default: false },
  },
});
const ITEMS = Number(values.items);
const CONCURRENCY = Number(values.concurrency);
const REST_MS = Number(values['rest-seconds']) * 1000;

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms) => (ms === null ? null : Math.round(ms * 10) / 10);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? null),
  };
}

async function timed(url, init) {
  const start = performance.now();
  const response = await fetch(url, { redirect: 'manual', ...init });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}`);
  return performance.now() - start;
}

/** Requests for `urls` (in turn) from `loops` loops until `done()` says stop; each URL's times apart. */
async function readLoop(urls, loops, done, init) {
  const samples = new Map(urls.map((url) => [url, []]));
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      for (let n = loop; !done(); n += 1) {
        const url = urls[n % urls.length];
        samples.get(url).push(await timed(url, init));
      }
    }),
  );
  return samples;
}

function item(n) {
  return JSON.stringify({
    uri: `urn:bench:wire:${n}`,
    version: '1',
    provider: { name: n % 3 === 0 ? 'Reuters' : 'AFP' },
    headline: `Bench story ${n}: markets move on rate outlook`,
    byline: 'Bench Desk',
    versioncreated: new Date(Date.UTC(2023, 0, 31) + n * 1000).toISOString(),
    urgency: (n % 8) + 1,
    subject: [{ name: n % 2 === 0 ? 'Economy' : 'Markets' }],
    body_html: '<p>Stocks rose in early trade as investors weighed the <b>central bank</b> outlook.</p>'.repeat(6),
  });
}

/** The `name=value` pairs of a response's cookies, merged into `jar`. */
function keepCookies(jar, response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

/** Signs in through the newsroom's login form (its CSRF token and cookie); returns the session's Cookie header. */
async function signIn(origin, email, password) {
  const jar = new Map();
  const form = await fetch(`${origin}/admin/login`);
  keepCookies(jar, form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (csrf === undefined) throw new Error('the login page has no CSRF token');
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const answer = await fetch(`${origin}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  await answer.arrayBuffer();
  keepCookies(jar, answer);
  if (answer.status !== 303) throw new Error(`signing in answered ${answer.status}`);
  return cookie();
}

const cli = (dir, dbPath, name, args) =>
  runToEnd(name, process.execPath, [DEFAULT_CLI, ...args, '--db', dbPath], { env: benchEnvironment(), cwd: dir });

await runWithCleanup(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-wire-bench-'));
  try {
    const dbPath = join(dir, 'broadsheet-bench.sqlite');
    // Migrate, make the delivery token and an editor before the server starts, as the other benches do.
    const token = (
      await cli(dir, dbPath, 'tokens create', ['tokens', 'create', '--role', 'wire-feed', '--name', 'bench'])
    ).stdout.trim();
    const email = 'wire-bench@example.com';
    const made = await cli(dir, dbPath, 'users add', [
      'users',
      'add',
      '--email',
      email,
      '--name',
      'Bench Editor',
      '--role',
      'editor',
    ]);
    const password = /^password: (\S+)$/m.exec(made.stdout)?.[1];
    if (password === undefined) throw new Error(`users add printed no password: ${made.stdout}`);
    const site = await startBroadsheet({ dir });
    const article = `${site.origin}${await pickArticlePath(site.origin)}`;
    const session = { headers: { cookie: await signIn(site.origin, email, password) } };
    const inboxList = `${site.origin}/admin/wire`;
    const inboxSearch = `${site.origin}/admin/wire?q=${encodeURIComponent('central bank')}&agency=Reuters`;

    let restEnd = performance.now() + REST_MS;
    const atRest = (await readLoop([article], 4, () => performance.now() > restEnd)).get(article);
    restEnd = performance.now() + Math.min(REST_MS, 5000);
    const inboxAtRest = await readLoop([inboxList, inboxSearch], 1, () => performance.now() > restEnd, session);

    let sent = 0;
    let bursting = true;
    const posts = [];
    const started = performance.now();
    const readers = readLoop([article], 4, () => !bursting);
    const inbox = readLoop([inboxList, inboxSearch], 1, () => !bursting, session);
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < ITEMS) {
          const n = sent++;
          posts.push(
            await timed(`${site.origin}/api/v1/wire`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: item(n),
            }),
          );
        }
      }),
    );
    const burstSeconds = (performance.now() - started) / 1000;
    bursting = false;
    const during = (await readers).get(article);
    const inboxDuring = await inbox;
    const listed = await fetch(inboxList, session).then((response) => response.text());
    const total = /([\d,]+) items?\b/.exec(listed)?.[1] ?? '?';
    await site.stop();

    const machine = describeMachine();
    const load = loadAverage().toFixed(2);
    const row = (what, s) => [what, String(s.count), String(s.p50), String(s.p99), String(s.max)];
    const header = ['requests', 'count', 'p50 ms', 'p99 ms', 'max ms'];
    const rows = [
      row('article page at rest', summary(atRest)),
      row('article page during the burst', summary(during)),
      row('POST /api/v1/wire (one item each)', summary(posts)),
      row('inbox list at rest', summary(inboxAtRest.get(inboxList))),
      row('inbox list during the burst', summary(inboxDuring.get(inboxList))),
      row('inbox search at rest', summary(inboxAtRest.get(inboxSearch))),
      row('inbox search during the burst', summary(inboxDuring.get(inboxSearch))),
    ];
    const rate = Math.round(ITEMS / burstSeconds);
    const headline = `${ITEMS.toLocaleString('en-US')} items in ${burstSeconds.toFixed(1)} s (${rate} items/s, ${CONCURRENCY} senders); the inbox lists ${total} items after it`;
    console.log(`machine: ${machine.nproc} CPUs, ${machine.cpu}, Node ${machine.node}; load average ${load}`);
    console.log(`\n${headline}\n`);
    console.log(textTable(header, rows));
    if (values.record) {
      await appendResults(
        [
          `## Wire burst — ${machine.date}`,
          '',
          `Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}, ${machine.memoryGiB} GiB; Node ${machine.node}; load average ${load} at the end. Command: \`node bench/wire-burst.mjs\` (one SQLite site from \`dist/\`, 4 readers on one article page, one signed-in editor reloading the inbox and a search).`,
          '',
          `${headline}.`,
          '',
          markdownTable(header, rows),
        ].join('\n'),
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
