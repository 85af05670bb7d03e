import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The rule sets every page must pass: WCAG 2.0/2.1 A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const;

/** The part of an axe violation a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

let axeSource: string | undefined;

function loadAxeSource(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('axe-core');
    axeSource = readFileSync(entry.replace(/axe(\.min)?\.js$/, 'axe.min.js'), 'utf8');
  }
  return axeSource;
}

/** Runs axe-core on the page as it is now and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: loadAxeSource() });
  return page.evaluate(
    async (tags) => {
      // axe is a global once injected; typed here only as far as this reads it.
      const axe = (
        globalThis as unknown as {
          axe: {
            run(
              context: Document,
              options: { runOnly: string[] },
            ): Promise<{
              violations: {
                id: string;
                impact?: string | null;
                help: string;
                nodes: { target: unknown[] }[];
              }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { runOnly: tags });
      return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
    },
    [...AXE_TAGS],
  );
}

/** One line per violation, with the elements it was found on, for an assertion message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    on: ${violation.targets.slice(0, 8).join(' | ')}${violation.targets.length > 8 ? ` … +${violation.targets.length - 8}` : ''}`,
    )
    .join('\n');
}
