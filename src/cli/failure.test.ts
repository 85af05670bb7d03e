import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../config.js';
import { DuplicateEmailError } from '../store/accounts/accounts.js';
import { CommandFailure, failureReport } from './failure.js';

test('expected failures are their message alone, with the exit code they carry', () => {
  assert.deepEqual(failureReport(new CommandFailure('A password needs at least 12 characters.')), {
    line: 'A password needs at least 12 characters.',
    exitCode: 2,
  });
  assert.deepEqual(failureReport(new CommandFailure('No account has the address a@x.', 1)), {
    line: 'No account has the address a@x.',
    exitCode: 1,
  });
  assert.deepEqual(failureReport(new ConfigError('--port must be …')), { line: '--port must be …', exitCode: 2 });
  assert.equal(
    failureReport(new DuplicateEmailError('a@x already has an account.')).line,
    'a@x already has an account.',
  );
  const busy = Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'), {
    code: 'EADDRINUSE',
  });
  assert.deepEqual(failureReport(busy), { line: busy.message, exitCode: 1 });
});

test('anything else is a bug: reported with its stack', () => {
  const bug = new TypeError('cannot read properties of undefined');
  const report = failureReport(bug);
  assert.equal(report.exitCode, 1);
  assert.match(report.line, /TypeError: cannot read properties of undefined\n\s+at /);
  assert.match(failureReport(Object.assign(new Error('odd'), { code: 'SOME_LIBRARY_CODE' })).line, /\n\s+at /);
});
