import { isObject, type JsonObject, lowerKeys, str } from './ninjsFields.js';
import { datelinePlace } from './nitfBody.js';
import type { WireDateline } from './wireItem.js';
import { parseWireTime } from './wireTime.js';

/**
 * The dateline of a ninjs item. The IPTC schemas give only `located` (the
 * place); agencies on ninjs 2.x/3.x also send `datelines` (an array of
 * `{ value, role, located, date }`, as headlines and bodies are arrays there)
 * or a plain `dateline` string, which carry the line as written ("KARACHI,
 * Jan 31") and sometimes its time. The main (or first) one is the dateline;
 * its place is its own `located`, else the item's, else the text before the
 * first comma.
 */
export function ninjsDateline(item: JsonObject, warnings: string[]): WireDateline | null {
  const located = str(item, 'located');
  const written = writtenDateline(item);
  if (written === null) return located === null ? null : { place: located, at: null, text: located };
  const place = written.located ?? located ?? datelinePlace(written.text);
  const at = parseWireTime(written.date, warnings, 'dateline date');
  return { place, at, text: written.text };
}

interface WrittenDateline {
  readonly text: string;
  readonly located: string | null;
  readonly date: string | null;
}

function writtenDateline(item: JsonObject): WrittenDateline | null {
  const entries = [...entriesOf(item.datelines), ...entriesOf(item.dateline)];
  const main = entries.find((entry) => entry.role === 'main') ?? entries.find((entry) => entry.role === null);
  return main ?? entries[0] ?? null;
}

function entriesOf(value: unknown): (WrittenDateline & { readonly role: string | null })[] {
  const list = Array.isArray(value) ? value : [value];
  const found: (WrittenDateline & { readonly role: string | null })[] = [];
  for (const entry of list) {
    if (typeof entry === 'string') {
      if (entry.trim() !== '') found.push({ text: entry.trim(), located: null, date: null, role: null });
      continue;
    }
    if (!isObject(entry)) continue;
    const fields = lowerKeys(entry);
    const place = isObject(fields.located) ? str(lowerKeys(fields.located), 'name') : str(fields, 'located');
    const text = str(fields, 'value') ?? str(fields, 'text') ?? place;
    if (text === null) continue;
    found.push({
      text: text.trim(),
      located: place,
      date: str(fields, 'date') ?? str(fields, 'datetime'),
      role: str(fields, 'role')?.toLowerCase() ?? null,
    });
  }
  return found;
}
