/**
 * Reads the times agencies write: ISO 8601 / RFC 3339 (ninjs, NewsML-G2,
 * Atom), the basic form `20240301T100000+0000` (NewsML 1.2, NITF `norm`) and
 * RFC 822 dates (RSS). Files that bend the rules but whose meaning is clear
 * (a zone without its colon, no zone at all, unpadded fields) are read with a
 * warning pushed to `warnings`; anything else gives null and a warning.
 */
export interface WireTimeOptions {
  /** The basic ISO form is the format's own (NewsML 1.2, NITF): no warning for it. */
  readonly basicIsNative?: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED_ZONES: Readonly<Record<string, number>> = {
  GMT: 0,
  UT: 0,
  UTC: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const EXTENDED =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const RFC822 =
  /^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/;

interface Fields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millis: number;
}

function build(fields: Fields, offsetMinutes: number): Date | null {
  const { year, month, day, hour, minute, second, millis } = fields;
  if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || second > 60) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth || (hour === 24 && (minute > 0 || second > 0))) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
  return new Date(utc - offsetMinutes * 60_000);
}

/** Minutes east of UTC, and whether the zone was written oddly; null when unreadable. */
function zoneOffset(zone: string): { minutes: number; odd: boolean } | null {
  if (zone === 'Z' || zone === 'z') return { minutes: 0, odd: zone === 'z' };
  const match = /^([+-])(\d{1,2})(:?)(\d{2})?$/.exec(zone);
  if (match === null) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[4] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  const sign = match[1] === '-' ? -1 : 1;
  const odd = match[3] !== ':' || match[2]?.length !== 2 || match[4] === undefined;
  return { minutes: sign * (hours * 60 + minutes), odd };
}

function fraction(digits: string | undefined): number {
  return digits === undefined ? 0 : Math.floor(Number(`0.${digits}`) * 1000);
}

function readIso(
  raw: string,
  match: RegExpExecArray,
  basic: boolean,
  options: WireTimeOptions,
  warnings: string[],
  label: string,
): Date | null {
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const fields: Fields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? '0'),
    minute: Number(mi ?? '0'),
    second: Number(s ?? '0'),
    millis: fraction(frac),
  };
  if (basic && options.basicIsNative !== true)
    warnings.push(`${label} "${raw}" is in the compact basic form; read as ISO 8601.`);
  if (!basic && [mo, d, h, mi, s].some((part) => part !== undefined && part.length === 1)) {
    warnings.push(
      `${label} "${raw}" has unpadded fields; read as ${y}-${mo?.padStart(2, '0')}-${d?.padStart(2, '0')}.`,
    );
  }
  let offset = 0;
  if (h === undefined) {
    if (zone === undefined && !basic) warnings.push(`${label} "${raw}" has no time of day; midnight UTC assumed.`);
  } else if (zone === undefined) {
    warnings.push(`${label} "${raw}" has no time zone; UTC assumed.`);
  }
  if (zone !== undefined) {
    const read = zoneOffset(zone);
    if (read === null) {
      warnings.push(`${label} "${raw}" has an impossible time zone; UTC assumed.`);
    } else {
      if (read.odd && !basic)
        warnings.push(`${label} "${raw}" writes its time zone oddly (${zone}); read as UTC${zone}.`);
      offset = read.minutes;
    }
  }
  return build(fields, offset);
}

function readRfc822(raw: string, match: RegExpExecArray, warnings: string[], label: string): Date | null {
  const [, d, mon, y, h, mi, s, zone] = match;
  const month = MONTHS.indexOf((mon ?? '').toLowerCase()) + 1;
  let year = Number(y);
  if ((y ?? '').length === 2) {
    year += year < 70 ? 2000 : 1900;
    warnings.push(`${label} "${raw}" has a two-digit year; read as ${year}.`);
  }
  let offset = 0;
  if (zone === undefined) warnings.push(`${label} "${raw}" has no time zone; UTC assumed.`);
  else if (/^[+-]\d{4}$/.test(zone))
    offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)));
  else {
    const named = NAMED_ZONES[zone.toUpperCase()];
    if (named === undefined) warnings.push(`${label} "${raw}" has an unknown time zone "${zone}"; UTC assumed.`);
    offset = named ?? 0;
  }
  const fields = {
    year,
    month,
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? '0'),
    millis: 0,
  };
  return build(fields, offset);
}

/** Parses one agency time; null (with a warning) when absent or unreadable. */
export function parseWireTime(
  raw: string | null | undefined,
  warnings: string[],
  label: string,
  options: WireTimeOptions = {},
): Date | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim();
  if (text === '') return null;
  const extended = EXTENDED.exec(text);
  const basic = extended === null ? BASIC.exec(text) : null;
  const rfc = extended === null && basic === null ? RFC822.exec(text) : null;
  let date: Date | null = null;
  if (extended !== null) date = readIso(text, extended, false, options, warnings, label);
  else if (basic !== null) date = readIso(text, basic, true, options, warnings, label);
  else if (rfc !== null) date = readRfc822(text, rfc, warnings, label);
  if (date === null || Number.isNaN(date.getTime())) {
    warnings.push(`${label} "${text.slice(0, 60)}" is not a readable time; left empty.`);
    return null;
  }
  return date;
}
