// Many market-stream clients in one process, for stream.mjs; run as a child with an IPC channel.
// Raw `net` sockets: one GET, then the bytes are only searched for event markers, never parsed.
// Messages in:  { type: 'open', count, port, localAddress, path }  → { type: 'opened', clients, failed, firstError }
//               { type: 'mark' }   start keeping the arrival time of every `update` event
//               { type: 'collect', sendsMs } → { type: 'latencies', latenciesMs, perRoundFirstLast, clients, closed }
// Times are CLOCK_MONOTONIC milliseconds (process.hrtime), the same clock in every process on the machine.
import { connect } from 'node:net';

const UPDATE = Buffer.from('event: update\n');
const SNAPSHOT = Buffer.from('event: snapshot\n');
const CONNECTING_AT_ONCE = 200;
const SNAPSHOT_TIMEOUT_MS = 30_000;

const sockets = new Set();
let arrivals = [];
let collecting = false;
let closedByServer = 0;

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// Every socket reads into this one buffer (net's `onread`): no Buffer and no 'data' event per read, so the
// generator spends little of the machine's CPU on its side of each delivery. A read's bytes are searched
// before the next read reuses the buffer.
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/** Opens one stream; resolves true once its snapshot arrived, false on any failure. */
function openOne(port, localAddress, path) {
  return new Promise((resolve) => {
    let settled = false;
    let headersDone = false;
    let snapshot = false;
    const finish = (ok, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ok, error });
    };
    const onRead = (length, buffer) => {
      const at = nowMs();
      const chunk = buffer.subarray(0, length);
      if (!headersDone) {
        if (!chunk.subarray(0, 12).toString('latin1').startsWith('HTTP/1.1 200')) {
          finish(false, chunk.subarray(0, 80).toString('latin1'));
          socket.destroy();
          return;
        }
        headersDone = true;
      }
      if (!snapshot && chunk.indexOf(SNAPSHOT) !== -1) {
        snapshot = true;
        sockets.add(socket);
        finish(true);
      }
      if (!collecting) return;
      for (let from = chunk.indexOf(UPDATE); from !== -1; from = chunk.indexOf(UPDATE, from + UPDATE.length)) {
        arrivals.push(at);
      }
    };
    const socket = connect({
      host: '127.0.0.1',
      port,
      localAddress,
      onread: { buffer: READ_BUFFER, callback: onRead },
    });
    const timer = setTimeout(() => {
      finish(false, 'no snapshot within 30 s');
      socket.destroy();
    }, SNAPSHOT_TIMEOUT_MS);
    socket.setNoDelay(true);
    socket.on('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`);
    });
    socket.on('error', (error) => finish(false, error.message));
    socket.on('close', () => {
      if (sockets.delete(socket)) closedByServer += 1;
      finish(false, 'closed');
    });
  });
}

async function open({ count, port, localAddress, path }) {
  let failed = 0;
  let firstError = null;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const result = await openOne(port, localAddress, path);
      if (!result.ok) {
        failed += 1;
        firstError ??= result.error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECTING_AT_ONCE, count) }, worker));
  process.send?.({ type: 'opened', clients: sockets.size, failed, firstError });
}

/**
 * Each arrival is attributed to the latest send before it (sends are ~1 s apart, so
 * any latency under that is unambiguous); also the first and last arrival per send.
 */
function collect({ sendsMs }) {
  collecting = false;
  const latenciesMs = [];
  const perRound = sendsMs.map(() => ({ count: 0, first: Infinity, last: -Infinity }));
  for (const at of arrivals) {
    let lo = 0;
    let hi = sendsMs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sendsMs[mid] <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) continue;
    const latency = at - sendsMs[found];
    latenciesMs.push(Math.round(latency * 100) / 100);
    const round = perRound[found];
    round.count += 1;
    round.first = Math.min(round.first, latency);
    round.last = Math.max(round.last, latency);
  }
  arrivals = [];
  process.send?.({ type: 'latencies', latenciesMs, perRound, clients: sockets.size, closed: closedByServer });
}

process.on('message', (message) => {
  switch (message.type) {
    case 'open':
      open(message);
      break;
    case 'mark':
      arrivals = [];
      collecting = true;
      break;
    case 'collect':
      collect(message);
      break;
    case 'close':
      for (const socket of sockets) socket.destroy();
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
