import { readNitfBody } from './nitfBody.js';
import { agencyName } from './wireAgency.js';
import { finishItem, urgencyFrom, versionFrom } from './wireDraft.js';
import type { WireItem, WireParseResult, WireSubject } from './wireItem.js';
import { wireSubject } from './wireSubject.js';
import { parseWireTime } from './wireTime.js';
import { attr, child, descendant, descendants, path, textOf } from './xmlQuery.js';
import type { XmlElement } from './xmlTree.js';

const NITF_NAMESPACE = 'http://iptc.org/std/NITF/2006-10-18/';

/** NITF 3.x docdata management-status (usable, embargoed, withheld, canceled). */
function status(raw: string | null): WireItem['status'] {
  const value = raw?.toLowerCase() ?? '';
  if (value === 'withheld' || value === 'withdrawn') return 'withdrawn';
  if (value === 'canceled' || value === 'cancelled') return 'canceled';
  return 'usable';
}

function subjects(head: XmlElement | null): WireSubject[] {
  const found: WireSubject[] = [];
  for (const subject of descendants(head, 'tobject.subject')) {
    const refnum = attr(subject, 'tobject.subject.refnum');
    const name =
      attr(subject, 'tobject.subject.detail') ??
      attr(subject, 'tobject.subject.matter') ??
      attr(subject, 'tobject.subject.type');
    found.push(wireSubject({ qcode: refnum === null ? null : `subj:${refnum}` }, name));
  }
  return found;
}

/** A standalone NITF 3.x document (IPTC NITF 3.6: head/docdata, body.head, body.content). */
export function parseNitf(nitf: XmlElement, treeWarnings: readonly string[]): WireParseResult {
  const warnings = [...treeWarnings];
  const xmlns = attr(nitf, 'xmlns');
  if (xmlns !== null && xmlns !== NITF_NAMESPACE && !xmlns.includes('NITF'))
    warnings.push(`Unexpected NITF namespace "${xmlns}".`);
  const head = child(nitf, 'head');
  const docdata = child(head, 'docdata');
  const body = readNitfBody(nitf, warnings);
  const docId = child(docdata, 'doc-id');
  const time = (local: string): Date | null =>
    parseWireTime(attr(child(docdata, local), 'norm'), warnings, `NITF ${local}`, { basicIsNative: true });
  const location = descendant(path(docdata, 'identified-content'), 'location');
  const keywords = descendants(docdata ?? nitf, 'keyword')
    .map((keyword) => attr(keyword, 'key') ?? textOf(keyword))
    .filter((key) => key !== '');
  const distributor = textOf(path(nitf, 'body', 'body.head', 'distributor'));
  const dateline =
    body.dateline ??
    (location === null
      ? null
      : { place: textOf(descendant(location, 'city')) || textOf(location), at: null, text: textOf(location) });
  const item = finishItem({
    agency: agencyName(
      attr(docId, 'regsrc'),
      distributor,
      attr(child(docdata, 'doc.copyright'), 'holder'),
      attr(child(docdata, 'doc.rights'), 'provider'),
    ),
    agencyId: attr(docId, 'id-string'),
    version: versionFrom(attr(child(docdata, 'du-key'), 'version'), warnings),
    format: 'nitf',
    status: status(attr(docdata, 'management-status')),
    headline: body.headline ?? textOf(child(head, 'title')),
    slugline: attr(child(docdata, 'du-key'), 'key'),
    bylines: body.bylines,
    dateline,
    firstCreated: time('date.issue'),
    versionCreated: time('date.release') ?? time('date.issue'),
    subjects: subjects(head),
    keywords,
    language: attr(nitf, 'xml:lang') ?? attr(child(head, 'meta'), 'lang'),
    urgency: urgencyFrom(attr(child(docdata, 'urgency'), 'ed-urg'), warnings, 'NITF urgency'),
    summary: body.abstract,
    body: body.blocks,
    images: body.images,
    warnings,
  });
  return { ok: true, items: [item], warnings: [] };
}
