// A load generator for the push API, run as its own process by durability.mjs:
//   node pushLoad.mjs '{"origin":…,"token":…,"feed":…,"connections":4,"batch":1000,"startAt":…,"warmupMs":…,"durationMs":…,"ldcps":{…}}'
// Each connection POSTs batches of `batch` new trades (fresh seqs, prices inside the band) one after
// the other; only answers that arrive inside the measured window count. Prints one JSON line at the end.
import { Agent, request } from 'node:http';

const config = JSON.parse(process.argv[2] ?? '{}');
const { origin, token, feed, connections, batch, startAt, warmupMs, durationMs, ldcps } = config;
const target = new URL('/api/v1/market/trades', origin);
if (target.hostname !== '127.0.0.1') throw new Error(`refusing a non-loopback origin: ${origin}`);

const symbols = Object.keys(ldcps);
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const measureFrom = startAt + warmupMs;
const stopAt = measureFrom + durationMs;
let seq = 1;
let state = 12345;
const random = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 4294967296;
};

const totals = { requests: 0, accepted: 0, duplicates: 0, rejected: 0, errors: 0, acceptedAll: 0, latenciesMs: [] };
let firstRejection = null;

/** One request body: `batch` trades, each within ±5 % of its LDCP (the band is ±10 %), stamped now. */
function body() {
  const time = new Date().toISOString();
  const trades = new Array(batch);
  for (let i = 0; i < batch; i++) {
    const symbol = symbols[Math.floor(random() * symbols.length)];
    const ldcp = ldcps[symbol];
    const price = Math.max(1, ldcp + Math.round((random() - 0.5) * 0.1 * ldcp));
    trades[i] = { seq: seq++, symbol, price: rupees(price), volume: 100 * (1 + Math.floor(random() * 50)), time };
  }
  return JSON.stringify({ feed, trades });
}

function rupees(paisa) {
  return `${Math.trunc(paisa / 100)}.${String(paisa % 100).padStart(2, '0')}`;
}

function post(payload) {
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', () => resolve({ status: 0, text: '' }));
      },
    );
    req.on('error', (error) => resolve({ status: 0, text: error.message }));
    req.end(payload);
  });
}

async function connection() {
  while (Date.now() < stopAt) {
    const payload = body();
    const sent = performance.now();
    const answer = await post(payload);
    const at = Date.now();
    const inWindow = at >= measureFrom && at <= stopAt;
    if (answer.status !== 200) {
      if (inWindow) totals.errors += 1;
      firstRejection ??= `status ${answer.status}: ${answer.text.slice(0, 300)}`;
      continue;
    }
    const result = JSON.parse(answer.text);
    totals.acceptedAll += result.accepted;
    if (result.rejected > 0) {
      firstRejection ??= JSON.stringify(result.results.find((r) => r.status === 'rejected'));
    }
    if (!inWindow) continue;
    totals.requests += 1;
    totals.accepted += result.accepted;
    totals.duplicates += result.duplicates;
    totals.rejected += result.rejected;
    totals.latenciesMs.push(performance.now() - sent);
  }
}

await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
await Promise.all(Array.from({ length: connections }, connection));
agent.destroy();
process.stdout.write(`${JSON.stringify({ ...totals, firstRejection })}\n`);
