import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import type { RawServeConfig } from '../config.js';
import { definitionJson, levelOf, levelText } from '../desk/market/indexDefinitionText.js';
import type { MemberLine } from '../desk/market/indexMembers.js';
import type { ListingReport } from '../desk/market/listingUpload.js';
import type { MarketDesk } from '../desk/market/marketDesk.js';
import { MAX_IMPORT_BYTES, UnreadableFileError } from '../ingest/archiveBytes.js';
import { parseConstituentsCsv } from '../ingest/constituentsCsvParser.js';
import { percentBasisPoints } from '../ingest/referenceCsv.js';
import type { IndexSpec } from '../market/indices/indexSpec.js';
import type { Refusal } from '../shared/outcome.js';
import { withDatabaseOptions, withStore } from './database.js';
import { importFile } from './market.js';
import { CLI_MARKET_ACTOR, DemoDatabaseRefusal, refuseOnDemo, withOfflineDesk } from './offlineDesk.js';

interface DeskOptions extends RawServeConfig {
  readonly server?: string;
  readonly token?: string;
  readonly json?: boolean;
}

interface CreateOptions extends DeskOptions {
  readonly name: string;
  readonly weighting: 'free-float' | 'full-cap';
  readonly returnType: 'price' | 'total';
  readonly baseDate?: string;
  readonly baseValue: string;
  readonly level?: string;
  readonly maxWeight?: string;
  readonly constituents?: string;
}

interface ConstituentsOptions extends DeskOptions {
  readonly effective?: string;
  readonly level?: string;
}

/** A command's failure, said in one line; exit 2 for input that cannot be read, 1 for a refusal. */
class CommandFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/**
 * `broadsheet market index …` and `broadsheet market listing`: the market
 * desk's index definitions and listing file, on the database (no server
 * running on it) or, with `--server`, through a running server's desk API.
 */
export function registerMarketIndexCommands(market: Command): void {
  const index = market
    .command('index')
    .description(
      'Index definitions: create, constituents, history, withdraw. On the database each needs --no-demo; a demo site ' +
        'takes them through --server.',
    );

  deskCommand(index.command('list'))
    .description('List the indices the site names, computed or published only.')
    .action(async (options: DeskOptions) =>
      run(async () => {
        const items =
          options.server !== undefined
            ? ((await callServer(options, 'GET', '/api/v1/admin/market/index-definitions')) as unknown[])
            : await offline(options, '`broadsheet market index list` on the database', async (desk) =>
                desk.indexDefinitions().map(definitionJson),
              );
        return options.json
          ? `${JSON.stringify(items, null, 2)}\n`
          : `${(items as ReturnType<typeof definitionJson>[])
              .map((item) => `${item.code}\t${item.computed ? 'computed' : 'published'}\t${item.members}\t${item.name}`)
              .join('\n')}\n`;
      }),
    );

  deskCommand(index.command('create <code>'))
    .description(
      'Define an index: computed from --constituents (a CSV of Symbol, Shares, Free float), or without them an index ' +
        'only the exchange computes, shown from its imported history.',
    )
    .requiredOption('--name <name>', 'the index name, e.g. "KSE-100 Index"')
    .requiredOption('--base-value <level>', 'the level at the base date, e.g. 1000')
    .option('--base-date <YYYY-MM-DD>', 'the base date, for the record')
    .option(
      '--level <level>',
      "the level on the members' last closes (continues a published index); default the base value",
    )
    .addOption(
      new Option('--weighting <method>', 'free-float or full-cap market capitalisation')
        .choices(['free-float', 'full-cap'])
        .default('free-float'),
    )
    .addOption(
      new Option('--return-type <type>', 'price index or total return').choices(['price', 'total']).default('price'),
    )
    .option('--max-weight <percent>', 'largest weight one member may carry, e.g. 12')
    .option('--constituents <file>', 'the members, CSV with a header: Symbol, Shares, Free float (%)')
    .action(async (code: string, options: CreateOptions) =>
      run(async () => {
        const members = options.constituents === undefined ? [] : await readMembers(options.constituents);
        const spec = {
          code: code.toUpperCase(),
          name: options.name,
          weighting: options.weighting,
          returnType: options.returnType,
          baseValue: level(options.baseValue, '--base-value'),
          ...(options.baseDate === undefined ? {} : { baseDate: options.baseDate }),
          ...(options.level === undefined ? {} : { startLevel: level(options.level, '--level') }),
          ...(options.maxWeight === undefined ? {} : { maxWeightBasisPoints: percent(options.maxWeight) }),
        } satisfies Omit<IndexSpec, 'constituents'>;
        const created =
          options.server !== undefined
            ? await callServer(options, 'POST', '/api/v1/admin/market/indices', {
                code: spec.code,
                name: spec.name,
                weighting: spec.weighting,
                returnType: spec.returnType,
                baseValue: levelText(spec.baseValue),
                ...(spec.baseDate === undefined ? {} : { baseDate: spec.baseDate }),
                ...(spec.startLevel === undefined ? {} : { startLevel: levelText(spec.startLevel) }),
                ...(spec.maxWeightBasisPoints === undefined ? {} : { maxWeight: spec.maxWeightBasisPoints }),
                constituents: members.map(({ line: _line, ...member }) => member),
              })
            : await offline(options, '`broadsheet market index create` on the database', async (desk) => {
                const outcome = await desk.defineIndex(CLI_MARKET_ACTOR, spec, members);
                return outcome.ok ? definitionJson(outcome.value) : refusal(outcome);
              });
        const view = created as ReturnType<typeof definitionJson>;
        return options.json
          ? `${JSON.stringify(view, null, 2)}\n`
          : `${view.code}: defined, ${view.computed ? `computed from ${view.members} members` : 'published by the exchange only (import its history)'}\n`;
      }),
    );

  deskCommand(index.command('constituents <code> <file>'))
    .description(
      'Give an index new members from a CSV (Symbol, Shares, Free float): a computed index takes them at the roll-over into --effective (default the next trading day); a published-only index starts being computed now, at --level (default its last imported close).',
    )
    .option('--effective <YYYY-MM-DD>', 'the first trading day the members count')
    .option('--level <level>', 'for a published-only index: the level it starts at')
    .action(async (code: string, file: string, options: ConstituentsOptions) =>
      run(async () => {
        const members = await readMembers(file);
        const upper = code.toUpperCase();
        const startLevel = options.level === undefined ? undefined : level(options.level, '--level');
        const result =
          options.server !== undefined
            ? await callServer(
                options,
                'PUT',
                `/api/v1/admin/market/indices/${encodeURIComponent(upper)}/constituents`,
                {
                  constituents: members.map(({ line: _line, ...member }) => member),
                  ...(options.effective === undefined ? {} : { effective: options.effective }),
                  ...(startLevel === undefined ? {} : { startLevel: levelText(startLevel) }),
                },
              )
            : await offline(options, '`broadsheet market index constituents` on the database', async (desk) => {
                const outcome = await desk.setConstituents(CLI_MARKET_ACTOR, upper, members, {
                  ...(options.effective === undefined ? {} : { effective: options.effective }),
                  ...(startLevel === undefined ? {} : { startLevel }),
                });
                return outcome.ok ? { code: upper, ...outcome.value } : refusal(outcome);
              });
        const change = result as { status: string; effective?: string; constituents: unknown[] };
        return options.json
          ? `${JSON.stringify(change, null, 2)}\n`
          : change.status === 'computed'
            ? `${upper}: now computed from ${change.constituents.length} members\n`
            : `${upper}: ${change.constituents.length} members take effect on ${change.effective}\n`;
      }),
    );

  deskCommand(index.command('withdraw <code>'))
    .description('Stop naming (and computing) an index; its stored history stays.')
    .action(async (code: string, options: DeskOptions) =>
      run(async () => {
        const upper = code.toUpperCase();
        if (options.server !== undefined) {
          await callServer(options, 'DELETE', `/api/v1/admin/market/indices/${encodeURIComponent(upper)}`);
        } else {
          await offline(options, '`broadsheet market index withdraw` on the database', async (desk) => {
            const outcome = await desk.withdrawIndex(CLI_MARKET_ACTOR, upper);
            return outcome.ok ? null : refusal(outcome);
          });
        }
        return options.json ? `${JSON.stringify({ code: upper, withdrawn: true })}\n` : `${upper}: withdrawn\n`;
      }),
    );

  deskCommand(index.command('import <code> <file>'))
    .description(
      "Import an index's daily history (the exchange's published closes, CSV); shown whether or not the site computes the index.",
    )
    .action(async (code: string, file: string, options: DeskOptions) =>
      run(async () => {
        const upper = code.toUpperCase();
        // The import itself is `broadsheet market import --format csv --symbol CODE`; this one checks the code first.
        const known =
          options.server !== undefined
            ? await callServer(options, 'GET', `/api/v1/admin/market/indices/${encodeURIComponent(upper)}/definition`)
                .then(() => true)
                .catch((error: unknown) => {
                  if (error instanceof CommandFailure && /404/.test(error.message)) return false;
                  throw error;
                })
            : await offline(
                options,
                '`broadsheet market index import` on the database',
                async (desk) => desk.indexDefinition(upper) !== undefined,
              );
        if (!known) {
          throw new CommandFailure(
            `there is no index ${upper}: define it first with \`broadsheet market index create ${upper} --name … --base-value …\``,
            1,
          );
        }
        await importFile(file, { ...options, format: 'csv', symbol: upper });
        return '';
      }),
    );

  deskCommand(market.command('listing <file>'))
    .description(
      'Load the listing file (CSV: Symbol, Name, Sector, Shares outstanding, Free float %, LDCP): names, sectors and ' +
        'share counts that every closing-file import keeps; rows with an LDCP list new stocks. On the database it ' +
        'needs --no-demo (it would otherwise seed the demo market); a demo site takes it through --server.',
    )
    .action(async (file: string, options: DeskOptions) =>
      run(async () => {
        const bytes = await readSmallFile(file);
        const name = basename(file).replace(/[^A-Za-z0-9 ._()-]/g, '_');
        const report =
          options.server !== undefined
            ? ((await callServer(
                options,
                'POST',
                `/api/v1/admin/market/listing?name=${encodeURIComponent(name)}`,
                bytes,
              )) as ListingReport)
            : await offline(options, 'a listing file', async (desk) => {
                const { listingUpload } = await import('../desk/market/listingUpload.js');
                const outcome = await listingUpload(desk, CLI_MARKET_ACTOR, bytes, name);
                return outcome.ok ? outcome.value : refusal(outcome);
              });
        if (options.json) return `${JSON.stringify(report, null, 2)}\n`;
        const lines = [
          `${report.file}: rows read ${report.rowsRead}, accepted ${report.accepted}, rejected ${report.rejectedCount}`,
          `instruments updated ${report.updated}, newly listed ${report.listed}, kept for stocks not listed yet ${report.kept}`,
          ...report.rejected.map((row) => `  rejected line ${row.line}: ${row.reason}`),
        ];
        return `${lines.join('\n')}\n`;
      }),
    );
}

function deskCommand(command: Command): Command {
  return withDatabaseOptions(command)
    .option('--server <url>', 'send the change to a running server (its market desk API) instead of the database')
    .option('--token <token>', 'a market-desk API token for --server (default: BROADSHEET_TOKEN)')
    .option('--json', 'print a machine-readable answer')
    .addOption(
      new Option('--no-demo', 'the database is served with --no-demo (BROADSHEET_DEMO=false)').default(undefined),
    );
}

/** Runs one command: its output on stdout, or one line on stderr and the exit code. */
async function run(work: () => Promise<string>): Promise<void> {
  try {
    process.stdout.write(await work());
  } catch (error) {
    if (error instanceof DemoDatabaseRefusal) {
      process.stderr.write(`broadsheet: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    if (!(error instanceof CommandFailure) && !(error instanceof UnreadableFileError)) throw error;
    process.stderr.write(`broadsheet: ${error.message}\n`);
    process.exitCode = error instanceof CommandFailure ? error.exitCode : 2;
  }
}

/** The desk on the database, for a site without the demo only (`subject` says what was refused). */
async function offline<T>(
  options: DeskOptions,
  subject: string,
  work: (desk: MarketDesk) => Promise<T>,
): Promise<Exclude<T, Refusal>> {
  refuseOnDemo(options, subject);
  const result = await withStore(options, (store, config) => withOfflineDesk(store, config, work));
  return result as Exclude<T, Refusal>;
}

function refusal(outcome: Refusal): never {
  throw new CommandFailure(outcome.message.replace(/\s+/g, ' ').trim(), 1);
}

async function readMembers(file: string): Promise<MemberLine[]> {
  const text = (await readSmallFile(file)).toString('utf8');
  const parsed = parseConstituentsCsv(text);
  if (parsed.rejectedCount > 0) {
    const first = parsed.rejected[0];
    throw new CommandFailure(
      `${file}: ${parsed.rejectedCount} row${parsed.rejectedCount > 1 ? 's' : ''} cannot be read (line ${first?.line}: ${first?.reason}); nothing was changed`,
      2,
    );
  }
  return [...parsed.members];
}

async function readSmallFile(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CommandFailure(`cannot read ${file}: ${(error as Error).message}`, 2);
  }
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new CommandFailure(`${basename(file)} is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`, 2);
  }
  return bytes;
}

function level(text: string, flag: string): number {
  try {
    const value = levelOf(text.replace(/,/g, ''));
    if (value > 0) return value;
  } catch {
    // said below
  }
  throw new CommandFailure(`${flag} must be a level above zero with at most two decimals, such as 1000 or 40673.12`, 2);
}

function percent(text: string): number {
  const value = percentBasisPoints(text);
  if (value === null || value === 0)
    throw new CommandFailure('--max-weight must be a percentage above 0 and up to 100', 2);
  return value;
}

/** One desk API call; the answer's JSON, or a CommandFailure with the server's message. */
async function callServer(options: DeskOptions, method: string, path: string, body?: unknown): Promise<unknown> {
  const token = options.token ?? process.env.BROADSHEET_TOKEN;
  if (token === undefined || token === '') {
    throw new CommandFailure('--server needs --token or BROADSHEET_TOKEN (a market-desk API token)', 2);
  }
  let url: URL;
  try {
    url = new URL(path, options.server);
  } catch {
    throw new CommandFailure(`--server must be a URL such as http://127.0.0.1:3000, not ${options.server}`, 2);
  }
  const raw = Buffer.isBuffer(body);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': raw ? 'application/octet-stream' : 'application/json' }),
      },
      ...(body === undefined ? {} : { body: raw ? new Uint8Array(body) : JSON.stringify(body) }),
    });
  } catch (error) {
    throw new CommandFailure(`${url.origin} could not be reached: ${(error as Error).message}`, 1);
  }
  const text = await response.text();
  if (response.ok) return text === '' ? null : JSON.parse(text);
  let message = text;
  try {
    const parsed = JSON.parse(text) as { message?: string };
    message = parsed.message ?? text;
  } catch {
    // not JSON: the text as it came
  }
  throw new CommandFailure(
    `the server answered ${response.status}: ${message.replace(/\s+/g, ' ').trim()}`,
    response.status === 400 || response.status === 413 ? 2 : 1,
  );
}
