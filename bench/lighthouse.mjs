#!/usr/bin/env node
// Lighthouse (mobile) scores for the home, article and markets pages of a freshly started Broadsheet, with each
// page's weight without its pictures (the budget: article ≤ 30 KB gzip of HTML, CSS and JS).
// Usage: npm run build && (cd bench && npm install) && CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs [--record] [--runs 3]
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pickArticlePath, startBroadsheet } from './lib/broadsheet.mjs';
import { afterChildrenStopped, runToEnd, runWithCleanup } from './lib/children.mjs';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { appendResults, markdownTable, textTable } from './lib/results.mjs';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const LIGHTHOUSE_CLI = join(BENCH, 'node_modules', 'lighthouse', 'cli', 'index.js');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Headless Chromium as root in a container: no sandbox, no GPU, nothing that talks to the network by itself. */
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Lab metrics worth a line beside the scores (audit id → label, unit). */
const METRICS = [
  ['first-contentful-paint', 'FCP', 'ms'],
  ['largest-contentful-paint', 'LCP', 'ms'],
  ['total-blocking-time', 'TBT', 'ms'],
  ['cumulative-layout-shift', 'CLS', ''],
  ['total-byte-weight', 'weight', 'bytes'],
];

const { values: flags } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    cli: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  process.stdout.write(
    'CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs [--record] [--runs 3] [--out DIR] [--cli PATH]\n',
  );
  process.exit(0);
}
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 9) fail('--runs must be a whole number from 1 to 9');
// Reports stay outside the repository: the linter would read their bundled script as ours.
const OUT = resolve(flags.out ?? join(tmpdir(), 'broadsheet-lighthouse'));
if (!existsSync(LIGHTHOUSE_CLI)) fail(`Lighthouse is not installed: cd ${BENCH} && npm ci`);
process.env.CHROME_PATH ??= '/usr/bin/chromium';
if (!existsSync(process.env.CHROME_PATH)) fail(`no Chrome at ${process.env.CHROME_PATH}: apt-get install -y chromium`);

await runWithCleanup(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-lighthouse-'));
  afterChildrenStopped(() => rm(dir, { recursive: true, force: true }));
  await mkdir(OUT, { recursive: true });
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const broadsheet = await startBroadsheet({ dir, ...(flags.cli ? { cli: resolve(flags.cli) } : {}) });
  const articlePath = await pickArticlePath(broadsheet.origin);
  const pages = [
    { name: 'home', path: '/' },
    { name: 'article', path: articlePath },
    { name: 'markets', path: '/markets' },
  ];

  const results = [];
  for (const page of pages) {
    const reports = [];
    for (let run = 1; run <= runs; run++) {
      log(`${page.name} ${page.path}: run ${run} of ${runs}…`);
      reports.push(await audit(`${broadsheet.origin}${page.path}`, join(OUT, `lighthouse-${page.name}`), dir));
    }
    results.push({ page, summary: summarize(reports) });
  }
  await broadsheet.stop();
  const loadAfter = loadAverage();

  const header = ['page', ...CATEGORIES, ...METRICS.map(([, label]) => label), 'weight without pictures'];
  const rows = results.map(({ page, summary }) => [
    `${page.name} (${page.path})`,
    ...CATEGORIES.map((category) => String(summary.scores[category])),
    ...METRICS.map(([id, , unit]) => formatMetric(summary.metrics[id], unit)),
    formatMetric(summary.weightWithoutPictures, 'bytes'),
  ]);
  const note = `Lighthouse 12.2.3, mobile (default emulation, simulated throttling), median of ${runs} run(s) per page; Chromium ${await chromiumVersion()}`;
  process.stdout.write(
    `\n${textTable(header, rows)}\n\n${note}\nFull reports of the last run: ${join(OUT, 'lighthouse-*.report.html')}\n`,
  );
  const problems = results.flatMap(({ page, summary }) =>
    summary.failing.map((audit) => `${page.name}: ${audit.category} — ${audit.title}`),
  );
  if (problems.length > 0)
    process.stdout.write(`\nAudits below full marks (last run):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);

  if (flags.record) {
    await appendResults(
      [
        `## Lighthouse, mobile — ${machine.date}`,
        '',
        `Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}; Node ${machine.node}. ${note}.`,
        `Machine load: load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (a shared machine: other work ran beside it). Weights are bytes transferred (gzip), the SSE stream included.`,
        '',
        markdownTable(header, rows),
        ...(problems.length > 0 ? ['', 'Audits below full marks:', '', ...problems.map((p) => `- ${p}`)] : []),
      ].join('\n'),
    );
    log('recorded in bench/RESULTS.md');
  }
  return 0;
});

/**
 * One Lighthouse run; returns the parsed JSON report (also kept as .report.json/.report.html in OUT). On a loaded
 * machine Chromium sometimes starts too slowly for Lighthouse to connect; such a run is tried again, twice at most.
 */
async function audit(url, outputBase, dir) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(url, outputBase, dir);
    } catch (error) {
      if (attempt >= 3 || !/webSocket URL|ECONNREFUSED|fetch failed/.test(String(error))) throw error;
      log(`Chromium did not answer Lighthouse (attempt ${attempt}); trying again`);
    }
  }
}

async function auditOnce(url, outputBase, dir) {
  await runToEnd(
    'lighthouse',
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      '--quiet',
      '--form-factor=mobile',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      '--output=html',
      `--output-path=${outputBase}`,
      `--chrome-flags=${CHROME_FLAGS.join(' ')} --user-data-dir=${join(dir, 'chrome-profile')}`,
    ],
    { timeoutMs: 180_000, stopSignal: 'SIGINT' },
  );
  const report = JSON.parse(await readFile(`${outputBase}.report.json`, 'utf8'));
  if (report.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${report.runtimeError.message}`);
  return report;
}

/** Median score per category and median metric values over the runs; failing audits of the last run. */
export function summarize(reports) {
  const median = (values) => {
    const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
    return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)];
  };
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => {
      const score = median(reports.map((report) => report.categories[category]?.score));
      return [category, score === null ? '—' : Math.round(score * 100)];
    }),
  );
  const metrics = Object.fromEntries(
    METRICS.map(([id]) => [id, median(reports.map((r) => r.audits[id]?.numericValue))]),
  );
  const last = reports.at(-1);
  // Everything the page fetched but its pictures: HTML, CSS, JS, fonts, the stream's first bytes.
  const weightWithoutPictures = median(
    reports.map((report) =>
      (report.audits['network-requests']?.details?.items ?? [])
        .filter((item) => item.resourceType !== 'Image')
        .reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
    ),
  );
  const failing = [];
  for (const category of CATEGORIES) {
    for (const ref of last.categories[category]?.auditRefs ?? []) {
      const audit = last.audits[ref.id];
      if (ref.weight > 0 && audit && typeof audit.score === 'number' && audit.score < 1) {
        const detail = whatFailed(audit);
        failing.push({
          category,
          title: `${audit.title} (${Math.round(audit.score * 100)})${detail ? `: ${detail}` : ''}`,
        });
      }
    }
  }
  return { scores, metrics, weightWithoutPictures, failing };
}

/** The audit's own explanation, or what its first failing item names (a URL, a message). */
function whatFailed(audit) {
  if (typeof audit.explanation === 'string' && audit.explanation !== '') return audit.explanation;
  const item = audit.details?.items?.[0];
  if (!item) return '';
  const text = [item.description, item.sourceLocation?.url ?? item.url].filter((part) => typeof part === 'string');
  return text.join(' — ').slice(0, 200);
}

function formatMetric(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === 'ms') return `${Math.round(value)} ms`;
  if (unit === 'bytes') return `${(value / 1024).toFixed(1)} KiB`;
  return value.toFixed(3);
}

async function chromiumVersion() {
  try {
    const { stdout } = await runToEnd('chromium', process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], {
      timeoutMs: 20_000,
    });
    return stdout.trim().replace(/^Chromium\s+/, '');
  } catch {
    return 'version unknown';
  }
}

function log(message) {
  process.stderr.write(`[lighthouse] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`lighthouse.mjs: ${message}\n`);
  process.exit(2);
}
