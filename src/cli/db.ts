import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { DatabaseTarget } from '../store/connect.js';
import type { TableCount } from '../store/copy/copySite.js';
import { CommandFailure } from './failure.js';

interface CopyOptions {
  readonly from: string;
  readonly to: string;
  readonly replace?: boolean;
  readonly quiet?: boolean;
}

/** `broadsheet db …`: the database as a whole. */
export function registerDatabaseCommands(program: Command): void {
  const db = program.command('db').description('The site database as a whole: moving it between engines.');

  db.command('copy')
    .description(
      'Copy a whole site (every table, ids and id counters kept) between SQLite and PostgreSQL, either way. ' +
        'The target is migrated first and must be empty unless --replace. Row counts are checked per table: ' +
        'exit 0 when they match, 1 when they do not (the target is then left unchanged).',
    )
    .requiredOption('--from <file|url>', 'the site to copy: a SQLite file or a postgres:// URL')
    .requiredOption('--to <url|file>', 'where to copy it: a postgres:// URL or a SQLite file')
    .option('--replace', 'delete what the target holds first (in the same transaction as the copy)')
    .option('--quiet', 'no progress lines on stderr')
    .action(async (options: CopyOptions) => {
      const from = databaseOf(options.from, '--from');
      if (from.kind === 'sqlite' && !existsSync(from.path)) {
        throw new CommandFailure(`--from: no SQLite database at ${from.path}`);
      }
      const to = databaseOf(options.to, '--to');
      let lastLine = 0;
      const { copySite, SiteCopyRefused } = await import('../store/copy/copySite.js');
      const report = await copySite({
        from,
        to,
        replace: options.replace === true,
        onBatch: (table, copied) => {
          // At most one progress line a second: a big log has thousands of batches.
          if (options.quiet || Date.now() - lastLine < 1000) return;
          lastLine = Date.now();
          process.stderr.write(`copying ${table}: ${copied} rows\n`);
        },
      }).catch((error: unknown) => {
        if (error instanceof SiteCopyRefused) throw new CommandFailure(error.message, 1);
        throw error;
      });
      switch (report.outcome) {
        case 'targetNotEmpty':
          throw new CommandFailure(
            `the target already holds a site (${report.nonEmpty.map((c) => `${c.table}: ${c.target}`).join(', ')}); ` +
              'nothing was copied. Use --replace to overwrite it.',
            1,
          );
        case 'mismatch':
          process.stdout.write(countsTable(report.counts));
          throw new CommandFailure(
            'row counts differ (marked !=); the copy was rolled back, the target is unchanged',
            1,
          );
        case 'copied':
          process.stdout.write(countsTable(report.counts));
          process.stdout.write(`copied ${describe(from)} to ${describe(to)}: every table's count matches\n`);
      }
    });
}

/** A postgres:// URL is PostgreSQL; anything else is a SQLite file. */
export function databaseOf(value: string, flag: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new CommandFailure(`${flag} must be a SQLite file or a postgres:// URL, got "${value}"`);
  }
  if (value.trim() === '') throw new CommandFailure(`${flag} must not be empty`);
  return { kind: 'sqlite', path: resolve(value) };
}

function countsTable(counts: readonly TableCount[]): string {
  const width = Math.max(5, ...counts.map((count) => count.table.length));
  const lines = [`${'table'.padEnd(width)}  ${'source'.padStart(10)}  ${'target'.padStart(10)}`];
  for (const count of counts) {
    const mark = count.source === count.target ? '' : '  !=';
    lines.push(
      `${count.table.padEnd(width)}  ${String(count.source).padStart(10)}  ${String(count.target).padStart(10)}${mark}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The database for a message, without a password. */
function describe(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return target.path;
  try {
    const url = new URL(target.url);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'PostgreSQL';
  }
}
