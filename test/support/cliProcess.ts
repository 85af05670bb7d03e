import { type ChildProcess, spawn } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Added to the environment after the database settings are cleared (so a test can set them again). */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to the command's stdin, which is then closed; without it stdin stays open. */
  readonly stdin?: string;
}

/** `broadsheet …` as a child process, on SQLite whatever the environment says. */
export function broadsheet(args: readonly string[], options: CliOptions = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', BROADSHEET_DATABASE_URL: '', BROADSHEET_DB: '', ...options.env },
  });
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  return child;
}

/** What the command wrote and its exit code, once it has exited. */
export function finish(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

export function run(args: readonly string[], options: CliOptions = {}): Promise<Finished> {
  return finish(broadsheet(args, options));
}

/** Resolves with the address from a `serve` child's "is serving" log line; rejects if it exits first. */
export function servingAddress(child: ChildProcess, exited?: Promise<Finished>): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk;
      const match = /"address":"(http:\/\/[^"]+)"/.exec(buffered);
      if (match?.[1]) resolve(match[1]);
    });
    if (exited === undefined) child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    else exited.then((result) => reject(new Error(`serve exited early with ${result.code}: ${result.stderr}`)));
  });
}

/** A `serve` child and the address from its "is serving" log line. */
export async function serve(
  args: readonly string[],
): Promise<{ child: ChildProcess; address: string; exited: Promise<Finished> }> {
  const child = broadsheet(['serve', '--port', '0', '--log-level', 'info', ...args]);
  const exited = finish(child);
  const address = await servingAddress(child, exited);
  return { child, address, exited };
}

/** Creates a token through the CLI and returns it. */
export async function createToken(db: string, role = 'market-feed'): Promise<string> {
  const result = await run(['tokens', 'create', '--role', role, '--name', `test ${role}`, '--db', db]);
  if (result.code !== 0) throw new Error(`tokens create failed: ${result.stderr}`);
  return result.stdout.trim();
}
