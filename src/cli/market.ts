import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import type { RawServeConfig } from '../config.js';
import { MAX_IMPORT_BYTES, UnreadableFileError } from '../ingest/archiveBytes.js';
import type { RowProblem } from '../ingest/importRows.js';
import type { ImportFormat, ImportReport } from '../ingest/marketImport.js';
import { withDatabaseOptions, withStore } from './database.js';
import { registerMarketIndexCommands } from './marketIndex.js';
import { registerMarketLogCommands } from './marketLog.js';
import { DemoDatabaseRefusal, refuseOnDemo } from './offlineDesk.js';

export interface ImportOptions extends RawServeConfig {
  readonly json?: boolean;
  readonly format?: ImportFormat;
  readonly symbol?: string;
  readonly server?: string;
  readonly token?: string;
  readonly force?: boolean;
}

/** `broadsheet market …`: end-of-day files in. */
export function registerMarketCommands(program: Command): void {
  const market = program.command('market').description('Market data: imports and the event log.');
  registerMarketLogCommands(market);

  withDatabaseOptions(market.command('import <file>'))
    .description(
      "Import the exchange's closing file (closing11.lis, plain, ZIP or gzip) or a daily history CSV. " +
        'On the database a closing file needs --no-demo (a demo site takes one through --server). ' +
        'Exit 0 when the file was read (even with rejected rows), 1 when the market refuses its day (a closing file dated after the live trading day) or the demo settings refuse it, 2 when it could not be read.',
    )
    .addOption(
      new Option('--format <format>', 'closing or csv (default: told from the content)').choices(['closing', 'csv']),
    )
    .option('--symbol <symbol>', 'the instrument or index a history CSV is for')
    .option('--json', 'print a machine-readable report')
    .option(
      '--server <url>',
      'send the file to a running server (its market desk import) instead of writing the database; it shows the day at once',
    )
    .option('--token <token>', 'a market-desk API token for --server (default: BROADSHEET_TOKEN)')
    .option(
      '--force',
      "with --server: lay a closing file of a day before the live market's over it all the same (refused otherwise)",
    )
    .addOption(
      new Option(
        '--no-demo',
        'the database is served with --no-demo (BROADSHEET_DEMO=false); a closing file on the database needs it',
      ),
    )
    .action(async (file: string, typed: ImportOptions, command: Command) => {
      // As for serve: commander always sets `demo`; only a flag typed by the user beats the environment.
      const { demo, ...rest } = typed;
      const options: ImportOptions =
        command.getOptionValueSource('demo') === 'cli' && demo !== undefined ? typed : rest;
      await importFile(file, options);
    });
  registerMarketIndexCommands(market);
}

/** `broadsheet market import`'s work, also run by `market index import`; sets the exit code. */
export async function importFile(file: string, options: ImportOptions): Promise<void> {
  if (options.server !== undefined) {
    process.exitCode = await importToServer(file, options.server, options);
    return;
  }
  // Loaded when a file is imported, not when `broadsheet` starts.
  const [{ ClosingDayRefusedError }, { siteMarket }, { readImportFile, storeImport }] = await Promise.all([
    import('../engine/closingDayImport.js'),
    import('../engine/siteMarket.js'),
    import('../ingest/marketImport.js'),
  ]);
  let report: ImportReport;
  try {
    const parsed = await readImportFile({
      path: file,
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.symbol === undefined ? {} : { symbol: options.symbol }),
    });
    // A history CSV only adds published daily bars, under no market's rules: safe on a demo database too.
    if (parsed.format === 'closing') refuseOnDemo(options, 'a closing file on the database');
    report = await withStore(options, (store, config) => {
      const now = new Date();
      return storeImport(store.market, parsed, { site: siteMarket({ demo: config.demo, now: () => now }), now });
    });
  } catch (error) {
    if (error instanceof DemoDatabaseRefusal) {
      if (options.json) process.stdout.write(`${JSON.stringify({ file, error: error.message })}\n`);
      process.stderr.write(`broadsheet: ${file}: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    if (error instanceof ClosingDayRefusedError) {
      // As the server's 422: the file was read, the market refuses its day (exit 1, as a refusal by a server).
      const message = `${error.message} Nothing was imported.`;
      if (options.json) process.stdout.write(`${JSON.stringify({ file, error: message })}\n`);
      process.stderr.write(`broadsheet: ${file}: ${message}\n`);
      process.exitCode = 1;
      return;
    }
    if (!(error instanceof UnreadableFileError)) throw error;
    if (options.json) process.stdout.write(`${JSON.stringify({ file, error: error.message })}\n`);
    process.stderr.write(`broadsheet: ${file}: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report, 'database'));
}

/**
 * Posts the file to `POST /api/v1/admin/market/imports` of a running server.
 * Exit codes as for a local import (0 read, 2 unreadable, damaged or too
 * large), and 1 when the server refused it otherwise or could not be reached.
 */
async function importToServer(file: string, server: string, options: ImportOptions): Promise<number> {
  const token = options.token ?? process.env.BROADSHEET_TOKEN;
  if (token === undefined || token === '') {
    process.stderr.write('broadsheet: --server needs --token or BROADSHEET_TOKEN (a market-desk API token)\n');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    process.stderr.write(`broadsheet: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  // The server would refuse it with a 413 and may close the connection before the upload is sent in full.
  if (bytes.length > MAX_IMPORT_BYTES) {
    const limit = MAX_IMPORT_BYTES / (1024 * 1024);
    process.stderr.write(
      `broadsheet: ${basename(file)} is larger than ${limit} MB, the most a server takes; nothing was sent\n`,
    );
    return 2;
  }
  let url: URL;
  try {
    url = new URL('/api/v1/admin/market/imports', server);
  } catch {
    process.stderr.write(`broadsheet: --server must be a URL such as http://127.0.0.1:3000, not ${server}\n`);
    return 2;
  }
  url.searchParams.set('name', basename(file).replace(/[^A-Za-z0-9 ._()-]/g, '_'));
  if (options.format !== undefined) url.searchParams.set('format', options.format);
  if (options.symbol !== undefined) url.searchParams.set('symbol', options.symbol);
  if (options.force === true) url.searchParams.set('force', 'true');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
  } catch (error) {
    process.stderr.write(`broadsheet: ${url.origin} could not be reached: ${(error as Error).message}\n`);
    return 1;
  }
  const text = await response.text();
  if (response.status === 200) {
    const report = JSON.parse(text) as ImportReport;
    process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report, 'server'));
    return 0;
  }
  let message = text;
  try {
    const body = JSON.parse(text) as { message?: string; details?: { field: string; message: string }[] };
    const olderDay = body.details?.find((detail) => detail.field === 'force');
    message =
      response.status === 409 && olderDay !== undefined
        ? `${olderDay.message} Run again with --force to lay it over the live market all the same.`
        : (body.message ?? text);
  } catch {
    // not JSON: the text as it came
  }
  message = message.replace(/\s+/g, ' ').trim();
  if (options.json) process.stdout.write(`${JSON.stringify({ file, status: response.status, error: message })}\n`);
  process.stderr.write(`broadsheet: ${file}: the server answered ${response.status}: ${message}\n`);
  // Like a local import: a file that cannot be read, is damaged or unpacks too large is exit 2.
  return response.status === 400 || response.status === 413 ? 2 : 1;
}

function describe(report: ImportReport, into: 'database' | 'server'): string {
  const lines: string[] = [];
  switch (report.format) {
    case 'closing':
      lines.push(`${report.file}: closing file for ${report.date ?? 'no date'} (${report.packing})`);
      lines.push(
        `rows read ${report.rowsRead}, accepted ${report.accepted}, skipped ${report.skippedCount}, rejected ${report.rejectedCount}`,
      );
      if (report.accepted > 0) {
        lines.push(
          into === 'server'
            ? 'The server shows the imported day now.'
            : 'Restart `broadsheet serve` on this database to show the imported day (or import with --server).',
        );
      }
      break;
    case 'csv':
      lines.push(`${report.file}: daily history of ${report.symbol} (${report.packing}, ${report.order})`);
      lines.push(
        `rows read ${report.rowsRead}, accepted ${report.accepted} (${report.firstDate ?? '-'} to ${report.lastDate ?? '-'}), skipped ${report.skippedCount}, rejected ${report.rejectedCount}`,
      );
      break;
  }
  lines.push(...problems('skipped', report.skipped, report.skippedCount));
  lines.push(...problems('rejected', report.rejected, report.rejectedCount));
  lines.push(...problems('warning', report.warnings, report.warningCount));
  return `${lines.join('\n')}\n`;
}

function problems(label: string, rows: readonly RowProblem[], total: number): string[] {
  const listed = rows.map((row) => `  ${label} line ${row.line}: ${row.reason}`);
  return total > rows.length ? [...listed, `  … and ${total - rows.length} more ${label}, not listed`] : listed;
}
