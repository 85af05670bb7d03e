import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listAudit } from '../../src/store/audit/auditLog.js';
import { postgresReachable } from '../store/storeBackends.js';
import { run } from '../support/cliProcess.js';
import { closedPort, type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/smtpSink.js';
import { type AdminSite, type Browser, startAdminSite } from './adminSite.js';

const NEW_PASSWORD = 'a password chosen from the mail';
const FROM = 'Newsroom <newsroom@example.com>';

/** The one-time link in a mail's text part, and a check that the HTML part links to the same address. */
function linkIn(mail: ReceivedMail, kind: 'reset' | 'invite'): URL {
  const address = new RegExp(`(https?://\\S+/admin/${kind}/[A-Za-z0-9._~-]+)`).exec(mail.text)?.[1];
  assert.ok(address, `no ${kind} link in the mail's text:\n${mail.text}`);
  assert.ok(mail.html.includes(`href="${address}"`), 'the HTML part links to the same address');
  return new URL(address);
}

/** Opens a link's form and sends it; the answer to the send. */
async function useLink(browser: Browser, path: string, fields: Record<string, string>): Promise<Response> {
  const page = await browser.get(path);
  assert.equal(page.status, 200, `the link's page answered ${page.status}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  return browser.post(path, { _csrf: csrf, ...fields });
}

async function deliveries(site: AdminSite): Promise<unknown[]> {
  return (await listAudit(site.db, { limit: 200 }))
    .filter((entry) => entry.action === 'user.reset-link-create' || entry.action === 'user.invite')
    .map((entry) => (entry.details as { delivery?: unknown } | null)?.delivery);
}

function mailedSuite(engine: 'sqlite' | 'postgres', name: string): void {
  describe(`reset links and invitations mailed through SMTP, on ${name}`, () => {
    let smtp: SmtpSink;
    let site: AdminSite;
    let admin: Browser;
    before(async () => {
      smtp = await startSmtpSink();
      site = await startAdminSite({ engine, serve: { smtpUrl: smtp.url, mailFrom: FROM } });
      await site.addUser({ email: 'boss@example.com', role: 'admin' });
      admin = site.browser();
      await admin.login('boss@example.com');
    });
    after(async () => {
      await site.close();
      await smtp.close();
    });

    test('a reset link goes to the account holder; the admin is told where, not shown it; the link sets a password', async () => {
      const amna = await site.addUser({ email: 'amna@example.com', role: 'editor' });
      const made = await admin.post(`/admin/users/${amna.id}/reset-link`, {
        _csrf: await admin.csrfToken(`/admin/users/${amna.id}`),
      });
      assert.equal(made.status, 200);
      const page = await made.text();
      assert.match(page, /Sent to amna@example\.com/);
      assert.doesNotMatch(page, /\/admin\/reset\//, 'the link is not on the admin page');

      const mail = await smtp.mailTo('amna@example.com');
      assert.deepEqual(mail.envelopeTo, ['amna@example.com']);
      assert.equal(mail.envelopeFrom, 'newsroom@example.com');
      assert.equal(mail.headers.get('to'), 'amna@example.com');
      assert.equal(mail.headers.get('from'), FROM);
      const origin = new URL(site.baseUrl);
      assert.equal(mail.headers.get('subject'), `Reset your newsroom password at ${origin.host}`);
      const link = linkIn(mail, 'reset');
      assert.equal(link.origin, origin.origin, "the link is on the admin's own origin");

      const holder = site.browser();
      const done = await useLink(holder, link.pathname, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      assert.equal(done.status, 303);
      assert.equal((await site.browser().login('amna@example.com', NEW_PASSWORD)).status, 303);
      assert.ok((await deliveries(site)).includes('mailed'));
    });

    test('an invitation goes to the invited address, and its link makes the account', async () => {
      const made = await admin.post('/admin/users/invitations', {
        _csrf: await admin.csrfToken('/admin/users'),
        email: 'sana@example.com',
        role: 'writer',
      });
      assert.equal(made.status, 200);
      const page = await made.text();
      assert.match(page, /Sent to sana@example\.com/);
      assert.doesNotMatch(page, /\/admin\/invite\//);

      const mail = await smtp.mailTo('sana@example.com');
      assert.equal(mail.headers.get('to'), 'sana@example.com');
      assert.equal(mail.headers.get('from'), FROM);
      assert.equal(mail.headers.get('subject'), `You are invited to the newsroom at ${new URL(site.baseUrl).host}`);
      assert.match(mail.text, /as writer/);
      const link = linkIn(mail, 'invite');
      const done = await useLink(site.browser(), link.pathname, {
        name: 'Sana Mir',
        password: NEW_PASSWORD,
        confirm: NEW_PASSWORD,
      });
      assert.equal(done.status, 303);
      const browser = site.browser();
      assert.equal((await browser.login('sana@example.com', NEW_PASSWORD)).status, 303);
      assert.equal((await (await browser.get('/api/v1/admin/me')).json()).role, 'writer');
    });
  });
}

mailedSuite('sqlite', 'SQLite');

// The store paths under the mail (link made, checked, used; account made; audit) on PostgreSQL too:
// skipped with a message when no server answers, a failure on CI.
if (await postgresReachable('links mailed through SMTP on PostgreSQL')) mailedSuite('postgres', 'PostgreSQL');

describe('a mail server that cannot be reached', () => {
  let site: AdminSite;
  let admin: Browser;
  before(async () => {
    const port = await closedPort();
    site = await startAdminSite({ serve: { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: FROM } });
    await site.addUser({ email: 'boss@example.com', role: 'admin' });
    admin = site.browser();
    await admin.login('boss@example.com');
  });
  after(() => site.close());

  test('the admin is told why, with the link shown instead, and the link works', async () => {
    const bilal = await site.addUser({ email: 'bilal@example.com', role: 'writer' });
    const made = await admin.post(`/admin/users/${bilal.id}/reset-link`, {
      _csrf: await admin.csrfToken(`/admin/users/${bilal.id}`),
    });
    assert.equal(made.status, 200);
    const page = await made.text();
    assert.match(
      page,
      /The mail to bilal@example\.com was not sent: the mail server 127\.0\.0\.1:\d+ could not be reached/,
    );
    assert.match(page, /works all the same/);
    const address = /value="(http:\/\/[^"]+\/admin\/reset\/[^"]+)"/.exec(page)?.[1];
    assert.ok(address, 'the link is shown');
    const done = await useLink(site.browser(), new URL(address).pathname, {
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    assert.equal(done.status, 303);
    assert.equal((await site.browser().login('bilal@example.com', NEW_PASSWORD)).status, 303);
    assert.deepEqual(await deliveries(site), ['mail-failed']);
  });
});

/** `broadsheet …` on `db`, with none of the machine's mail or address settings, and stdin closed. */
function broadsheet(args: readonly string[], db: string, env: Record<string, string> = {}) {
  return run([...args, '--db', db], {
    env: { BROADSHEET_SMTP_URL: '', BROADSHEET_MAIL_FROM: '', BROADSHEET_PUBLIC_URL: '', ...env },
    stdin: '',
  });
}

describe('broadsheet users reset-link and invite with a mail server', () => {
  let smtp: SmtpSink;
  let site: AdminSite;
  let db: string;
  before(async () => {
    smtp = await startSmtpSink();
    site = await startAdminSite();
    await site.addUser({ email: 'farah@example.com', role: 'editor' });
    // The site's own SQLite file: the command and the running site share it, as on one machine.
    db = site.file;
  });
  after(async () => {
    await site.close();
    await smtp.close();
  });

  test('reset-link mails the link (flags) and says where it went; the link works', async () => {
    const run = await broadsheet(
      [
        'users',
        'reset-link',
        'farah@example.com',
        '--smtp-url',
        smtp.url,
        '--mail-from',
        FROM,
        '--public-url',
        site.baseUrl,
      ],
      db,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^sent to farah@example\.com\n/);
    assert.doesNotMatch(run.stdout, /\/admin\/reset\//);
    const mail = await smtp.mailTo('farah@example.com');
    assert.equal(mail.headers.get('from'), FROM);
    assert.equal(mail.headers.get('to'), 'farah@example.com');
    const link = linkIn(mail, 'reset');
    assert.equal(link.origin, new URL(site.baseUrl).origin);
    const done = await useLink(site.browser(), link.pathname, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    assert.equal(done.status, 303);
    assert.equal((await site.browser().login('farah@example.com', NEW_PASSWORD)).status, 303);
  });

  test('invite mails through the environment settings; an unreachable server prints the link and fails clearly', async () => {
    const sent = await broadsheet(['users', 'invite', '--email', 'omar@example.com', '--role', 'writer'], db, {
      BROADSHEET_SMTP_URL: smtp.url,
      BROADSHEET_MAIL_FROM: FROM,
      BROADSHEET_PUBLIC_URL: site.baseUrl,
    });
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stdout, /^sent to omar@example\.com\n/);
    assert.equal(linkIn(await smtp.mailTo('omar@example.com'), 'invite').origin, new URL(site.baseUrl).origin);

    const port = await closedPort();
    const failed = await broadsheet(['users', 'invite', '--email', 'zara@example.com', '--role', 'writer'], db, {
      BROADSHEET_SMTP_URL: `smtp://127.0.0.1:${port}`,
      BROADSHEET_MAIL_FROM: FROM,
      BROADSHEET_PUBLIC_URL: site.baseUrl,
    });
    assert.equal(failed.code, 1);
    assert.match(
      failed.stderr,
      /The mail to zara@example\.com was not sent: the mail server 127\.0\.0\.1:\d+ could not be reached/,
    );
    assert.doesNotMatch(failed.stderr, /\n\s+at /, 'no stack trace');
    const address = /^(http:\/\/\S+\/admin\/invite\/\S+)$/m.exec(failed.stdout)?.[1];
    assert.ok(address, `the link is printed:\n${failed.stdout}`);
    const done = await useLink(site.browser(), new URL(address).pathname, {
      name: 'Zara',
      password: NEW_PASSWORD,
      confirm: NEW_PASSWORD,
    });
    assert.equal(done.status, 303);
  });

  test('half a mail setup, or a bad URL, is refused before any link is made', async () => {
    const before = (await site.db.selectFrom('password_resets').select('id').execute()).length;
    for (const [flags, message] of [
      [['--smtp-url', smtp.url], /--smtp-url .* needs --mail-from/],
      [['--mail-from', FROM], /--mail-from .* needs --smtp-url/],
      [['--smtp-url', 'http://127.0.0.1:25', '--mail-from', FROM], /must be an smtp:\/\/ or smtps:\/\/ URL/],
      [['--smtp-url', smtp.url, '--mail-from', 'not an address'], /--mail-from .* must be one e-mail address/],
    ] as const) {
      const run = await broadsheet(['users', 'reset-link', 'farah@example.com', ...flags], db);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /p%40ss|p@ss word/, 'the password in the URL is never printed');
    }
    assert.equal((await site.db.selectFrom('password_resets').select('id').execute()).length, before);
  });
});
