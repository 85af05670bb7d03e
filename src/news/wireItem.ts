import type { Block } from './article.js';

/**
 * One agency item as the wire inbox keeps it, whatever format it came in
 * (IPTC ninjs 1.x–3.x, NewsML-G2, NewsML 1.2, NITF 3.x, RSS 2.0, Atom).
 * Parsers map every format onto this; the inbox, the search index and
 * "Create draft" read only this.
 */
export interface WireItem {
  /** The agency as configured (AFP, Reuters, APP, …), or the provider named by the file when unknown. */
  readonly agency: string;
  /** The agency's own id for the item (guid / uri / NewsItemId), stable across versions. */
  readonly agencyId: string;
  /** The agency's version number; 1 when the format gives none. Higher replaces lower. */
  readonly version: number;
  readonly format: WireFormat;
  /** usable: an ordinary item; withdrawn: a kill or withdrawal notice; canceled: cancelled by the agency. */
  readonly status: 'usable' | 'withdrawn' | 'canceled';
  readonly headline: string;
  readonly slugline: string | null;
  /** Bylines as given, in order (writers, or the agency name when no writer is named). */
  readonly bylines: readonly string[];
  readonly dateline: WireDateline | null;
  readonly firstCreated: Date | null;
  readonly versionCreated: Date | null;
  /** Subjects with their scheme where known (IPTC media topics, subject codes, categories). */
  readonly subjects: readonly WireSubject[];
  readonly keywords: readonly string[];
  /** BCP 47 language tag, e.g. `en` or `ur`; null when not given. */
  readonly language: string | null;
  /** 1 (most urgent) to 9 (least), mapped from the format's urgency or priority; null when not given. */
  readonly urgency: number | null;
  readonly summary: string | null;
  /** The story, sanitised into the article block model (paragraphs, subheadings, quotes, lists, inline marks, links). */
  readonly body: readonly Block[];
  readonly images: readonly WireImage[];
  /** What the parser had to guess or repair (odd time zones, padded dates, missing namespaces); shown in the inbox. */
  readonly warnings: readonly string[];
}

export type WireFormat = 'ninjs' | 'newsml-g2' | 'newsml-1.2' | 'nitf' | 'rss' | 'atom';

export interface WireDateline {
  /** The place as written, e.g. `KARACHI` or `Paris`. */
  readonly place: string | null;
  /** The dateline's own time when given. */
  readonly at: Date | null;
  /** The dateline as the agency wrote it, for the editor. */
  readonly text: string;
}

export interface WireSubject {
  /** Scheme or qualifier, e.g. `medtop`, `subj`, `category`; null when bare. */
  readonly scheme: string | null;
  readonly code: string | null;
  readonly name: string | null;
}

export interface WireImage {
  /** Where the agency says the picture is (a URL or a reference inside a package); never fetched automatically. */
  readonly href: string | null;
  readonly caption: string | null;
  readonly credit: string | null;
  readonly altText: string | null;
  readonly width: number | null;
  readonly height: number | null;
}

/** What one file gave: the items read from it, or why it was refused as a whole. */
export type WireParseResult =
  | { readonly ok: true; readonly items: readonly WireItem[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads one agency file. `name` is the file name (a hint only; the content
 * decides the format). Pure: no I/O, no network, entities never expanded.
 */
export type WireParser = (bytes: Uint8Array, name: string) => WireParseResult;

/** A WireParser or one that reads elsewhere (the site reads off its main thread: src/ingest/wire/parseInThread.ts). */
export type WireReader = (bytes: Uint8Array, name: string) => WireParseResult | Promise<WireParseResult>;
