// A stream worker: a child process of `broadsheet serve --stream-workers N`
// that holds a share of the market-stream sockets, so the fan-out of each
// change uses more than one core and more than one process's open files.
import type { Socket } from 'node:net';
import { createInProcessBus } from '../../bus/inProcessBus.js';
import type { MarketSnapshot } from '../../market/book/marketSnapshot.js';
import { MarketStreamHub } from './marketStreamHub.js';
import { parseStreamFilter } from './streamFilter.js';
import { streamResponseHead } from './streamHead.js';
import type { FromStreamWorker, ToStreamWorker } from './streamWorkerMessages.js';

// Counters go to the serving process at most this often (and once a client joins or leaves).
const STATS_EVERY_MS = 250;

let snapshot: MarketSnapshot | null = null;
let hub: MarketStreamHub | null = null;
let fixedHead = '';
let statsTimer: ReturnType<typeof setTimeout> | null = null;
const bus = createInProcessBus();

function send(message: FromStreamWorker): void {
  process.send?.(message);
}

function reportSoon(): void {
  if (statsTimer !== null || hub === null) return;
  statsTimer = setTimeout(() => {
    statsTimer = null;
    if (hub !== null) send({ type: 'stats', stats: hub.stats() });
  }, STATS_EVERY_MS);
}

process.on('message', (message: ToStreamWorker, handle: unknown) => {
  switch (message.type) {
    case 'start': {
      snapshot = message.snapshot;
      fixedHead = message.fixedHead;
      hub = new MarketStreamHub({
        market: { snapshot: () => snapshot as MarketSnapshot },
        bus,
        limits: message.limits,
      });
      hub.start();
      // A slow fallback report, so the serving process's stats stay current while nothing happens.
      setInterval(reportSoon, 1000).unref();
      send({ type: 'ready' });
      break;
    }
    case 'snapshot':
      snapshot = message.snapshot;
      bus.publish('market.changed', { version: message.snapshot.version });
      reportSoon();
      break;
    case 'client': {
      const socket = handle as Socket | undefined;
      if (socket === undefined || hub === null || snapshot === null) {
        socket?.destroy();
        break;
      }
      const parsed = parseStreamFilter(message.query, snapshot);
      if (!parsed.ok) {
        // The serving process checked the names against the same market; a listing gone meanwhile ends the stream.
        socket.destroy();
        break;
      }
      socket.write(streamResponseHead(fixedHead, Date.now()));
      hub.connect(socket, parsed.filter, message.lastEventId);
      socket.once('close', reportSoon);
      reportSoon();
      break;
    }
    case 'ping':
      send({ type: 'pong' });
      break;
    case 'close':
      hub?.close();
      process.exit(0);
  }
});

// The serving process went away: nothing is left to stream.
process.on('disconnect', () => {
  hub?.close();
  process.exit(0);
});
