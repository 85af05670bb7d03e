// Every process a benchmark starts is registered here and stopped by its own PID at the end,
// also when the benchmark fails or is interrupted, so no server outlives the run.
import { spawn } from 'node:child_process';

/**
 * @typedef {{ name: string, child: import('node:child_process').ChildProcess, exited: Promise<void>,
 *   output: () => string, stopSignal: NodeJS.Signals }} Started
 */

/** @type {Set<Started>} */
const running = new Set();
/** @type {(() => Promise<void>)[]} */
const afterStop = [];

/** Work to do once every child has stopped (e.g. removing their temp directory), on success, error or signal. */
export function afterChildrenStopped(task) {
  afterStop.push(task);
}

/** @type {Promise<void> | null} */
let stopping = null;

/** One shutdown however many ask for it: a signal and the failing main both end up here. */
function stopEverything() {
  stopping ??= (async () => {
    await stopAllChildren();
    for (const task of afterStop.splice(0).reverse()) await task().catch(() => {});
  })();
  return stopping;
}

/**
 * Starts a child process and keeps the last few KB of its output for error messages.
 * @param {string} name what it is, for messages
 * @param {string} command
 * @param {readonly string[]} args
 * @param {import('node:child_process').SpawnOptions & { stopSignal?: NodeJS.Signals }} [options]
 *   stopSignal: what asks this child to stop (Lighthouse closes its Chrome on SIGINT)
 * @returns {Started}
 */
export function startChild(name, command, args, { stopSignal = 'SIGTERM', ...options } = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let tail = '';
  const keep = (chunk) => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (error) => {
      keep(`\n${name} could not start: ${error.message}\n`);
      resolve();
    });
  });
  const started = { name, child, exited, output: () => tail, stopSignal };
  running.add(started);
  exited.then(() => running.delete(started));
  return started;
}

/** True while the child has not exited. */
export function isRunning(started) {
  return started.child.exitCode === null && started.child.signalCode === null && running.has(started);
}

/**
 * Stops one child: its stop signal (SIGTERM unless it was started with another), then SIGKILL after `graceMs`.
 * @param {Started} started
 */
export async function stopChild(started, { signal = started.stopSignal, graceMs = 5000 } = {}) {
  const { pid } = started.child;
  if (pid === undefined || !isRunning(started)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return; // already gone
  }
  const killed = await Promise.race([
    started.exited.then(() => false),
    new Promise((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
  ]);
  if (killed && isRunning(started)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited between the check and the kill
    }
    await started.exited;
  }
}

/** Stops every child still running, newest first. */
export async function stopAllChildren() {
  const all = [...running].reverse();
  await Promise.all(all.map((started) => stopChild(started)));
}

/**
 * Runs `main`, always stopping the children afterwards; Ctrl-C and SIGTERM also stop them.
 * @param {() => Promise<number | void>} main resolves with the exit code
 */
export async function runWithCleanup(main) {
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping child processes…\n`);
    stopEverything().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let code = 1;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    if (interrupted) return; // the signal handler exits once everything is stopped
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 1;
  } finally {
    await stopEverything();
  }
  process.exit(code);
}

/** Runs a command to completion and returns its output; rejects on a non-zero exit. */
export function runToEnd(name, command, args, { timeoutMs = 120_000, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const started = startChild(name, command, args, options);
    let stdout = '';
    let stderr = '';
    started.child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    started.child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      stopChild(started);
      reject(new Error(`${name} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    started.child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`${name} could not start: ${error.message}`));
    });
    started.child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${name} exited with ${signal ?? code}:\n${stderr || stdout}`));
    });
  });
}
