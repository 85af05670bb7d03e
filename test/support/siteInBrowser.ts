import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { requireTools } from './environment.js';
import { type RunningTestApp, startTestApp, type TestAppOptions } from './testApp.js';

/** A test site and a headless Chromium, for the tests of one `describe`. */
export interface SiteInBrowser {
  readonly site: RunningTestApp;
  readonly browser: Browser;
}

/**
 * Starts a site and Chromium in the enclosing `describe`'s `before` and stops
 * both in its `after`; read the fields inside tests, not while declaring them.
 */
export function useSiteInBrowser(options: TestAppOptions = {}): SiteInBrowser {
  let site: RunningTestApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    requireTools(['chromium']);
    site = await startTestApp(options);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
  });
  return {
    get site() {
      if (site === undefined) throw new Error('the test site is not started yet');
      return site;
    },
    get browser() {
      if (browser === undefined) throw new Error('Chromium is not started yet');
      return browser;
    },
  };
}

/** How often the page's main frame has navigated so far: 1 after the first load, more after a reload. */
export function countNavigations(page: Page): () => number {
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  return () => navigations;
}
