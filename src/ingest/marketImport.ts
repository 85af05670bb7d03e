import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { layClosingDay } from '../engine/closingDayImport.js';
import type { SiteMarket, SiteMarketLoad } from '../engine/siteMarket.js';
import type { MarketStore } from '../store/market/marketStore.js';
import { FileTooLargeError, MAX_UNPACKED_BYTES, type Packing, UnreadableFileError, unpack } from './archiveBytes.js';
import { type ClosingFile, closingFileSlices, looksLikeClosingFile } from './closingFileParser.js';
import { type HistoryFile, historyCsvSlices } from './historyCsvParser.js';
import type { RowProblem, SlicedParse } from './importRows.js';

export type ImportFormat = 'closing' | 'csv';

export interface ImportRequest {
  readonly path: string;
  readonly format?: ImportFormat;
  readonly symbol?: string;
}

/** A file read and parsed, before anything is stored. */
export type ParsedImport =
  | { readonly format: 'closing'; readonly file: FileFacts; readonly closing: ClosingFile }
  | { readonly format: 'csv'; readonly file: FileFacts; readonly history: HistoryFile };

interface FileFacts {
  readonly name: string;
  readonly packing: Packing;
  readonly entry?: string;
}

/** What `broadsheet market import --json` prints. */
export type ImportReport = {
  readonly file: string;
  readonly packing: Packing;
  readonly entry?: string;
  readonly rowsRead: number;
  readonly accepted: number;
  /** The first MAX_LISTED_PROBLEMS rows not taken; `rejectedCount` counts them all. */
  readonly rejected: readonly RowProblem[];
  readonly rejectedCount: number;
  /** Rows not taken though the file is right to hold them (futures, untraded days), each with why. */
  readonly skipped: readonly RowProblem[];
  readonly skippedCount: number;
  /** Accepted rows with something to note (OPEN not given, CLOSE outside the day's range). */
  readonly warnings: readonly RowProblem[];
  readonly warningCount: number;
} & (
  | {
      readonly format: 'closing';
      readonly date: string | null;
    }
  | {
      readonly format: 'csv';
      readonly symbol: string;
      readonly firstDate: string | null;
      readonly lastDate: string | null;
      readonly order: HistoryFile['order'];
      readonly slashDates: HistoryFile['slashDates'];
    }
);

/** Reads, unpacks and parses; throws UnreadableFileError when the file cannot be read as the format. */
export async function readImportFile(request: ImportRequest): Promise<ParsedImport> {
  let bytes: Buffer;
  try {
    // No import file is near this size packed or not; a bigger one is refused before it is read.
    if ((await stat(request.path)).size > MAX_UNPACKED_BYTES) {
      throw new FileTooLargeError(`the file is larger than ${MAX_UNPACKED_BYTES / (1024 * 1024)} MB`);
    }
    bytes = await readFile(request.path);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(
      `cannot read ${request.path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseImportBytes(bytes, request);
}

/**
 * Unpacks and parses a file's bytes (`request.path` names it); throws
 * UnreadableFileError as readImportFile, FileTooLargeError when it unpacks to
 * more than an import takes. The parse pauses every few hundred rows, so a
 * server goes on answering while a large (or large and wrong) file is read.
 */
export async function parseImportBytes(bytes: Buffer, request: ImportRequest): Promise<ParsedImport> {
  const { packing, content, entry } = await unpack(bytes);
  const file: FileFacts = { name: basename(request.path), packing, ...(entry === undefined ? {} : { entry }) };
  // The exchange writes latin-1; finance-site CSV exports are UTF-8, and a byte-order mark says so.
  const utf8Marked = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
  const closingText = utf8Marked ? content.subarray(3).toString('utf8') : content.toString('latin1');
  const format = request.format ?? (looksLikeClosingFile(closingText) ? 'closing' : 'csv');
  switch (format) {
    case 'closing': {
      const closing = await inSlices(closingFileSlices(closingText));
      const taken = closing.rows.length + closing.untraded.length;
      if (closing.rowsRead > 0 && taken === 0 && !looksLikeClosingFile(closingText)) {
        throw new UnreadableFileError(
          'this is not a closing file (DATE|SYMBOL|SECTOR|NAME|OPEN|HIGH|LOW|CLOSE|VOLUME|LDCP)',
        );
      }
      return { format, file, closing };
    }
    case 'csv': {
      const history = await inSlices(
        historyCsvSlices(content.toString('utf8'), {
          ...(request.symbol === undefined ? {} : { symbol: request.symbol }),
          fileName: request.path,
        }),
      );
      return { format, file, history };
    }
  }
}

/** The report of an import, from what was parsed and how many rows were taken. */
export function importReport(parsed: ParsedImport): ImportReport {
  switch (parsed.format) {
    case 'closing': {
      const { closing } = parsed;
      return {
        format: 'closing',
        ...fileFields(parsed.file),
        date: closing.date,
        rowsRead: closing.rowsRead,
        accepted: closing.rows.length,
        skipped: closing.skipped,
        skippedCount: closing.skippedCount,
        rejected: closing.rejected,
        rejectedCount: closing.rejectedCount,
        warnings: closing.warnings,
        warningCount: closing.warningCount,
      };
    }
    case 'csv': {
      const { history } = parsed;
      const dates = history.bars.map((bar) => bar.date).sort();
      return {
        format: 'csv',
        ...fileFields(parsed.file),
        symbol: history.symbol,
        rowsRead: history.rowsRead,
        accepted: history.bars.length,
        rejected: history.rejected,
        rejectedCount: history.rejectedCount,
        skipped: history.skipped,
        skippedCount: history.skippedCount,
        warnings: history.warnings,
        warningCount: history.warningCount,
        firstDate: dates[0] ?? null,
        lastDate: dates.at(-1) ?? null,
        order: history.order,
        slashDates: history.slashDates,
      };
    }
  }
}

/**
 * Stores what was accepted, in one transaction. A closing file creates or
 * renames its instruments, keeps each row as a daily bar, and lays the day
 * over the market state as a new checkpoint at the log's head, so the next
 * `broadsheet serve` on this database shows exactly that day. A running
 * server does not read the database again: upload the file to its market desk
 * (`POST /api/v1/admin/market/imports`) instead. A history CSV only adds daily bars.
 */
export async function storeImport(
  store: MarketStore,
  parsed: ParsedImport,
  options: { readonly site: SiteMarket; readonly now: Date } & Pick<SiteMarketLoad, 'initial' | 'pinInitial'>,
): Promise<ImportReport> {
  switch (parsed.format) {
    case 'closing': {
      const { closing } = parsed;
      if (closing.rows.length > 0) await layClosingDay(store, closing, options);
      return importReport(parsed);
    }
    case 'csv': {
      await store.saveHistoryBars(parsed.history, options.now.getTime());
      return importReport(parsed);
    }
  }
}

/** Runs a sliced parse, letting other work in between its slices. */
async function inSlices<T>(parse: SlicedParse<T>): Promise<T> {
  for (;;) {
    const step = parse.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}

function fileFields(file: FileFacts) {
  return { file: file.name, packing: file.packing, ...(file.entry === undefined ? {} : { entry: file.entry }) };
}
