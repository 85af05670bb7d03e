import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { skipUnlessAvailable } from '../support/environment.js';
import { useSiteInBrowser } from '../support/siteInBrowser.js';

// The ticker strip crawls, holds still under a pointer or focus, steps with the keyboard, pages instead
// of crawling for readers who ask for less motion, and never makes the page scroll sideways.

const SCREENS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1366, height: 800 } },
] as const;

const LEAD = 'div[data-ticker] ul:not([aria-hidden="true"]) > li[data-key="i:KSE100"]';
const STRIP = 'div[data-ticker] section[aria-label="Market ticker"]';

/** Where KSE-100's row is now, in page pixels from the left. */
function leadX(page: Page): Promise<number> {
  return page.locator(LEAD).evaluate((row) => row.getBoundingClientRect().x);
}

/**
 * KSE-100's positions over `ms` of the page's own time, read every 100 ms in the page, so a busy machine
 * slows the reading and the strip alike. Written as text: the test loader's helpers are not in the page.
 */
async function track(page: Page, ms: number): Promise<number[]> {
  const script = `new Promise((resolve) => {
    const row = document.querySelector(${JSON.stringify(LEAD)});
    const positions = [row.getBoundingClientRect().x];
    const end = performance.now() + ${ms};
    const timer = setInterval(() => {
      positions.push(row.getBoundingClientRect().x);
      if (performance.now() >= end) {
        clearInterval(timer);
        resolve(positions);
      }
    }, 100);
  })`;
  return (await page.evaluate(script)) as number[];
}

// Where KSE-100 stood when the page's scripts had run (DOMContentLoaded comes after module scripts).
const RECORD_LEAD_AT_START = `document.addEventListener('DOMContentLoaded', () => {
  const row = document.querySelector(${JSON.stringify(LEAD)});
  const box = row.getBoundingClientRect();
  document.documentElement.dataset.leadAtStart = JSON.stringify({ x: box.x, right: box.right });
});`;

function spread(positions: readonly number[]): number {
  return Math.max(...positions) - Math.min(...positions);
}

describe('the moving ticker', { skip: skipUnlessAvailable(['chromium']) }, () => {
  const run = useSiteInBrowser({ simulatorIntervalMs: 300 });

  async function home(viewport: { width: number; height: number }, reducedMotion: 'reduce' | 'no-preference') {
    const context = await run.browser.newContext({ viewport, reducedMotion });
    const page = await context.newPage();
    await page.goto(run.site.url('/'));
    // Keep the pointer off the strip: a resting pointer holds it still.
    await page.mouse.move(viewport.width / 2, viewport.height - 10);
    await page.locator('div[data-ticker] .ticker__controls').waitFor();
    return { context, page };
  }

  for (const screen of SCREENS) {
    test(`${screen.name}: KSE-100 is in view at once, then the strip moves, with no sideways page scroll`, async () => {
      const context = await run.browser.newContext({ viewport: screen.viewport });
      try {
        await context.addInitScript({ content: RECORD_LEAD_AT_START });
        const page = await context.newPage();
        await page.goto(run.site.url('/'));
        const recorded = await page.locator('html').getAttribute('data-lead-at-start');
        const first = JSON.parse(recorded ?? 'null') as { x: number; right: number } | null;
        assert.ok(
          first !== null && first.x >= 0 && first.right <= screen.viewport.width,
          `KSE-100 is not wholly in view: ${recorded}`,
        );
        await page.mouse.move(screen.viewport.width / 2, screen.viewport.height - 10);
        const positions = await track(page, 2500);
        assert.ok(spread(positions) > 5, `KSE-100 stayed put: ${positions.join(', ')}`);
        // Moving left, never back.
        for (let i = 1; i < positions.length; i += 1) {
          assert.ok((positions[i] ?? 0) <= (positions[i - 1] ?? 0) + 0.5, `moved back: ${positions.join(', ')}`);
        }
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok((widths[0] ?? 0) <= (widths[1] ?? 0), `the page scrolls sideways: ${widths.join(' > ')}`);
      } finally {
        await context.close();
      }
    });

    test(`${screen.name}: a pointer or focus on the strip holds it still, arrows step it, the pause button stops it`, async () => {
      const { context, page } = await home(screen.viewport, 'no-preference');
      try {
        await page.locator(STRIP).hover();
        assert.equal(spread(await track(page, 800)), 0, 'the strip moved under the pointer');
        await page.mouse.move(screen.viewport.width / 2, screen.viewport.height - 10);
        assert.ok(spread(await track(page, 800)) > 5, 'the strip did not move on once the pointer left');

        await page.locator(STRIP).focus();
        assert.equal(spread(await track(page, 800)), 0, 'the strip moved while focused');
        // Home brings back the start of the loop, KSE-100 first; each arrow moves one row.
        await page.keyboard.press('Home');
        const start = await leadX(page);
        const width = await page.locator(LEAD).evaluate((row) => row.getBoundingClientRect().width);
        await page.keyboard.press('ArrowRight');
        const stepped = await leadX(page);
        assert.ok(start - stepped >= width, `ArrowRight did not step past KSE-100: ${start} → ${stepped}`);
        await page.keyboard.press('ArrowLeft');
        assert.equal(await leadX(page), start, 'ArrowLeft did not step back to KSE-100');
        // A live update that narrows a row moves every row after it; a step back still lands on the row before.
        await page.keyboard.press('ArrowRight');
        await page.locator(LEAD).evaluate((row) => {
          row.style.flex = 'none';
          row.style.width = `${row.getBoundingClientRect().width - 40}px`;
          row.style.overflow = 'hidden';
        });
        await page.keyboard.press('ArrowLeft');
        assert.equal(await leadX(page), start, 'ArrowLeft after KSE-100 narrowed did not step back to it');
        await page.locator(STRIP).blur();
        assert.ok(spread(await track(page, 800)) > 5, 'the strip did not move on after focus left');

        const pause = page.getByRole('button', { name: 'Pause ticker' });
        await pause.click();
        assert.equal(await pause.getAttribute('aria-pressed'), 'true');
        await page.mouse.move(screen.viewport.width / 2, screen.viewport.height - 10);
        assert.equal(spread(await track(page, 800)), 0, 'the strip moved while paused');
        await page.getByRole('button', { name: 'Next prices' }).click();
        await page.mouse.move(screen.viewport.width / 2, screen.viewport.height - 10);
        const next = await track(page, 500);
        assert.equal(spread(next), 0, 'a step started it again');
        await pause.click();
        await page.mouse.move(screen.viewport.width / 2, screen.viewport.height - 10);
        assert.equal(await pause.getAttribute('aria-pressed'), 'false');
        assert.ok(spread(await track(page, 800)) > 5, 'Play did not start it again');
      } finally {
        await context.close();
      }
    });
  }

  test('with reduced motion it turns a page at a time and never crawls, at 390 and 1366 px', async () => {
    // Both screens at once: each has to be watched for longer than a page stays.
    await Promise.all(
      SCREENS.map(async (screen) => {
        const { context, page } = await home(screen.viewport, 'reduce');
        try {
          const positions = await track(page, 6500);
          const moves = positions
            .slice(1)
            .map((x, i) => (positions[i] ?? 0) - x)
            .filter((moved) => moved !== 0);
          assert.ok(moves.length >= 1, `${screen.name}: no page turned in 6.5 s: ${positions.join(', ')}`);
          // A page stays 5 s: in 6.5 s of the page's time at most two turns, each a long jump, never a crawl.
          assert.ok(moves.length <= 2, `${screen.name}: it moved too often to be paging: ${moves.join(', ')}`);
          for (const moved of moves) assert.ok(moved >= 100, `${screen.name}: a page turn moved only ${moved} px`);
        } finally {
          await context.close();
        }
      }),
    );
  });

  test('without JavaScript the strip scrolls by hand and KSE-100 leads it', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false, viewport: SCREENS[0].viewport });
    try {
      const page = await context.newPage();
      await page.goto(run.site.url('/'));
      const strip = page.locator(STRIP);
      assert.equal(await strip.getAttribute('tabindex'), '0');
      assert.equal(await strip.evaluate((element) => getComputedStyle(element).overflowX), 'auto');
      const first = await page.locator('div[data-ticker] li[data-key]').first().getAttribute('data-key');
      assert.equal(first, 'i:KSE100');
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok((widths[0] ?? 0) <= (widths[1] ?? 0), `the page scrolls sideways: ${widths.join(' > ')}`);
    } finally {
      await context.close();
    }
  });
});
