import type { Locator } from 'playwright-core';

/** Collapses runs of whitespace (line breaks between inline elements included) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What a reader sees of an element: rendered text, hidden parts left out, whitespace collapsed. */
export async function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: a reader sees rendered text; textContent would include hidden parts.
  return normaliseSpace(await locator.innerText());
}
