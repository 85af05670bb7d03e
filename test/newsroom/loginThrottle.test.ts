import assert from 'node:assert/strict';
import { test } from 'node:test';
import { POSTGRES_URL, postgresProblem, redactedUrl } from '../store/storeBackends.js';
import { isCi } from '../support/environment.js';
import { type Browser, startAdminSite } from './adminSite.js';

const WRONG = 'not the right password';

/** The browser quits: the session cookie (no Max-Age) goes, the device cookie stays. */
function quit(browser: Browser): void {
  for (const key of [...browser.cookies.keys()]) if (key.startsWith('bs_session|')) browser.cookies.delete(key);
}

async function failTimes(browser: Browser, email: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    assert.equal((await browser.login(email, WRONG)).status, 401, `failure ${i + 1}`);
  }
}

test('three free failures, then growing waits answered 429 with Retry-After, the password not even checked', async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'ed@example.com', role: 'editor' });
  const browser = site.browser();
  await failTimes(browser, 'ed@example.com', 3);

  const waiting = await browser.login('ed@example.com');
  assert.equal(waiting.status, 429);
  assert.equal(waiting.headers.get('retry-after'), '1');
  assert.match(await waiting.text(), /Too many failed sign-ins\. Wait a second and try again\./);
  assert.equal(browser.cookie('bs_session'), undefined);

  site.advance(1000);
  await failTimes(browser, 'ed@example.com', 1);
  assert.equal((await browser.login('ed@example.com')).headers.get('retry-after'), '2');
  site.advance(2000);
  await failTimes(browser, 'ed@example.com', 1);
  assert.equal((await browser.login('ed@example.com')).headers.get('retry-after'), '4');

  // The count keeps growing up to the cap of 15 minutes between tries.
  for (let wait = 4000; wait < 15 * 60 * 1000; wait *= 2) {
    site.advance(wait);
    await failTimes(browser, 'ed@example.com', 1);
  }
  const capped = await browser.login('ed@example.com');
  assert.equal(capped.status, 429);
  assert.equal(capped.headers.get('retry-after'), '900');
  assert.match(await capped.text(), /Wait 15 minutes/);

  site.advance(15 * 60 * 1000);
  assert.equal((await browser.login('ed@example.com')).status, 303, 'the right password after the wait');
});

test('an address is throttled across accounts; an unknown account like a known one', async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'ed@example.com', role: 'editor' });
  // Spraying one guess at each of many names still counts against the one address (tests all come from 127.0.0.1).
  for (let i = 0; i < 10; i++) await failTimes(site.browser(), `guess${i}@example.com`, 1);
  assert.equal((await site.browser().login('ed@example.com')).status, 429, 'same address, untouched account');
  const unknown = await site.browser().login('nobody@example.com', WRONG);
  assert.equal(unknown.status, 429);
  assert.ok(Number(unknown.headers.get('retry-after')) > 0);
});

test("a stranger's failures never lock the owner out of a browser they signed in from before", async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'ed@example.com', role: 'editor' });
  await site.addUser({ email: 'other@example.com', role: 'writer' });
  const owners = site.browser();
  assert.equal((await owners.login('ed@example.com')).status, 303);
  const device = owners.setCookies.find((c) => c.startsWith('bs_device='));
  assert.ok(device !== undefined, 'a device cookie at sign-in');
  assert.match(device, /; Path=\/admin\/login/);
  assert.match(device, /; HttpOnly/);
  assert.match(device, /; SameSite=Strict/);
  assert.match(device, /; Max-Age=\d{7,}/);
  quit(owners);

  // A stranger, from the owner's own address, drives the account and the address to the longest wait.
  const stranger = site.browser();
  await failTimes(stranger, 'ed@example.com', 3);
  for (let wait = 1000; wait <= 15 * 60 * 1000; wait *= 2) {
    site.advance(wait);
    await failTimes(stranger, 'ed@example.com', 1);
  }
  assert.equal((await stranger.login('ed@example.com')).status, 429);
  assert.equal((await site.browser().login('ed@example.com')).status, 429, 'a new browser waits like a stranger');

  assert.equal((await owners.login('ed@example.com')).status, 303, 'the owner signs in at once');
  quit(owners);
  // The device speaks for its own account only.
  assert.equal((await owners.login('other@example.com')).status, 429);
  // The owner's success does not wipe the stranger's slate.
  assert.equal((await stranger.login('ed@example.com')).status, 429);
});

test('a known device mistyping is throttled by its own failures', async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'ed@example.com', role: 'editor' });
  const owners = site.browser();
  assert.equal((await owners.login('ed@example.com')).status, 303);
  quit(owners);
  await failTimes(owners, 'ed@example.com', 3);
  assert.equal((await owners.login('ed@example.com')).status, 429);
  assert.equal((await site.browser().login('ed@example.com')).status, 303, 'its failures are its own');
});

test('failures are kept in the database: a restart and a second process see them', async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'ed@example.com', role: 'editor' });
  await failTimes(site.browser(), 'ed@example.com', 2);
  const sibling = await site.startSibling();
  t.after(() => sibling.stop());
  await failTimes(sibling.browser(), 'ed@example.com', 1);
  assert.equal((await site.browser().login('ed@example.com')).status, 429, 'three failures over two processes');

  await site.restart();
  const afterRestart = await site.browser().login('ed@example.com');
  assert.equal(afterRestart.status, 429);
  assert.equal(afterRestart.headers.get('retry-after'), '1');
  site.advance(1000);
  assert.equal((await site.browser().login('ed@example.com')).status, 303);
});

test('counts fade a day after the last failure and are pruned', async (t) => {
  const site = await startAdminSite();
  t.after(() => site.close());
  await site.addUser({ email: 'ed@example.com', role: 'editor' });
  await failTimes(site.browser(), 'ed@example.com', 3);
  site.advance(24 * 60 * 60 * 1000);
  // One more failure starts the count again instead of adding a fourth.
  await failTimes(site.browser(), 'ed@example.com', 1);
  const row = await site.db
    .selectFrom('login_failures')
    .select('failures')
    .where('key', '=', 'account:ed@example.com')
    .executeTakeFirstOrThrow();
  assert.equal(Number(row.failures), 1);
  assert.equal((await site.browser().login('ed@example.com')).status, 303);
});

// A burst of guesses sent at once must meet the same limit as guesses sent one after another: each used to read
// the count before any of them had added its failure, so forty parallel guesses were all checked.
async function burstOfGuesses(engine: 'sqlite' | 'postgres'): Promise<number[]> {
  const site = await startAdminSite({ engine });
  try {
    await site.addUser({ email: 'ed@example.com', role: 'editor' });
    const browsers = Array.from({ length: 24 }, () => site.browser());
    const tokens = await Promise.all(browsers.map((browser) => browser.csrfToken('/admin/login')));
    const answers = await Promise.all(
      browsers.map((browser, i) =>
        browser.post('/admin/login', { email: 'ed@example.com', password: WRONG, _csrf: tokens[i] ?? '' }),
      ),
    );
    return answers.map((answer) => answer.status);
  } finally {
    await site.close();
  }
}

function assertOnlyFreeTriesChecked(statuses: readonly number[]): void {
  const checked = statuses.filter((status) => status === 401).length;
  assert.equal(checked + statuses.filter((status) => status === 429).length, statuses.length, statuses.join(' '));
  assert.ok(
    checked >= 1 && checked <= 3,
    `${checked} passwords checked in a burst (three free): ${statuses.join(' ')}`,
  );
}

test('a burst of parallel guesses gets the three free tries and no more (SQLite)', async () => {
  assertOnlyFreeTriesChecked(await burstOfGuesses('sqlite'));
});

const postgresAway = await postgresProblem(POSTGRES_URL);
test('a burst of parallel guesses gets the three free tries and no more (PostgreSQL)', {
  skip: postgresAway !== null && !isCi() ? `SKIPPED: PostgreSQL not reachable: ${postgresAway}` : false,
}, async () => {
  assert.equal(postgresAway, null, `PostgreSQL not reachable at ${redactedUrl(POSTGRES_URL)}`);
  assertOnlyFreeTriesChecked(await burstOfGuesses('postgres'));
});
