import { parseServeConfig, type RawServeConfig, type ServeConfig } from '../../src/config.js';

/**
 * `broadsheet serve`'s configuration for a test's own SQLite file, read the
 * way the command reads its flags: a free port, no logs, no simulator, and
 * the defaults for everything `raw` leaves out (so a new setting needs no test
 * to spell it).
 */
export function testServeConfig(db: string, raw: RawServeConfig = {}): ServeConfig {
  return parseServeConfig({ port: '0', db, logLevel: 'silent', simulator: 'off', ...raw });
}
