import { type Command, Option } from 'commander';
import { withDatabaseOptions, withMarketDatabase } from './cliDatabase.js';
import type { RawServeConfig } from './config.js';
import { UnreadableFileError } from './ingest/archiveBytes.js';
import type { RowProblem } from './ingest/importRows.js';
import { type ImportFormat, type ImportReport, readImportFile, storeImport } from './ingest/marketImport.js';

interface ImportOptions extends RawServeConfig {
  readonly json?: boolean;
  readonly format?: ImportFormat;
  readonly symbol?: string;
}

/** `broadsheet market …`: end-of-day files in. */
export function registerMarketCommands(program: Command): void {
  const market = program.command('market').description('Market data: imports.');

  withDatabaseOptions(market.command('import <file>'))
    .description(
      "Import the exchange's closing file (closing11.lis, plain, ZIP or gzip) or a daily history CSV. " +
        'Exit 0 when the file was read (even with rejected rows), 2 when it could not be read.',
    )
    .addOption(
      new Option('--format <format>', 'closing or csv (default: told from the content)').choices(['closing', 'csv']),
    )
    .option('--symbol <symbol>', 'the instrument or index a history CSV is for')
    .option('--json', 'print a machine-readable report')
    .action(async (file: string, options: ImportOptions) => {
      let report: ImportReport;
      try {
        const parsed = await readImportFile({
          path: file,
          ...(options.format === undefined ? {} : { format: options.format }),
          ...(options.symbol === undefined ? {} : { symbol: options.symbol }),
        });
        report = await withMarketDatabase(options, (db) => storeImport(db, parsed, new Date()));
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        if (options.json) process.stdout.write(`${JSON.stringify({ file, error: error.message })}\n`);
        process.stderr.write(`broadsheet: ${file}: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
    });
}

function describe(report: ImportReport): string {
  const lines: string[] = [];
  switch (report.format) {
    case 'closing':
      lines.push(`${report.file}: closing file for ${report.date ?? 'no date'} (${report.packing})`);
      lines.push(
        `rows read ${report.rowsRead}, accepted ${report.accepted}, skipped ${report.skipped.length}, rejected ${report.rejected.length}`,
      );
      lines.push(...problems('skipped', report.skipped));
      if (report.accepted > 0) lines.push('Restart `broadsheet serve` on this database to show the imported day.');
      break;
    case 'csv':
      lines.push(`${report.file}: daily history of ${report.symbol} (${report.packing}, ${report.order})`);
      lines.push(
        `rows read ${report.rowsRead}, accepted ${report.accepted} (${report.firstDate ?? '-'} to ${report.lastDate ?? '-'}), rejected ${report.rejected.length}`,
      );
      break;
  }
  lines.push(...problems('rejected', report.rejected));
  return `${lines.join('\n')}\n`;
}

function problems(label: string, rows: readonly RowProblem[]): string[] {
  return rows.map((row) => `  ${label} line ${row.line}: ${row.reason}`);
}
