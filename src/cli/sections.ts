import { type Command, Option } from 'commander';
import { mergeEnvironment, parseServeConfig, type RawServeConfig } from '../config.js';
import type { SectionAction } from '../desk/sections/recordSectionChange.js';
import type { AuditActor } from '../store/audit/auditLog.js';
import type { OpenedStore } from '../store/openStore.js';
import type { SectionChange } from '../store/sections/sectionAdmin.js';
import { withDatabaseOptions } from './database.js';
import { CommandFailure } from './failure.js';

const CLI_ACTOR: AuditActor = { kind: 'system', name: 'broadsheet sections (command line)' };

interface ListOptions extends RawServeConfig {
  readonly json?: boolean;
}

interface ChangeOptions extends RawServeConfig {
  readonly slug?: string;
  readonly position?: string;
  readonly name?: string;
}

/**
 * `broadsheet sections …`: the navigation's sections from the command line,
 * through the same store and desk as /admin/sections (audited, announced).
 * A site started with --no-demo has none until one is made here or there.
 */
export function registerSectionCommands(program: Command): void {
  const sections = program.command('sections').description('List, create, rename, reorder and delete sections.');
  const changing = (command: Command) =>
    withDatabaseOptions(command).addOption(
      new Option('--redis-url <url>', "the site's Redis, to announce the change (BROADSHEET_REDIS_URL, REDIS_URL)"),
    );

  withDatabaseOptions(sections.command('list'))
    .description('List sections in navigation order, with their story counts.')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: ListOptions) => {
      const { openStore } = await import('../store/openStore.js');
      const opened = await openStore(configOf(options).database);
      try {
        const found = await opened.sections.listWithCounts();
        if (options.json) process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
        else if (found.length === 0) process.stdout.write('No sections.\n');
        else {
          const lines = found.map((s) => [s.position, s.slug, s.name, `${s.articleCount} stories`].join('\t'));
          process.stdout.write(`${lines.join('\n')}\n`);
        }
      } finally {
        await opened.close();
      }
    });

  changing(sections.command('create <name>'))
    .description('Create a section; its slug is made from the name unless --slug is given.')
    .option('--slug <slug>', 'the address, e.g. business (tidied by the slug rules)')
    .option('--position <n>', 'place in the navigation, 1 = first (default: last)')
    .action(async (name: string, options: ChangeOptions) => {
      const position = parsePosition(options.position);
      await change(options, 'section.create', (opened) =>
        opened.sections.create({
          name,
          ...(options.slug !== undefined ? { slug: options.slug } : {}),
          ...(position !== undefined ? { position } : {}),
        }),
      );
    });

  changing(sections.command('rename <slug> <name>'))
    .description('Rename a section; it keeps its address unless --slug gives a new one (the old one then redirects).')
    .option('--slug <slug>', 'a new slug; the old address answers 301 to it')
    .action(async (slug: string, name: string, options: ChangeOptions) => {
      await change(options, 'section.rename', (opened) =>
        opened.sections.rename({ slug, name, ...(options.slug !== undefined ? { newSlug: options.slug } : {}) }),
      );
    });

  changing(sections.command('move <slug> <position>'))
    .description('Move a section to a place in the navigation (1 = first).')
    .action(async (slug: string, typed: string, options: ChangeOptions) => {
      const position = parsePosition(typed);
      if (position === undefined) throw new CommandFailure('A position is needed: a whole number from 1.');
      await change(options, 'section.move', (opened) => opened.sections.move({ slug, position }));
    });

  changing(sections.command('delete <slug>'))
    .description('Delete a section that has no stories (one with stories is refused: move them or rename it).')
    .action(async (slug: string, options: ChangeOptions) => {
      await change(options, 'section.delete', (opened) => opened.sections.delete(slug));
    });
}

function parsePosition(typed: string | undefined): number | undefined {
  if (typed === undefined) return undefined;
  if (!/^[0-9]{1,4}$/.test(typed) || Number(typed) < 1 || Number(typed) > 1000) {
    throw new CommandFailure(`A position is a whole number from 1 to 1000, got "${typed}".`);
  }
  return Number(typed);
}

/** Makes one change; a refusal is printed and ends the command with exit code 1, having changed nothing. */
async function change(
  options: RawServeConfig,
  action: SectionAction,
  make: (opened: OpenedStore) => Promise<SectionChange>,
): Promise<void> {
  const config = configOf(options);
  const [{ openStore }, { openSiteBus }, { recordSectionChange }] = await Promise.all([
    import('../store/openStore.js'),
    import('./siteBus.js'),
    import('../desk/sections/recordSectionChange.js'),
  ]);
  const opened = await openStore(config.database);
  const bus = await openSiteBus(config.redisUrl, config.operations.redisPrefix).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  try {
    const outcome = await make(opened);
    if (!outcome.ok) throw new CommandFailure(outcome.message, 1);
    await recordSectionChange({ ...opened, bus, now: () => new Date() }, CLI_ACTOR, action, outcome);
    const after = outcome.after;
    process.stdout.write(
      after === null
        ? `Deleted section ${outcome.before?.slug ?? ''}.\n`
        : `${after.position}\t${after.slug}\t${after.name}\n`,
    );
  } finally {
    // Closing the bus sends what it published before it lets go of Redis.
    await bus.close();
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
