import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, describeViolations } from '../support/axe.js';
import { skipUnlessAvailable } from '../support/environment.js';
import { countNavigations, useSiteInBrowser } from '../support/siteInBrowser.js';
import { visibleText } from '../support/visibleText.js';

const PAGE = '/markets/currency/usd-pkr';
const RESULT = '#converter-result';

interface FxRate {
  readonly pair: string;
  readonly market: 'interbank' | 'open';
  readonly buying: string;
  readonly selling: string;
}

/** Decimal string to hundredths, by the digits alone. */
function hundredths(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

function grouped(value: bigint): string {
  const whole = (value / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${(value % 100n).toString().padStart(2, '0')}`;
}

/** What the interbank line must read, worked out here independently of the site's code. */
function expectedInterbank(rates: readonly FxRate[], amount: string, direction: 'usd-pkr' | 'pkr-usd'): string {
  const rate = rates.find((entry) => entry.pair === 'USD/PKR' && entry.market === 'interbank');
  assert.ok(rate, 'an interbank USD/PKR rate');
  const paisa = hundredths(direction === 'usd-pkr' ? rate.buying : rate.selling);
  const given = hundredths(amount);
  // Half up: (n × 2 + d) ÷ 2d.
  if (direction === 'usd-pkr') return `US$ ${grouped(given)} = Rs ${grouped((given * paisa * 2n + 100n) / 200n)}`;
  return `Rs ${grouped(given)} = US$ ${grouped((given * 100n * 2n + paisa) / (paisa * 2n))}`;
}

describe('Dollar to PKR converter in a browser', { skip: skipUnlessAvailable(['chromium']) }, () => {
  // The simulator would move FX rates under the test; an hour between ticks holds them still.
  const env = useSiteInBrowser({ simulatorIntervalMs: 3_600_000 });

  async function apiRates(): Promise<FxRate[]> {
    const body = (await (await fetch(env.site.url('/api/v1/market/fx'))).json()) as { rates: FxRate[] };
    return body.rates;
  }

  async function openConverter(page: Page): Promise<void> {
    await page.goto(env.site.url(PAGE));
    await page.waitForFunction(() => document.querySelector('script[src*="/build/converter-"]') !== null);
  }

  test('with JavaScript, typing an amount shows the exact figure without submitting', async () => {
    const page = await env.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Under the site's own CSP (script-src 'self'): a refused script would show here.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    try {
      const navigations = countNavigations(page);
      await openConverter(page);
      const rates = await apiRates();
      await page.locator('#converter-amount').pressSequentially('123.45');
      const result = page.locator(RESULT);
      await result.getByText(expectedInterbank(rates, '123.45', 'usd-pkr')).waitFor({ timeout: 5000 });
      assert.match(await visibleText(result), /at the open market rate of Rs /);

      await page.locator('#converter-direction').selectOption('pkr-usd');
      await page.locator('#converter-amount').fill('50000');
      await result.getByText(expectedInterbank(rates, '50000', 'pkr-usd')).waitFor({ timeout: 5000 });

      await page.locator('#converter-amount').fill('12abc');
      await result.getByText(/Enter an amount in figures/).waitFor({ timeout: 5000 });
      assert.equal(await page.locator('#converter-amount').getAttribute('aria-invalid'), 'true');

      assert.equal(navigations(), 1, 'the form was never submitted');
      assert.equal(new URL(page.url()).search, '');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the island keeps the rates fresh from /api/v1/market/fx, revalidating with If-None-Match', async () => {
    const page = await env.browser.newPage();
    try {
      await page.clock.install();
      const asked: (string | null)[] = [];
      const fresh: FxRate[] = [{ pair: 'USD/PKR', market: 'interbank', buying: '300.00', selling: '300.00' }];
      await page.route('**/api/v1/market/fx', async (route) => {
        asked.push(route.request().headers()['if-none-match'] ?? null);
        if (asked.length === 1) {
          await route.fulfill({ status: 200, headers: { etag: '"m9"' }, json: { rates: fresh } });
        } else {
          await route.fulfill({ status: 304, headers: { etag: '"m9"' } });
        }
      });
      await openConverter(page);
      await page.locator('#converter-amount').fill('10');
      const result = page.locator(RESULT);
      const before = await visibleText(result);
      assert.match(before, /^US\$ 10\.00 = Rs /);

      await page.clock.runFor(10_500);
      await result.getByText('US$ 10.00 = Rs 3,000.00').waitFor({ timeout: 5000 });
      assert.doesNotMatch(await visibleText(result), /open market/, 'only the rates the poll brought remain');

      await page.clock.runFor(10_500);
      for (let waited = 0; asked.length < 2 && waited < 5000; waited += 50) await page.waitForTimeout(50);
      assert.deepEqual(asked.slice(0, 2), [null, '"m9"']);
      assert.match(await visibleText(result), /US\$ 10\.00 = Rs 3,000\.00/, 'a 304 keeps the rates held');
    } finally {
      await page.close();
    }
  });

  test('without JavaScript, the form GET gives the exact figure', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(env.site.url(PAGE));
      const rates = await apiRates();
      await page.locator('#converter-amount').fill('123.45');
      await page.locator('#converter-direction').selectOption('usd-pkr');
      await Promise.all([page.waitForURL(/amount=123\.45/), page.getByRole('button', { name: 'Convert' }).click()]);
      assert.match(await visibleText(page.locator(RESULT)), /at the interbank rate of Rs /);
      assert.ok(
        (await visibleText(page.locator(RESULT))).includes(expectedInterbank(rates, '123.45', 'usd-pkr')),
        `expects ${expectedInterbank(rates, '123.45', 'usd-pkr')}`,
      );
    } finally {
      await context.close();
    }
  });

  test('the page passes axe with a live result, and only it loads the converter island', async () => {
    // axe goes in as an inline script, which the site's CSP rightly refuses.
    const context = await env.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await openConverter(page);
      await page.locator('#converter-amount').fill('100');
      await page
        .locator(RESULT)
        .getByText(/^US\$ 100\.00 = Rs /)
        .first()
        .waitFor({ timeout: 5000 });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));

      await page.goto(env.site.url('/markets'));
      assert.equal(await page.locator('script[src*="/build/converter-"]').count(), 0);
    } finally {
      await context.close();
    }
  });
});
