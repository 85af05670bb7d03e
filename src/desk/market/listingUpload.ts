import { UnreadableFileError, unpack } from '../../ingest/archiveBytes.js';
import { parseListingCsv } from '../../ingest/listingCsvParser.js';
import { done, type Outcome, refusalOfProblems } from '../../shared/outcome.js';
import type { AuditActor } from '../../store/audit/auditLog.js';
import type { MarketDesk } from './marketDesk.js';
import { sentence } from './sentence.js';

/** What `broadsheet market listing` and `POST /api/v1/admin/market/listing` answer. */
export interface ListingReport {
  readonly file: string;
  readonly rowsRead: number;
  readonly accepted: number;
  readonly rejected: readonly { readonly line: number; readonly reason: string; readonly text: string }[];
  readonly rejectedCount: number;
  /** Listed instruments that took the file's figures now. */
  readonly updated: number;
  /** Stocks the file listed with a first LDCP. */
  readonly listed: number;
  /** Rows kept for stocks not listed yet: they apply at the stock's first closing file. */
  readonly kept: number;
}

/** A listing file (CSV, plain, ZIP or gzip) read and handed to the desk; a file with no row to take changes nothing. */
export async function listingUpload(
  desk: MarketDesk,
  actor: AuditActor,
  bytes: Buffer,
  name: string,
): Promise<Outcome<ListingReport>> {
  if (bytes.length === 0) return refusalOfProblems('malformed', [{ field: 'file', message: 'Choose a file.' }]);
  let file: ReturnType<typeof parseListingCsv>;
  try {
    const { content } = await unpack(bytes);
    file = parseListingCsv(content.toString('utf8'));
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return refusalOfProblems('malformed', [{ field: 'file', message: sentence(error.message) }]);
  }
  const report = {
    file: name,
    rowsRead: file.rowsRead,
    accepted: file.accepted,
    rejected: file.rejected,
    rejectedCount: file.rejectedCount,
  };
  if (file.entries.length === 0) {
    const first = file.rejected
      .slice(0, 10)
      .map((row) => ({ field: 'file', message: `Line ${row.line}: ${row.reason}.` }));
    return refusalOfProblems('invalid', [
      { field: 'file', message: `The listing holds no row that can be taken (${file.rejectedCount} rejected).` },
      ...first,
    ]);
  }
  const outcome = await desk.loadListing(actor, name, file.entries);
  return outcome.ok ? done({ ...report, ...outcome.value }) : outcome;
}
