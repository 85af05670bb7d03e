// The load-generator side of the market-stream benchmarks (stream.mjs, scaleout.mjs): processes of
// raw SSE clients (sseClients.mjs), each from its own loopback source address, and a feed that pushes one
// trade at a time through the push API, timed on CLOCK_MONOTONIC like the clients' arrivals.
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startChild } from './children.mjs';
import { getRaw } from './loopback.mjs';

const SSE_CLIENTS = fileURLToPath(new URL('./sseClients.mjs', import.meta.url));
/** Clients per load-generator process (each has its own source address, so ports never run out). */
export const CLIENTS_PER_GENERATOR = 12_500;
const ADDRESSES_PER_GENERATOR = 8;

/** One generator process; `cpus` (a `taskset -c` list) pins it. Generator `index` connects from 127.(10 + index).0.1–8. */
export function startGenerator(index, cpus) {
  // BENCH_SSE_CLIENT_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`) profiles the generators themselves.
  const nodeArgs = (process.env.BENCH_SSE_CLIENT_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const [command, args] =
    cpus === undefined
      ? [process.execPath, [...nodeArgs, SSE_CLIENTS]]
      : ['taskset', ['-c', cpus, process.execPath, ...nodeArgs, SSE_CLIENTS]];
  const started = startChild(`sse clients ${index}`, command, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  // Several source addresses per generator: binding a socket to an address with a kernel-chosen port searches
  // that address's free ports, which grows slow as they fill (profiled: a third of a generator's busy time in
  // connect() at 12,500 sockets on one address), so no address holds more than ~1,600 here.
  started.localAddresses = Array.from({ length: ADDRESSES_PER_GENERATOR }, (_, k) => `127.${10 + index}.0.${1 + k}`);
  return started;
}

/**
 * Spreads `count` new connections over the generators and waits until each has its snapshot or failed.
 * `portOf(i)` is the port generator i connects to (one server, or one web node per generator); with `tls` the
 * clients speak HTTPS to it (nginx).
 */
export async function openClients(generators, count, portOf, path, { tls = false } = {}) {
  const share = Math.ceil(count / generators.length);
  const answers = await Promise.all(
    generators.map((generator, i) => {
      const mine = Math.max(0, Math.min(share, count - i * share));
      // Each connection settles (snapshot or failure) within 30 s; on a crowded machine a generator's share takes
      // minutes, so the wait grows with it rather than failing the run at a fixed 3 minutes.
      return ask(
        generator,
        { type: 'open', count: mine, port: portOf(i), localAddresses: generator.localAddresses, path, tls },
        'opened',
        180_000 + 40 * mine,
      );
    }),
  );
  return {
    clients: answers.reduce((sum, a) => sum + a.clients, 0),
    failed: answers.reduce((sum, a) => sum + a.failed, 0),
    firstError: answers.map((a) => a.firstError).find((e) => e) ?? null,
    /** TLS connections (over all generators, since they started) whose session the server resumed. */
    tlsResumed: answers.reduce((sum, a) => sum + (a.tlsResumed ?? 0), 0),
    /** The longest any generator's event loop was late while opening. */
    loopDelayMs: Math.max(...answers.map((a) => a.loopDelayMs ?? 0)),
  };
}

/**
 * Every generator's arrivals. With `versionsOf(i)` (the versions the pushes made on generator i's node), each
 * push is followed to each client (see sseClients.mjs `collect`): its latency is to the event that brought it,
 * on its own or merged, and `missing` counts pushes a client never received; `versionsByNode` (`host:port` →
 * versions) does the same for clients whose node nginx chose (sseClients.mjs reads it from the answer). Without it, arrivals are
 * attributed to the latest send before them (right only while every latency is under the gap between sends).
 */
export async function collectLatencies(generators, sendsMs, versionsOf, versionsByNode) {
  const answers = await Promise.all(
    generators.map((g, i) =>
      ask(g, { type: 'collect', sendsMs, versions: versionsOf?.(i), versionsByNode }, 'latencies'),
    ),
  );
  const perRound = sendsMs.map(() => ({ count: 0, merged: 0, first: Infinity, last: -Infinity }));
  for (const answer of answers) {
    answer.perRound.forEach((round, i) => {
      perRound[i].count += round.count;
      perRound[i].merged += round.merged ?? 0;
      perRound[i].first = Math.min(perRound[i].first, round.first ?? Infinity);
      perRound[i].last = Math.max(perRound[i].last, round.last ?? -Infinity);
    });
  }
  return {
    latenciesMs: answers.flatMap((a) => a.latenciesMs).sort((a, b) => a - b),
    perRound,
    missing: answers.reduce((sum, a) => sum + a.missing, 0),
    updateEvents: answers.reduce((sum, a) => sum + a.updateEvents, 0),
    /** The longest any generator's event loop was late while the pushes were measured. */
    loopDelayMs: Math.max(...answers.map((a) => a.loopDelayMs ?? 0)),
    closed: answers.reduce((sum, a) => sum + a.closed, 0),
  };
}

/**
 * How many clients, over all generators, have received an update at or past `versionOf(i)` on generator i, or,
 * with `versionByNode` (`host:port` → version), at or past their own node's.
 */
export async function clientsReached(generators, versionOf, versionByNode) {
  const answers = await Promise.all(
    generators.map((g, i) => ask(g, { type: 'progress', version: versionOf?.(i), versionByNode }, 'progress')),
  );
  return {
    reached: answers.reduce((sum, a) => sum + a.reached, 0),
    clients: answers.reduce((sum, a) => sum + a.clients, 0),
  };
}

export function ask(generator, message, answerType, timeoutMs = 180_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${generator.name}: no ${answerType} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (answer) => {
      if (answer.type !== answerType) return;
      clearTimeout(timer);
      generator.child.off('message', onMessage);
      resolve(answer);
    };
    generator.child.on('message', onMessage);
    generator.child.send(message);
  });
}

/** The p-th percentile of an ascending array (NaN when empty). */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * Posts one trade in `symbol` per call, alternating between two prices inside the band; resolves with the
 * send time (CLOCK_MONOTONIC ms) once the answer says it was accepted, rejects otherwise.
 */
export function createPusher(origin, token, ldcp, { symbol, feed = 'stream-bench', volume = 100 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL('/api/v1/market/trades', origin);
  let seq = 1;
  return {
    push() {
      const price = ldcp + (seq % 2 === 0 ? 1 : -1) * Math.max(1, Math.round(ldcp * 0.01));
      const body = JSON.stringify({
        feed,
        trades: [{ seq: seq++, symbol, price: rupees(price), volume, time: new Date().toISOString() }],
      });
      return new Promise((resolve, reject) => {
        const req = request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            const chunks = [];
            res.on('data', (chunk) => chunks.push(chunk));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              if (res.statusCode !== 200 || !text.includes('"accepted":1')) {
                reject(new Error(`push answered ${res.statusCode}: ${text.slice(0, 300)}`));
              } else resolve(sentAt);
            });
          },
        );
        req.on('error', reject);
        const sentAt = Number(process.hrtime.bigint()) / 1e6;
        req.end(body);
      });
    },
  };
}

export function rupeesToPaisa(text) {
  const [whole, fraction = '0'] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function rupees(paisa) {
  return `${Math.trunc(paisa / 100)}.${String(paisa % 100).padStart(2, '0')}`;
}

/**
 * The version at which `origin` first shows `symbol`'s volume at `volume` (after a push that brought it there):
 * polled from the quotes API, which gives the version of the snapshot it was built from — the id the node's
 * stream puts on the update that carries the push. A volume beyond it means something else traded.
 */
export async function versionShowing(origin, symbol, volume) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await getRaw(`${origin}/api/v1/market/quotes`);
    if (response.status !== 200) throw new Error(`${origin} quotes answered ${response.status}`);
    const payload = JSON.parse(response.body.toString('utf8'));
    const shown = Number(payload.quotes.find((q) => q.symbol === symbol)?.volume);
    if (shown === volume) return payload.version;
    if (shown > volume) throw new Error(`${origin}: ${symbol} volume ${shown} passed ${volume}: something else traded`);
    if (Date.now() > deadline) throw new Error(`${origin}: ${symbol} volume still ${shown}, not ${volume}, after 30 s`);
    await sleep(5);
  }
}
