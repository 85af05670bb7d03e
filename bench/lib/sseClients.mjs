// Many market-stream clients in one process, for stream.mjs and scaleout.mjs; run as a child with an IPC channel.
// Raw `net` sockets (or TLS ones, to nginx): one GET, then the bytes are only searched for event markers and the
// `id:` after each `event: update`, never parsed as JSON (a chunked body, as nginx sends it, is unframed first).
// Messages in:  { type: 'open', count, port, localAddresses, path, tls? } → { type: 'opened', clients, failed, firstError }
//               { type: 'mark' }   start keeping the arrival time and id of every `update` event
//               { type: 'progress', version } → { type: 'progress', reached, clients }: clients whose latest
//                  update id is at least `version`
//               { type: 'collect', sendsMs, versions?, versionsByNode? } → { type: 'latencies', … } (see `collect`)
// Times are CLOCK_MONOTONIC milliseconds (process.hrtime), the same clock in every process on the machine.
import { connect } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { connect as tlsConnect } from 'node:tls';
import { chunkedBodyDecoder } from './chunkedBody.mjs';

const UPDATE = Buffer.from('event: update\nid: ');
const SNAPSHOT = Buffer.from('event: snapshot\n');
const EVENT_END = Buffer.from('\n\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const CONNECTING_AT_ONCE = 200;
const SNAPSHOT_TIMEOUT_MS = 30_000;
/** Longer than any `event: update\nid: <16 digits>\n`: a shorter unfinished tail may hold a cut marker. */
const CARRY_MAX = 64;

const sockets = new Set();
/** Per client (by the index it was opened with): the highest update id it has received, -1 before any. */
const latestId = [];
// Arrivals of update events while collecting, as three parallel arrays: client, id, time.
let arrivalClient = [];
let arrivalId = [];
let arrivalAt = [];
let collecting = false;
let closedByServer = 0;
/** Per client: the web node (`host:port`) that serves its stream, whose versions its update ids are. */
const clientNode = [];
/** The TLS session of the latest connection (`tls` opens), which the next ones offer for resumption. */
let tlsSession = null;
/** TLS connections whose session the server resumed (no certificate signature): a check that resumption works. */
let tlsResumed = 0;

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
// How late this process's own event loop ran: a late loop writes requests late and stamps arrivals late, so
// the benchmark reports it beside what it blames on the server.
const loopDelay = monitorEventLoopDelay({ resolution: 20 });
loopDelay.enable();
/** The longest event-loop delay since the last call, in ms. */
function takeLoopDelayMs() {
  const max = loopDelay.max / 1e6;
  loopDelay.reset();
  return Math.round(max);
}

// Every socket reads into this one buffer (net's `onread`): no Buffer and no 'data' event per read, so the
// generator spends little of the machine's CPU on its side of each delivery. A read's bytes are searched
// before the next read reuses the buffer.
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/** The decimal digits at `from` up to a newline, or -1 when the line is not complete in `bytes`. */
function idAt(bytes, from) {
  let value = 0;
  for (let i = from; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 10) return i > from ? value : -1;
    if (c < 48 || c > 57) return -1;
    value = value * 10 + (c - 48);
  }
  return -1;
}

/** Opens one stream; resolves true once its snapshot arrived, false on any failure. */
function openOne(port, localAddress, path, secure) {
  const client = latestId.length;
  latestId.push(-1);
  // Direct, the client's node is the one it connected to; through nginx, the node nginx names in the head.
  clientNode.push(`127.0.0.1:${port}`);
  return new Promise((resolve) => {
    let settled = false;
    let headersDone = false;
    let snapshot = false;
    // The unfinished end of the previous read when it was short enough to hold a marker cut in two.
    let carry = null;
    const finish = (ok, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ok, error });
    };
    // Until the head's blank line: what was read of the head. Through nginx the body comes chunked.
    let head = Buffer.alloc(0);
    let dechunk = null;
    const onChunk = (bytes) => {
      const at = nowMs();
      let chunk = bytes;
      if (!headersDone) {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf(HEAD_END);
        if (end === -1 && head.length < 16 * 1024) return;
        const text = head.subarray(0, end === -1 ? 80 : end).toString('latin1');
        if (end === -1 || !text.startsWith('HTTP/1.1 200')) {
          finish(false, text.slice(0, 80));
          socket.destroy();
          return;
        }
        headersDone = true;
        const upstream = /^x-bench-upstream:\s*(\S+)\s*$/im.exec(text);
        if (upstream) clientNode[client] = upstream[1];
        if (/^transfer-encoding:\s*chunked\s*$/im.test(text)) dechunk = chunkedBodyDecoder();
        chunk = head.subarray(end + HEAD_END.length);
        head = null;
      }
      if (dechunk !== null) chunk = dechunk(chunk);
      if (carry !== null) {
        chunk = Buffer.concat([carry, chunk]);
        carry = null;
      }
      if (!snapshot && chunk.indexOf(SNAPSHOT) !== -1) {
        snapshot = true;
        sockets.add(socket);
        finish(true);
      }
      // Events end with a blank line; what follows the last one is the start of the next. When that start is
      // short it may be a marker cut by the read, so it is kept and searched with the next read instead.
      const lastEnd = chunk.lastIndexOf(EVENT_END);
      const tailFrom = lastEnd === -1 ? 0 : lastEnd + EVENT_END.length;
      const complete = chunk.length - tailFrom <= CARRY_MAX ? tailFrom : chunk.length;
      if (complete < chunk.length) carry = Buffer.from(chunk.subarray(complete));
      for (let from = chunk.indexOf(UPDATE); from !== -1 && from < complete; from = chunk.indexOf(UPDATE, from + 1)) {
        const id = idAt(chunk, from + UPDATE.length);
        if (id < 0) continue;
        if (id > latestId[client]) latestId[client] = id;
        if (collecting) {
          arrivalClient.push(client);
          arrivalId.push(id);
          arrivalAt.push(at);
        }
      }
    };
    const socket = secure
      ? tlsConnect({
          host: '127.0.0.1',
          port,
          localAddress,
          servername: 'localhost',
          // nginx's certificate is the benchmark's own self-signed one, on loopback.
          rejectUnauthorized: false,
          ALPNProtocols: ['http/1.1'],
          ...(tlsSession === null ? {} : { session: tlsSession }),
        })
      : connect({
          host: '127.0.0.1',
          port,
          localAddress,
          onread: { buffer: READ_BUFFER, callback: (length, buffer) => onChunk(buffer.subarray(0, length)) },
        });
    if (secure) {
      socket.on('data', onChunk);
      // Later connections offer this session for resumption, as a returning browser does.
      socket.on('session', (session) => {
        tlsSession = session;
      });
    }
    const timer = setTimeout(() => {
      finish(false, 'no snapshot within 30 s');
      socket.destroy();
    }, SNAPSHOT_TIMEOUT_MS);
    socket.setNoDelay(true);
    socket.on(secure ? 'secureConnect' : 'connect', () => {
      if (secure && socket.isSessionReused()) tlsResumed += 1;
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`);
    });
    socket.on('error', (error) => finish(false, error.message));
    socket.on('close', () => {
      if (sockets.delete(socket)) closedByServer += 1;
      latestId[client] = Number.NaN;
      finish(false, 'closed');
    });
  });
}

async function open({ count, port, localAddresses, path, tls = false }) {
  let failed = 0;
  let firstError = null;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      // Round robin over the source addresses (see sseFleet.mjs startGenerator).
      const result = await openOne(port, localAddresses[latestId.length % localAddresses.length], path, tls);
      if (!result.ok) {
        failed += 1;
        firstError ??= result.error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECTING_AT_ONCE, count) }, worker));
  process.send?.({
    type: 'opened',
    clients: sockets.size,
    failed,
    firstError,
    tlsResumed,
    loopDelayMs: takeLoopDelayMs(),
  });
}

/** How many open clients have received an update with an id of at least `version` (their node's, by node). */
function progress({ version, versionByNode }) {
  let reached = 0;
  for (let client = 0; client < latestId.length; client++) {
    if (latestId[client] >= (versionByNode?.[clientNode[client]] ?? version)) reached += 1;
  }
  process.send?.({ type: 'progress', reached, clients: sockets.size });
}

/**
 * With `versions` (the market version each push made, as this generator's node numbers it), or
 * `versionsByNode` (the same for each web node by `host:port`, each client judged by its own node's): for every open
 * client and every push, the first update whose id is at least that push's version — the event that brought
 * the push to the client, on its own or merged with later ones by the server's conflation. Its latency is
 * from the push's send; a push that never arrived is `missing`. Without `versions` (older callers): each
 * arrival is attributed to the latest send before it, which is only right while every latency is under the
 * gap between sends.
 */
function collect({ sendsMs, versions: common, versionsByNode }) {
  collecting = false;
  const latenciesMs = [];
  const perRound = sendsMs.map(() => ({ count: 0, merged: 0, first: Infinity, last: -Infinity }));
  let missing = 0;
  const take = (round, latency, merged) => {
    latenciesMs.push(Math.round(latency * 100) / 100);
    const r = perRound[round];
    r.count += 1;
    if (merged) r.merged += 1;
    r.first = Math.min(r.first, latency);
    r.last = Math.max(r.last, latency);
  };
  const versionsOf = (client) => versionsByNode?.[clientNode[client]] ?? common;
  if (common || versionsByNode) {
    // Arrivals in time order; per client, the push it waits for next.
    const waiting = new Map();
    for (let i = 0; i < arrivalClient.length; i++) {
      const client = arrivalClient[i];
      const versions = versionsOf(client);
      let round = waiting.get(client) ?? 0;
      const id = arrivalId[i];
      while (round < versions.length && versions[round] <= id) {
        // Merged: this event also carries a later push, so that push had no event of its own.
        take(round, arrivalAt[i] - sendsMs[round], round + 1 < versions.length && versions[round + 1] <= id);
        round += 1;
      }
      waiting.set(client, round);
    }
    for (let client = 0; client < latestId.length; client++) {
      if (Number.isNaN(latestId[client])) continue;
      missing += versionsOf(client).length - (waiting.get(client) ?? 0);
    }
  } else {
    for (let i = 0; i < arrivalAt.length; i++) {
      const at = arrivalAt[i];
      let found = -1;
      for (let lo = 0, hi = sendsMs.length - 1; lo <= hi; ) {
        const mid = (lo + hi) >> 1;
        if (sendsMs[mid] <= at) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found !== -1) take(found, at - sendsMs[found], false);
    }
  }
  const updateEvents = arrivalAt.length;
  arrivalClient = [];
  arrivalId = [];
  arrivalAt = [];
  process.send?.({
    type: 'latencies',
    latenciesMs,
    perRound,
    missing,
    updateEvents,
    loopDelayMs: takeLoopDelayMs(),
    clients: sockets.size,
    closed: closedByServer,
  });
}

process.on('message', (message) => {
  switch (message.type) {
    case 'open':
      open(message);
      break;
    case 'mark':
      takeLoopDelayMs();
      arrivalClient = [];
      arrivalId = [];
      arrivalAt = [];
      collecting = true;
      break;
    case 'progress':
      progress(message);
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
// Stopped with a signal by the benchmark: exit the ordinary way, so a --cpu-prof profile is written.
process.on('SIGTERM', () => process.exit(0));
