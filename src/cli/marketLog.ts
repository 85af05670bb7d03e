import type { Command } from 'commander';
import type { RawServeConfig } from '../config.js';
import { karachiDateOf, karachiDayRange } from '../shared/pakistanTime.js';
import { PRUNABLE_KINDS } from '../store/market/marketLogPrune.js';
import { withDatabaseOptions, withStore } from './database.js';
import { CommandFailure } from './failure.js';

interface PruneOptions extends RawServeConfig {
  readonly before: string;
  readonly dryRun?: boolean;
}

/** `broadsheet market log …`: keeping the market's event log in bounds. */
export function registerMarketLogCommands(market: Command): void {
  const log = market.command('log').description("The market's event log.");

  withDatabaseOptions(log.command('prune'))
    .description(
      `Delete logged ${PRUNABLE_KINDS.join(' and ')} events stamped before DATE (Karachi) that lie before the newest ` +
        'checkpoint, and checkpoints taken before DATE except the newest. A restart loads the newest checkpoint and ' +
        'replays what follows it, so those rows are no longer needed; a DATE past the newest checkpoint is refused. ' +
        'Safe while the site serves.',
    )
    .requiredOption('--before <date>', 'YYYY-MM-DD, a Karachi date: rows stamped before its midnight go')
    .option('--dry-run', 'count what would go; delete nothing')
    .action(async (options: PruneOptions) => {
      let beforeMs: number;
      try {
        beforeMs = karachiDayRange(options.before).startMs;
      } catch (error) {
        throw new CommandFailure(`--before: ${(error as Error).message}`);
      }
      const result = await withStore(options, (store) =>
        store.market.pruneLog({ beforeMs, dryRun: options.dryRun === true }),
      );
      switch (result.outcome) {
        case 'noCheckpoint':
          throw new CommandFailure(
            'the market log has no checkpoint yet: a restart replays all of it, so nothing may be pruned. ' +
              'A checkpoint is written when a trading day is closed.',
            1,
          );
        case 'afterCheckpoint': {
          const latest = karachiDateOf(result.checkpoint.createdAt);
          throw new CommandFailure(
            `--before ${options.before} reaches past the newest checkpoint (position ${result.checkpoint.position}, ` +
              `taken ${new Date(result.checkpoint.createdAt).toISOString()}): the events after it are what a restart ` +
              `replays. Choose a date on or before ${latest}. Nothing was deleted.`,
            1,
          );
        }
        case 'pruned':
          process.stdout.write(
            `${result.dryRun ? 'would delete' : 'deleted'} ${result.events} events and ${result.checkpoints} checkpoints ` +
              `before ${options.before}; the newest checkpoint (position ${result.checkpoint.position}) and every event ` +
              'after it are kept\n',
          );
      }
    });
}
