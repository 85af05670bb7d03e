import type { Command } from 'commander';
import type { RawServeConfig } from '../config.js';
import type { WireItemOutcome } from '../desk/wire/wireIngest.js';
import { withDatabaseOptions, withStore } from './database.js';
import { CommandFailure } from './failure.js';

interface ImportOptions extends RawServeConfig {
  readonly json?: boolean;
}

/** `broadsheet wire import FILE|DIR`: agency files into the wire inbox. */
export function registerWireCommands(program: Command): void {
  const wire = program.command('wire').description('The wire inbox: agency copy in ninjs, NewsML-G2, NITF, RSS, Atom.');

  withDatabaseOptions(wire.command('import <path>'))
    .description(
      'Ingest an agency file, or every file under a folder (recursively). Reports each item accepted, updated, ' +
        'duplicate, stale, killed or rejected, with why; exits 1 only when nothing could be read.',
    )
    .option('--json', 'print one JSON object per item (status, reason, agency, agency id, version, headline, …)')
    .action(async (path: string, options: ImportOptions) => {
      // The parsers and the wire desk are loaded when files are ingested, not when `broadsheet` starts.
      const [
        { ingestWireFile, MAX_WIRE_FILE_BYTES, tallyOutcomes, wireFileRejected },
        { parseWireFile },
        { readWireFile, wireFilesUnder },
      ] = await Promise.all([
        import('../desk/wire/wireIngest.js'),
        import('../ingest/wire/parseWireFile.js'),
        import('../ingest/wire/wireFiles.js'),
      ]);
      const files = await wireFilesUnder(path).catch((error: NodeJS.ErrnoException) => {
        throw new CommandFailure(`Cannot read ${path}: ${error.code ?? error.message}`);
      });
      const outcomes = await withStore(options, async (store) => {
        const all: WireItemOutcome[] = [];
        for (const file of files) {
          const read = await readWireFile(file, MAX_WIRE_FILE_BYTES);
          const lines = read.ok
            ? await ingestWireFile({ wire: store.wire, parse: parseWireFile, now: () => new Date() }, read.bytes, file)
            : [wireFileRejected(file, read.reason)];
          for (const line of lines) report(line, options.json === true);
          all.push(...lines);
        }
        return all;
      });
      const tally = tallyOutcomes(outcomes);
      const summary = Object.entries(tally)
        .map(([status, count]) => `${status} ${count}`)
        .join(', ');
      process.stderr.write(`${files.length} file${files.length === 1 ? '' : 's'}: ${summary}\n`);
      if (outcomes.length === tally.rejected && outcomes.every((line) => line.agencyId === null)) {
        throw new CommandFailure(files.length === 0 ? `No files under ${path}.` : 'Nothing could be read.', 1);
      }
    });
}

function report(line: WireItemOutcome, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  const what =
    line.agencyId === null ? line.file : `${line.agency} ${line.agencyId} v${line.version} "${line.headline}"`;
  process.stdout.write(`${line.status}\t${what}${line.reason === null ? '' : `\t${line.reason}`}\n`);
}
