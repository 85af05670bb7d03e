// The load-generator side of the market-stream benchmarks (stream.mjs, scaleout.mjs): processes of
// raw SSE clients (sseClients.mjs), each from its own loopback source address, and a feed that pushes one
// trade at a time through the push API, timed on CLOCK_MONOTONIC like the clients' arrivals.
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startChild } from './children.mjs';

const SSE_CLIENTS = fileURLToPath(new URL('./sseClients.mjs', import.meta.url));
/** Clients per load-generator process (each has its own source address, so ports never run out). */
export const CLIENTS_PER_GENERATOR = 12_500;

/** One generator process; `cpus` (a `taskset -c` list) pins it. Generator `index` connects from 127.0.0.(2 + index). */
export function startGenerator(index, cpus) {
  const [command, args] =
    cpus === undefined ? [process.execPath, [SSE_CLIENTS]] : ['taskset', ['-c', cpus, process.execPath, SSE_CLIENTS]];
  const started = startChild(`sse clients ${index}`, command, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  started.localAddress = `127.0.0.${2 + index}`;
  return started;
}

/**
 * Spreads `count` new connections over the generators and waits until each has its snapshot or failed.
 * `portOf(i)` is the port generator i connects to (one server, or one web node per generator).
 */
export async function openClients(generators, count, portOf, path) {
  const share = Math.ceil(count / generators.length);
  const answers = await Promise.all(
    generators.map((generator, i) => {
      const mine = Math.max(0, Math.min(share, count - i * share));
      return ask(
        generator,
        { type: 'open', count: mine, port: portOf(i), localAddress: generator.localAddress, path },
        'opened',
      );
    }),
  );
  return {
    clients: answers.reduce((sum, a) => sum + a.clients, 0),
    failed: answers.reduce((sum, a) => sum + a.failed, 0),
    firstError: answers.map((a) => a.firstError).find((e) => e) ?? null,
  };
}

/** Every generator's arrivals, each attributed to the push before it; per push the count and first/last arrival. */
export async function collectLatencies(generators, sendsMs) {
  const answers = await Promise.all(generators.map((g) => ask(g, { type: 'collect', sendsMs }, 'latencies')));
  const perRound = sendsMs.map(() => ({ count: 0, first: Infinity, last: -Infinity }));
  for (const answer of answers) {
    answer.perRound.forEach((round, i) => {
      perRound[i].count += round.count;
      perRound[i].first = Math.min(perRound[i].first, round.first ?? Infinity);
      perRound[i].last = Math.max(perRound[i].last, round.last ?? -Infinity);
    });
  }
  return {
    latenciesMs: answers.flatMap((a) => a.latenciesMs).sort((a, b) => a - b),
    perRound,
    closed: answers.reduce((sum, a) => sum + a.closed, 0),
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
