import type { MemberLine } from '../../desk/market/indexMembers.js';
import { UnreadableFileError } from '../../ingest/archiveBytes.js';
import { parseConstituentsCsv } from '../../ingest/constituentsCsvParser.js';
import type { IndexReturnType } from '../../market/corporateActions/corporateAction.js';
import type { IndexSpec, IndexWeighting } from '../../market/indices/indexSpec.js';
import type { FieldProblem } from '../../shared/outcome.js';
import type { FormFields, FormReading } from './deskForms.js';
import { FieldReader } from './deskInput.js';

export const WEIGHTINGS: readonly IndexWeighting[] = ['free-float', 'full-cap'];
export const RETURN_TYPES: readonly IndexReturnType[] = ['price', 'total'];

/** The longest members box the desk forms take: a few hundred members with their figures. */
export const MEMBERS_TEXT_MAX = 20_000;

const HEADER = 'Symbol,Shares,Free float';
// The columns a members box may have: symbol, then shares and free float %.
const MOST_FIELDS = 3;

export interface IndexDefinitionForm {
  readonly spec: Omit<IndexSpec, 'constituents'>;
  readonly members: readonly MemberLine[];
}

export interface ConstituentsForm {
  readonly members: readonly MemberLine[];
  readonly effective?: string;
  readonly startLevel?: number;
}

/**
 * The members box: one member a line, `SYMBOL` or `SYMBOL, shares, free float %`
 * (a figure left out comes from the instrument). It is read as the
 * constituents CSV with its header supplied (or the desk's own, when the first
 * line names the columns), so the box and an uploaded file follow one rule.
 * Line numbers in problems are the box's own.
 */
export function readMembersText(
  text: string,
  field = 'constituents',
): { readonly members: readonly MemberLine[]; readonly problems: readonly FieldProblem[] } {
  const trimmed = text.replaceAll('\t', ',').trim();
  if (trimmed === '') return { members: [], problems: [] };
  const hasHeader = /^\s*"?(symbol|ticker|code)"?\s*(,|$)/i.test(trimmed.split('\n')[0] ?? '');
  const offset = hasHeader ? 0 : 1;
  const problems: FieldProblem[] = [];
  trimmed.split('\n').forEach((line, index) => {
    // "OGDC, 4,300,928,600, 15" would read as five figures: shares are written plain, or in quotes.
    const fields = line.replace(/"[^"]*"/g, '""').split(',');
    if (fields.length > MOST_FIELDS) {
      problems.push({
        field,
        message: `Line ${index + 1}: write a member as SYMBOL, shares, free float %, with the shares without commas (4300928600).`,
      });
    }
  });
  if (problems.length > 0) return { members: [], problems };
  let parsed: ReturnType<typeof parseConstituentsCsv>;
  try {
    parsed = parseConstituentsCsv(hasHeader ? trimmed : `${HEADER}\n${trimmed}`);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return { members: [], problems: [{ field, message: `The members box: ${error.message}.` }] };
  }
  for (const row of parsed.rejected) {
    problems.push({ field, message: `Line ${row.line - offset}: ${row.reason}.` });
  }
  if (parsed.rejectedCount > parsed.rejected.length) {
    problems.push({ field, message: `And ${parsed.rejectedCount - parsed.rejected.length} more lines not taken.` });
  }
  const members = parsed.members.map((member) => ({ ...member, line: member.line - offset }));
  return { members, problems };
}

/**
 * The "Define an index" form. Levels are in points with up to two decimals,
 * the weight cap in %. An empty members box defines an index the site does not
 * compute: it shows the exchange's published closes.
 */
export function readIndexDefinitionForm(fields: FormFields): FormReading<IndexDefinitionForm> {
  const read = new FieldReader(fields);
  const code = read.symbol('code', 'Code');
  const name = read.text('name', 'Name', { max: 120 });
  const weighting = read.choice('weighting', 'Weighting', WEIGHTINGS);
  const returnType = read.choice('returnType', 'Return type', RETURN_TYPES);
  const baseDate = read.date('baseDate', 'Base date', { optional: true });
  const baseValue = read.level('baseValue', 'Base value');
  const startLevel = read.level('startLevel', 'Starting level', { optional: true });
  const maxWeight = read.percent('maxWeight', 'Weight cap', { min: 1, max: 10_000, optional: true });
  const members = readMembersText(fields.constituents ?? '');
  read.problems.push(...members.problems);
  if (read.problems.length > 0 || code === undefined || name === undefined) {
    return { ok: false, problems: read.problems };
  }
  if (weighting === undefined || returnType === undefined || baseValue === undefined) {
    return { ok: false, problems: read.problems };
  }
  return {
    ok: true,
    value: {
      spec: {
        code,
        name,
        weighting,
        returnType,
        baseValue,
        ...(baseDate === undefined ? {} : { baseDate }),
        ...(startLevel === undefined ? {} : { startLevel }),
        ...(maxWeight === undefined ? {} : { maxWeightBasisPoints: maxWeight }),
      },
      members: members.members,
    },
  };
}

/** The "New constituents" form of one index: the members, and the date or starting level that applies. */
export function readConstituentsForm(fields: FormFields): FormReading<ConstituentsForm> {
  const read = new FieldReader(fields);
  const effective = read.date('effective', 'Effective from', { optional: true });
  const startLevel = read.level('startLevel', 'Starting level', { optional: true });
  const members = readMembersText(fields.constituents ?? '');
  read.problems.push(...members.problems);
  if (members.problems.length === 0 && members.members.length === 0) {
    read.fail('constituents', 'Name at least one member.');
  }
  if (read.problems.length > 0) return { ok: false, problems: read.problems };
  return {
    ok: true,
    value: {
      members: members.members,
      ...(effective === undefined ? {} : { effective }),
      ...(startLevel === undefined ? {} : { startLevel }),
    },
  };
}
