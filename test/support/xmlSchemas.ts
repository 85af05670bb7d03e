import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The official schemas in the shared conformance folder beside the repository
 * (`../shared/conformance`), found from this file as other tests find `../shared/reference`.
 */
export const CONFORMANCE_DIR = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));

export const SCHEMAS = {
  atom: { kind: 'relaxng', file: path.join(CONFORMANCE_DIR, 'feeds/atom/atom-rfc4287.trang-derived.rng') },
  sitemap: { kind: 'schema', file: path.join(CONFORMANCE_DIR, 'feeds/sitemaps/xsd/sitemap.xsd') },
  sitemapIndex: { kind: 'schema', file: path.join(CONFORMANCE_DIR, 'feeds/sitemaps/xsd/siteindex.xsd') },
  nitf: { kind: 'schema', file: path.join(CONFORMANCE_DIR, 'newsml-g2/examples/nitf-3-6.xsd') },
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/** What xmllint said: valid or not, and its messages (empty when valid). */
export interface SchemaVerdict {
  readonly valid: boolean;
  readonly messages: string;
}

/** Checks an XML document against one of the official schemas with xmllint (Debian's libxml2-utils). */
export function validateXml(xml: string, schema: SchemaName): SchemaVerdict {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-xml-'));
  try {
    const file = path.join(dir, 'document.xml');
    writeFileSync(file, xml);
    const { kind, file: schemaFile } = SCHEMAS[schema];
    const run = spawnSync('xmllint', ['--noout', `--${kind}`, schemaFile, file], { encoding: 'utf8' });
    if (run.error !== undefined) throw run.error;
    return { valid: run.status === 0, messages: `${run.stderr}`.replaceAll(`${file}:`, 'line ') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
