import { type Command, Option } from 'commander';
import { mergeEnvironment, parseServeConfig, type RawServeConfig } from '../config.js';
import type { Comment, CommentStatus } from '../news/comment.js';
import type { AuditActor } from '../store/audit/auditLog.js';
import type { OpenedStore } from '../store/openStore.js';
import { CommandFailure } from './failure.js';

interface ListOptions extends RawServeConfig {
  readonly pending?: boolean;
  readonly status?: string;
  readonly json?: boolean;
  readonly limit?: string;
}

const STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'rejected'];
const CLI_ACTOR: AuditActor = { kind: 'system', name: 'broadsheet comments (command line)' };

/** `broadsheet comments …`: moderation from the command line, through the same desk as the newsroom. */
export function registerCommentCommands(program: Command): void {
  const comments = program.command('comments').description('Moderate reader comments.');
  const withDatabase = (command: Command) =>
    command
      .addOption(new Option('--db <path>', 'SQLite database file (BROADSHEET_DB)'))
      .addOption(new Option('--database-url <url>', 'PostgreSQL URL (BROADSHEET_DATABASE_URL, DATABASE_URL)'));

  withDatabase(comments.command('list'))
    .description('List comments, newest first.')
    .option('--pending', 'only comments awaiting moderation')
    .option('--status <status>', `only comments with this status (${STATUSES.join(', ')})`)
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: ListOptions) => {
      const status = options.pending ? 'pending' : parseStatus(options.status);
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CommandFailure(`--limit must be a positive whole number, got "${options.limit}".`);
      await withStore(options, async (store) => {
        const found = await store.listComments(status ? { status, limit } : { limit });
        process.stdout.write(options.json ? `${JSON.stringify(found.map(toJson), null, 2)}\n` : table(found));
      });
    });

  for (const [name, action, status] of [
    ['approve', 'approve', 'approved'],
    ['reject', 'reject', 'rejected'],
  ] as const) {
    withDatabase(comments.command(`${name} <ids...>`))
      .description(`Mark comments as ${status}; with Redis, every serving node drops the pages showing them.`)
      .addOption(
        new Option('--redis-url <url>', "the site's Redis, to announce the change (BROADSHEET_REDIS_URL, REDIS_URL)"),
      )
      .action(async (ids: string[], options: RawServeConfig) => {
        const parsed = ids.map((id) => {
          if (!/^\d+$/.test(id)) throw new CommandFailure(`Comment id must be a whole number, got "${id}".`);
          return Number(id);
        });
        const config = configOf(options);
        const [{ openStore }, { openSiteBus }, { applyModeration }] = await Promise.all([
          import('../store/openStore.js'),
          import('./siteBus.js'),
          import('../desk/moderation/commentModeration.js'),
        ]);
        const opened = await openStore(config.database);
        const bus = await openSiteBus(config.redisUrl, config.operations.redisPrefix).catch(async (error: unknown) => {
          await opened.close();
          throw error;
        });
        try {
          const found: number[] = [];
          for (const id of new Set(parsed)) if ((await opened.moderation.commentAddress(id)) !== null) found.push(id);
          // The newsroom's own path: audited, and announced so cached article pages go on every node.
          await applyModeration({ ...opened, bus, now: () => new Date() }, CLI_ACTOR, { ids: found, action });
          const missing = parsed.filter((id) => !found.includes(id));
          process.stdout.write(`${status}: ${found.length ? found.join(', ') : 'none'}\n`);
          if (missing.length) {
            process.stderr.write(`not found: ${missing.join(', ')}\n`);
            process.exitCode = 1;
          }
        } finally {
          // Closing the bus sends what it published before it lets go of Redis.
          await bus.close();
          await opened.close();
        }
      });
  }
}

function parseStatus(value: string | undefined): CommentStatus | undefined {
  if (value === undefined) return undefined;
  const status = STATUSES.find((candidate) => candidate === value);
  if (!status) throw new CommandFailure(`--status must be one of ${STATUSES.join(', ')}, got "${value}".`);
  return status;
}

async function withStore(options: RawServeConfig, work: (store: OpenedStore['store']) => Promise<void>): Promise<void> {
  const { openStore } = await import('../store/openStore.js');
  const opened = await openStore(configOf(options).database);
  try {
    await work(opened.store);
  } finally {
    await opened.close();
  }
}

function configOf(options: RawServeConfig) {
  return parseServeConfig(
    mergeEnvironment(
      { db: options.db, databaseUrl: options.databaseUrl, redisUrl: options.redisUrl } as RawServeConfig,
      process.env,
    ),
  );
}

function toJson(comment: Comment) {
  return { ...comment, createdAt: comment.createdAt.toISOString() };
}

function table(comments: readonly Comment[]): string {
  if (comments.length === 0) return 'No comments.\n';
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 60);
  return `${comments
    .map((c) => [c.id, c.status, c.articleId, c.createdAt.toISOString(), oneLine(c.name), oneLine(c.body)].join('\t'))
    .join('\n')}\n`;
}
