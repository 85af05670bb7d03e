import { type Command, Option } from 'commander';
import { mergeEnvironment, parseServeConfig, type RawServeConfig, type ServeConfig } from '../config.js';
import type { OpenedStore } from '../store/openStore.js';

/** `--db` and `--database-url`, as `serve` takes them (flags beat the environment). */
export function withDatabaseOptions(command: Command): Command {
  return command
    .addOption(new Option('--db <path>', 'SQLite database file (BROADSHEET_DB)'))
    .addOption(new Option('--database-url <url>', 'PostgreSQL URL (BROADSHEET_DATABASE_URL, DATABASE_URL)'));
}

/** Opens and migrates the site's database for one command, and always closes it. */
export async function withStore<T>(
  options: RawServeConfig,
  work: (store: OpenedStore, config: ServeConfig) => Promise<T>,
): Promise<T> {
  const config = commandConfig(options);
  // Loaded when a command runs, not when `broadsheet` starts: the store and its drivers are most of a start-up.
  const { openStore } = await import('../store/openStore.js');
  const opened = await openStore(config.database);
  try {
    return await work(opened, config);
  } finally {
    await opened.close();
  }
}

/** The settings a command runs under: its flags, then the environment, as `serve` reads them. */
export function commandConfig(options: RawServeConfig): ServeConfig {
  return parseServeConfig(
    mergeEnvironment(
      {
        db: options.db,
        databaseUrl: options.databaseUrl,
        ...(options.demo === undefined ? {} : { demo: options.demo }),
        ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
        ...(options.smtpUrl === undefined ? {} : { smtpUrl: options.smtpUrl }),
        ...(options.mailFrom === undefined ? {} : { mailFrom: options.mailFrom }),
      } as RawServeConfig,
      process.env,
    ),
  );
}
