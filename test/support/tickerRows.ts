import type { Page } from 'playwright-core';
import { normaliseSpace } from './visibleText.js';

// How a ticker row must read (DESIGN.md §1, the reference ticker):
// `AVN 64.80 Increased By ▲ 0.63 (0.98%)`, `KSE100 40,673 Increased By 801.8 (2.01%)`.

/** A stock row: two decimals, an arrow, percent to at most two decimals. */
export const STOCK_ROW =
  /^[A-Z][A-Z0-9]* \d+\.\d{2} (Increased By ▲|Decreased By ▼|No Change ▼) -?\d+\.\d{2} \(-?\d+(\.\d{1,2})?%\)$/;

/** An index row: whole points with thousands separators, change to one decimal, no arrow. */
export const INDEX_ROW =
  /^[A-Z][A-Z0-9]* \d{1,3}(,\d{3})* (Increased By|Decreased By|No Change) -?\d+(\.\d)? \(-?\d+(\.\d{1,2})?%\)$/;

/**
 * The ticker strip: its root carries `data-ticker`, each row a `data-key` (`s:AVN`, `i:KSE100`). The moving
 * strip repeats its list for a seamless loop, hidden from assistive technology; rows are counted once.
 */
export const TICKER_ROW_SELECTOR = 'div[data-ticker] ul:not([aria-hidden="true"]) > li[data-key]';

/** The repeated rows of the moving strip's loop, which must read as their originals. */
export const TICKER_COPY_SELECTOR = 'div[data-ticker] ul[aria-hidden="true"] > li[data-key]';

/** Every ticker row on the page, as its words with whitespace collapsed. */
export async function tickerRowTexts(page: Page): Promise<string[]> {
  const texts = await page.locator(TICKER_ROW_SELECTOR).allTextContents();
  return texts.map(normaliseSpace);
}

/** Whether a row reads as a stock row or an index row. */
export function isTickerRow(row: string): boolean {
  return STOCK_ROW.test(row) || INDEX_ROW.test(row);
}

/** Waits up to `ms` for the ticker to read differently from `first`; returns what it reads then. */
export async function tickerChange(page: Page, first: string, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  let latest = first;
  while (latest === first && Date.now() < deadline) {
    await page.waitForTimeout(100);
    latest = (await tickerRowTexts(page)).join('\n');
  }
  return latest;
}

/**
 * Why a row contradicts itself, or null: the words must agree with the sign of
 * the change (up is positive, down negative, unchanged zero) and so must the percent.
 */
export function rowInconsistency(row: string): string | null {
  const match = /(Increased By|Decreased By|No Change) [▲▼]? ?(-?[\d.]+) \((-?[\d.]+)%\)$/.exec(row);
  if (!match) return `not a ticker row: ${row}`;
  const [, words, changeText = '', percentText = ''] = match;
  const change = Number(changeText);
  const percent = Number(percentText);
  const expected = words === 'Increased By' ? 1 : words === 'Decreased By' ? -1 : 0;
  if (Math.sign(change) !== expected) return `"${words}" with change ${changeText}: ${row}`;
  if (Math.sign(percent) !== expected && percent !== 0) return `"${words}" with percent ${percentText}: ${row}`;
  return null;
}
