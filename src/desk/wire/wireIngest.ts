import { plainBlocksText } from '../../news/blockText.js';
import type { WireItem, WireParseResult, WireReader } from '../../news/wireItem.js';
import type { WireInboxStore, WireStoreStatus } from '../../store/wire/wireInboxStore.js';

/**
 * Largest agency file taken (bytes): far above any real story, far below what could stall the inbox.
 * The same as the reader's own limit (MAX_WIRE_BYTES in src/ingest/wire/parseWireFile.ts, a test holds
 * them equal), so a file the reader would refuse is refused from its size, before it is read in.
 */
export const MAX_WIRE_FILE_BYTES = 5 * 1024 * 1024;

/** What happened to one item (or, for a file that could not be read at all, to the file). */
export type WireIngestStatus = WireStoreStatus | 'rejected';

/** One line of an ingest report: the `--json` line of `broadsheet wire import`, an element of the API's answer. */
export interface WireItemOutcome {
  readonly status: WireIngestStatus;
  /** Why, for anything but a plain `accepted`. */
  readonly reason: string | null;
  readonly file: string;
  /** The inbox's id of the item; null when rejected. */
  readonly itemId: number | null;
  readonly agency: string | null;
  readonly agencyId: string | null;
  readonly version: number | null;
  readonly headline: string | null;
  readonly byline: string | null;
  readonly dateline: string | null;
  readonly times: { readonly firstCreated: string | null; readonly versionCreated: string | null };
  readonly subjects: readonly string[];
  readonly bodyText: string | null;
  readonly warnings: readonly string[];
}

export interface WireIngestDeps {
  readonly wire: Pick<WireInboxStore, 'store'>;
  readonly parse: WireReader;
  readonly now: () => Date;
}

/**
 * Reads one agency file and stores what it holds. A file too big, unreadable
 * or of no known format is answered with one `rejected` line and stores
 * nothing; an item that breaks the inbox's limits is rejected alone. The
 * items kept are stored in one transaction, so an answer lists only what is
 * durable; a database failure is thrown, not reported as a bad file.
 */
export async function ingestWireFile(
  deps: WireIngestDeps,
  bytes: Uint8Array,
  file: string,
): Promise<WireItemOutcome[]> {
  if (bytes.byteLength > MAX_WIRE_FILE_BYTES) {
    return [
      wireFileRejected(
        file,
        `The file is ${bytes.byteLength} bytes; the wire inbox takes at most ${MAX_WIRE_FILE_BYTES}.`,
      ),
    ];
  }
  if (bytes.byteLength === 0) return [wireFileRejected(file, 'The file is empty.')];
  let parsed: WireParseResult;
  try {
    parsed = await deps.parse(bytes, file);
  } catch (error) {
    // A parser fault on one hostile file must not stop the files after it.
    return [
      wireFileRejected(file, `The file could not be read: ${error instanceof Error ? error.message : String(error)}`),
    ];
  }
  if (!parsed.ok) return [wireFileRejected(file, parsed.reason)];
  const checked = parsed.items.map((item) => ({ item, problem: itemProblem(item) }));
  const kept = checked.flatMap(({ item, problem }) => (problem === null ? [item] : []));
  const stored = kept.length === 0 ? [] : await deps.wire.store(kept, deps.now());
  let next = 0;
  return checked.map(({ item, problem }): WireItemOutcome => {
    const line = itemLine(item, file, parsed.warnings);
    if (problem !== null) return { ...line, status: 'rejected', reason: problem };
    const outcome = stored[next++];
    if (outcome === undefined) throw new Error('the store answered fewer items than it was given');
    return { ...line, status: outcome.status, reason: outcome.reason, itemId: outcome.itemId };
  });
}

const LIMITS = { agency: 100, agencyId: 500, headline: 1000, blocks: 2000 } as const;

/** What the inbox refuses even from a parser that read the item. */
function itemProblem(item: WireItem): string | null {
  if (item.agency.trim() === '' || item.agency.length > LIMITS.agency) return 'The agency name is empty or too long.';
  if (item.agencyId.trim() === '' || item.agencyId.length > LIMITS.agencyId)
    return "The agency's item id is empty or too long.";
  if (item.headline.trim() === '') return 'The item has no headline.';
  if (item.headline.length > LIMITS.headline) return `The headline is longer than ${LIMITS.headline} characters.`;
  if (!Number.isSafeInteger(item.version) || item.version < 0) return 'The version is not a whole number.';
  if (item.body.length > LIMITS.blocks) return `The body has more than ${LIMITS.blocks} blocks.`;
  return null;
}

function itemLine(item: WireItem, file: string, fileWarnings: readonly string[]): WireItemOutcome {
  return {
    status: 'accepted',
    reason: null,
    file,
    itemId: null,
    agency: item.agency,
    agencyId: item.agencyId,
    version: item.version,
    headline: item.headline,
    byline: item.bylines.join(', ') || null,
    dateline: item.dateline?.text ?? null,
    times: {
      firstCreated: item.firstCreated?.toISOString() ?? null,
      versionCreated: item.versionCreated?.toISOString() ?? null,
    },
    subjects: item.subjects.flatMap((subject) => subject.name ?? subject.code ?? []),
    bodyText: plainBlocksText(item.body),
    warnings: [...fileWarnings, ...item.warnings],
  };
}

export function wireFileRejected(file: string, reason: string): WireItemOutcome {
  return {
    status: 'rejected',
    reason,
    file,
    itemId: null,
    agency: null,
    agencyId: null,
    version: null,
    headline: null,
    byline: null,
    dateline: null,
    times: { firstCreated: null, versionCreated: null },
    subjects: [],
    bodyText: null,
    warnings: [],
  };
}

/** Counts of a report by status, for summaries. */
export function tallyOutcomes(outcomes: readonly WireItemOutcome[]): Record<WireIngestStatus, number> {
  const tally: Record<WireIngestStatus, number> = {
    accepted: 0,
    updated: 0,
    duplicate: 0,
    stale: 0,
    killed: 0,
    rejected: 0,
  };
  for (const outcome of outcomes) tally[outcome.status] += 1;
  return tally;
}
