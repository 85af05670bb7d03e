// Appends a dated section to bench/RESULTS.md; only the benchmarks' --record runs write there.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export const RESULTS_FILE = fileURLToPath(new URL('../RESULTS.md', import.meta.url));

const HEADER = `# Broadsheet benchmark results

Each section is one recorded run (\`node bench/<script>.mjs --record\`),
newest last, with the machine it ran on. See bench/README.md for what each number means.
`;

export async function appendResults(section) {
  let existing = '';
  try {
    existing = await readFile(RESULTS_FILE, 'utf8');
  } catch {
    await writeFile(RESULTS_FILE, HEADER);
  }
  const separator = existing === '' || existing.endsWith('\n') ? '\n' : '\n\n';
  await appendFile(RESULTS_FILE, `${separator}${section.trimEnd()}\n`);
}

/** A Markdown table with aligned columns, laid out as the repository's formatter lays out Markdown. */
export function markdownTable(header, rows) {
  const widths = header.map((cell, i) => Math.max(3, cell.length, ...rows.map((row) => String(row[i] ?? '').length)));
  const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A fixed-width text table for the terminal. */
export function textTable(header, rows) {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => String(row[i] ?? '').length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
