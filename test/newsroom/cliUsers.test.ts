import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import { createApp } from '../../src/app.js';
import { run } from '../support/cliProcess.js';
import { testServeConfig } from '../support/serveConfig.js';
import { Browser } from './adminSite.js';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-cli-users-'));
const dbPath = join(dir, 'site.sqlite');
after(() => rmSync(dir, { recursive: true, force: true }));

function broadsheet(args: readonly string[], stdin?: string) {
  return run([...args, '--db', dbPath], { stdin: stdin ?? '' });
}

async function canSignIn(email: string, password: string): Promise<number> {
  const app = await createApp(testServeConfig(dbPath, { demo: false, commentRateLimit: '0' }), {
    logger: pino({ level: 'silent' }),
  });
  try {
    const browser = new Browser(await app.start());
    return (await browser.login(email, password)).status;
  } finally {
    await app.stop();
  }
}

/** Opens a one-time link in a running site over the same database and sends its form with `fields`. */
async function useLink(path: string, fields: Record<string, string>): Promise<{ page: number; sent: number }> {
  const app = await createApp(testServeConfig(dbPath, { demo: false, commentRateLimit: '0' }), {
    logger: pino({ level: 'silent' }),
  });
  try {
    const browser = new Browser(await app.start());
    const page = await browser.get(path);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const sent = await browser.post(path, { _csrf: csrf, ...fields });
    return { page: page.status, sent: sent.status };
  } finally {
    await app.stop();
  }
}

describe('broadsheet users', () => {
  test('add with --password-stdin creates a user who can sign in', async () => {
    const added = await broadsheet(
      ['users', 'add', '--email', 'Chief@Example.com', '--name', 'Chief Editor', '--role', 'admin', '--password-stdin'],
      'a chief editor password\n',
    );
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /created user 1 chief@example\.com \(admin\)/);
    assert.doesNotMatch(added.stdout, /password:/);
    assert.equal(await canSignIn('chief@example.com', 'a chief editor password'), 303);
  });

  test('add without a password generates one, prints it once, and it works', async () => {
    const added = await broadsheet([
      'users',
      'add',
      '--email',
      'w@example.com',
      '--name',
      'Writer',
      '--role',
      'writer',
    ]);
    assert.equal(added.code, 0, added.stderr);
    const password = /password: (\S+)/.exec(added.stdout)?.[1];
    assert.ok(password && password.length >= 12);
    assert.equal(await canSignIn('w@example.com', password), 303);
  });

  test('refuses a short password, an unknown role and a duplicate address', async () => {
    const short = await broadsheet(
      ['users', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'writer', '--password-stdin'],
      'short\n',
    );
    assert.notEqual(short.code, 0);
    assert.match(short.stderr, /at least 12/);
    assert.doesNotMatch(short.stderr, /\n\s+at /, 'no stack trace');
    const role = await broadsheet(['users', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'boss']);
    assert.match(role.stderr, /--role must be one of/);
    const duplicate = await broadsheet([
      'users',
      'add',
      '--email',
      'CHIEF@example.com',
      '--name',
      'X',
      '--role',
      'writer',
    ]);
    assert.notEqual(duplicate.code, 0);
    assert.match(duplicate.stderr, /already has an account/);
  });

  test('bad input is one line on stderr and a non-zero exit, never a stack trace', async () => {
    for (const [args, stdin, message, code] of [
      [
        ['users', 'add', '--email', 'y@example.com', '--name', 'Y', '--role', 'writer', '--password-stdin'],
        'short\n',
        /^broadsheet: A password needs at least 12 characters\.$/,
        2,
      ],
      [
        ['users', 'add', '--email', 'not-an-address', '--name', 'Y', '--role', 'writer'],
        '',
        /--email is not an address/,
        2,
      ],
      [
        ['users', 'add', '--email', 'chief@example.com', '--name', 'Y', '--role', 'writer'],
        '',
        /already has an account/,
        1,
      ],
      [['users', 'set-role', 'nobody@example.com', 'editor'], '', /No account has the address nobody@example\.com/, 1],
      [['users', 'disable', 'nobody@example.com'], '', /No account has the address/, 1],
      [['tokens', 'revoke', 'abc'], '', /Token id must be a whole number/, 2],
      [['comments', 'approve', 'abc'], '', /Comment id must be a whole number/, 2],
    ] as const) {
      const result = await broadsheet(args, stdin);
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(lines.length, 1, `${args.join(' ')}: ${result.stderr}`);
      assert.match(lines[0] ?? '', message);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
  });

  test('list, set-role and disable; a disabled user can no longer sign in', async () => {
    const changed = await broadsheet(['users', 'set-role', 'w@example.com', 'editor']);
    assert.equal(changed.code, 0, changed.stderr);
    assert.match(changed.stdout, /writer → editor/);
    const disabled = await broadsheet(['users', 'disable', 'w@example.com']);
    assert.equal(disabled.code, 0, disabled.stderr);
    const listed = await broadsheet(['users', 'list', '--json']);
    const users = JSON.parse(listed.stdout) as { email: string; role: string; disabledAt: string | null }[];
    const w = users.find((user) => user.email === 'w@example.com');
    assert.equal(w?.role, 'editor');
    assert.notEqual(w?.disabledAt, null);
    assert.equal(await canSignIn('w@example.com', 'whatever it was really'), 401);
  });

  test('the last active admin can be neither demoted nor disabled', async () => {
    const demote = await broadsheet(['users', 'set-role', 'chief@example.com', 'writer']);
    assert.equal(demote.code, 1, demote.stderr);
    assert.match(demote.stderr, /last active admin.*Nothing was changed/);
    const disable = await broadsheet(['users', 'disable', 'chief@example.com']);
    assert.equal(disable.code, 1);
    assert.match(disable.stderr, /last active admin/);
    const listed = JSON.parse((await broadsheet(['users', 'list', '--json'])).stdout) as {
      email: string;
      role: string;
    }[];
    assert.equal(listed.find((user) => user.email === 'chief@example.com')?.role, 'admin');
    assert.equal(await canSignIn('chief@example.com', 'a chief editor password'), 303);
  });

  test('enable, then a printed reset link sets a password that signs in', async () => {
    const refused = await broadsheet(['users', 'reset-link', 'w@example.com']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /disabled: enable it first/);
    const enabled = await broadsheet(['users', 'enable', 'w@example.com']);
    assert.equal(enabled.code, 0, enabled.stderr);
    assert.match(enabled.stdout, /enabled w@example\.com/);
    const made = await broadsheet(['users', 'reset-link', 'w@example.com', '--public-url', 'https://news.example.com']);
    assert.equal(made.code, 0, made.stderr);
    const link = /^(https:\/\/news\.example\.com\/admin\/reset\/\S+)$/m.exec(made.stdout)?.[1];
    assert.ok(link, made.stdout);
    const password = 'a writer password from a link';
    const used = await useLink(new URL(link).pathname, { password, confirm: password });
    assert.deepEqual(used, { page: 200, sent: 303 });
    assert.equal(await canSignIn('w@example.com', password), 303);
    assert.equal((await useLink(new URL(link).pathname, { password, confirm: password })).page, 410, 'once only');
    const unknown = await broadsheet(['users', 'reset-link', 'nobody@example.com']);
    assert.equal(unknown.code, 1);
  });

  test('invite prints a link the invitee uses to make their account; a taken address is refused', async () => {
    const taken = await broadsheet(['users', 'invite', '--email', 'w@example.com', '--role', 'writer']);
    assert.equal(taken.code, 1);
    assert.match(taken.stderr, /already has an account/);
    const badRole = await broadsheet(['users', 'invite', '--email', 'new@example.com', '--role', 'boss']);
    assert.equal(badRole.code, 2);
    const made = await broadsheet(['users', 'invite', '--email', 'New@Example.com', '--role', 'moderator']);
    assert.equal(made.code, 0, made.stderr);
    const path = /^(\/admin\/invite\/\S+)$/m.exec(made.stdout)?.[1];
    assert.ok(path, made.stdout);
    const password = 'a moderator password of mine';
    assert.deepEqual(await useLink(path, { name: 'New Moderator', password, confirm: password }), {
      page: 200,
      sent: 303,
    });
    const listed = JSON.parse((await broadsheet(['users', 'list', '--json'])).stdout) as {
      email: string;
      role: string;
    }[];
    assert.equal(listed.find((user) => user.email === 'new@example.com')?.role, 'moderator');
    assert.equal(await canSignIn('new@example.com', password), 303);
    const signedOut = await broadsheet(['users', 'sign-out', 'new@example.com']);
    assert.equal(signedOut.code, 0, signedOut.stderr);
    assert.match(signedOut.stdout, /new@example\.com: \d+ sessions? ended/);
  });
});
