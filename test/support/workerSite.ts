import type { ChildProcess } from 'node:child_process';
import { broadsheet, type Finished, finish } from './cliProcess.js';

/** One worker of `serve --workers N`, as its "worker is serving" line names it. */
export interface WorkerNode {
  readonly id: number;
  readonly pid: number;
  /** The worker's own port, where it alone answers (the shared port reaches any worker). */
  readonly address: string;
}

/** A `broadsheet serve --workers N` process tree: the primary and the workers it says are serving. */
export interface WorkerSite {
  readonly primary: ChildProcess;
  /** The one port the workers share, from the primary's "is serving" line. */
  readonly address: string;
  /** The workers serving now (a replaced one leaves, its replacement joins). */
  workers(): WorkerNode[];
  /** Waits until a worker other than those in `known` says it is serving. */
  newWorker(known: readonly WorkerNode[], withinMs?: number): Promise<WorkerNode>;
  /** Everything the primary and its workers logged so far. */
  log(): string;
  /** Sends SIGTERM unless the primary has exited, and waits for it. */
  stop(): Promise<Finished>;
  /** Waits for the primary to exit, sending nothing. */
  exited(): Promise<Finished>;
}

/** `broadsheet serve --workers N --port 0 …args`; resolves once the primary says every worker serves. */
export async function startWorkerSite(
  workers: number,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<WorkerSite> {
  const primary = broadsheet(['serve', '--workers', String(workers), '--port', '0', '--log-level', 'info', ...args], {
    env,
  });
  const exited = finish(primary);
  const serving = new Map<number, WorkerNode>();
  let text = '';
  let buffered = '';
  primary.stdout?.on('data', (chunk: Buffer) => {
    text += chunk;
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"worker is serving"')) continue;
      const entry = JSON.parse(line) as { worker: number; pid: number; workerAddress: string };
      serving.set(entry.worker, { id: entry.worker, pid: entry.pid, address: entry.workerAddress });
    }
  });
  primary.on('exit', () => serving.clear());
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /"address":"(http:\/\/[^"]+)","workers"/.exec(text);
      // Each worker writes its own line to the shared stdout; the primary's may come before the last of them.
      if (match?.[1] && serving.size >= workers) {
        clearInterval(timer);
        resolve(match[1]);
      }
    }, 50);
    void exited.then((result) => {
      clearInterval(timer);
      reject(new Error(`serve --workers exited early with ${result.code}: ${result.stderr}\n${text}`));
    });
  });
  const alive = (node: WorkerNode) => {
    try {
      process.kill(node.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    primary,
    address,
    workers: () => [...serving.values()].filter(alive),
    async newWorker(known, withinMs = 60_000) {
      const deadline = Date.now() + withinMs;
      for (;;) {
        const fresh = [...serving.values()].find((node) => !known.some((old) => old.id === node.id));
        if (fresh !== undefined) return fresh;
        if (Date.now() > deadline) throw new Error(`no new worker within ${withinMs} ms:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    log: () => text,
    exited: () => exited,
    async stop() {
      if (primary.exitCode === null && primary.signalCode === null) primary.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * A worker's /readyz status, asked until it says 200 or five seconds have passed: a worker is ready once
 * some worker holds the engine lease, which may follow its "serving" line by a check or two (or, after a
 * kill, the time another takes over).
 */
export async function readyStatus(address: string): Promise<number> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { status } = await fetch(`${address}/readyz`);
    if (status === 200 || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
