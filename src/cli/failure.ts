import { ConfigError } from '../config.js';
import { DuplicateEmailError } from '../store/accounts/accounts.js';

/** An expected failure of a command (bad input, nothing by that name): reported as its message alone. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
  /** 2: the command was given something it cannot use; 1: it ran and could not do it. */
  readonly exitCode: 1 | 2;

  constructor(message: string, exitCode: 1 | 2 = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * What `broadsheet` prints for an error that reached the top, and its exit
 * code. Expected failures are one line; so are the machine's own refusals
 * (a busy port, an unreachable database: a Node system error with a code).
 * Anything else is a bug, reported with its stack.
 */
export function failureReport(error: unknown): { readonly line: string; readonly exitCode: number } {
  if (error instanceof ConfigError) return { line: error.message, exitCode: 2 };
  if (error instanceof CommandFailure) return { line: error.message, exitCode: error.exitCode };
  if (error instanceof DuplicateEmailError) return { line: error.message, exitCode: 1 };
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && isSystemError(error)) {
    return { line: error.message, exitCode: 1 };
  }
  return { line: error instanceof Error ? (error.stack ?? error.message) : String(error), exitCode: 1 };
}

// Node's system errors are named E… (EADDRINUSE, ECONNREFUSED, ENOENT); other libraries' codes are not promised.
function isSystemError(error: Error): boolean {
  return /^E[A-Z]+$/.test(String((error as NodeJS.ErrnoException).code));
}
