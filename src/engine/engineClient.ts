import type { WireMarketEvent } from '../bus/marketReplication.js';
import type { MarketEventKind, MarketEventOutcome } from '../market/book/marketEvent.js';
import type { MarketState } from '../market/book/marketState.js';
import { MarketEngineUnavailableError } from './engineUnavailable.js';
import { MarketEventError } from './marketRecorder.js';
import { outcomesOfJson } from './marketWire.js';

/** Where the engine answers and the secret it expects, as its lease says. */
export interface EngineAddress {
  readonly epoch: number;
  readonly engineUrl: string;
  readonly secret: string;
}

/** The engine's answer to a forwarded batch: the outcomes, and the replication sequence they are part of. */
export interface ForwardedRecord {
  readonly epoch: number;
  readonly seq: number;
  readonly outcomes: MarketEventOutcome[];
}

/** The engine's live market and the sequence it is true at. */
export interface EngineSnapshot {
  readonly epoch: number;
  readonly seq: number;
  readonly state: MarketState;
}

export const ENGINE_RECORD_PATH = '/internal/engine/record';
export const ENGINE_SNAPSHOT_PATH = '/internal/engine/snapshot';

// A closing file's day is the largest batch; the engine's log write is what takes the time.
const RECORD_TIMEOUT_MS = 30_000;
const SNAPSHOT_TIMEOUT_MS = 10_000;

/** Sends a batch to the engine (docs/adr/0006). Rejects as the local recorder would, or with MarketEngineUnavailableError. */
export async function forwardRecord(
  engine: EngineAddress,
  events: readonly WireMarketEvent[],
  now: Date | undefined,
): Promise<ForwardedRecord> {
  let response: Response;
  try {
    response = await fetch(new URL(ENGINE_RECORD_PATH, engine.engineUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${engine.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ epoch: engine.epoch, now: now?.getTime() ?? null, events }),
      signal: AbortSignal.timeout(RECORD_TIMEOUT_MS),
    });
  } catch (error) {
    // The request may have reached the engine and been committed before the connection broke.
    throw new MarketEngineUnavailableError('The market engine did not answer.', 2, true, { cause: error });
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.status === 200 && body !== null && Array.isArray(body.outcomes)) {
    return {
      epoch: Number(body.epoch),
      seq: Number(body.seq),
      outcomes: outcomesOfJson(body.outcomes as MarketEventOutcome[]),
    };
  }
  if (response.status === 422 && typeof body?.kind === 'string') {
    throw new MarketEventError(body.kind as MarketEventKind, { cause: new Error(String(body.message)) });
  }
  if (response.status === 503 && body?.reason === 'log') {
    // The engine's own log write failed: nothing was taken, as on a single node.
    throw new Error(`the market engine could not write its log: ${String(body.message)}`);
  }
  throw new MarketEngineUnavailableError(
    `The market engine at ${engine.engineUrl} refused the batch (${response.status}): ${String(body?.message ?? '')}`,
    1,
  );
}

/** The engine's market as it is now. */
export async function fetchSnapshot(engine: EngineAddress): Promise<EngineSnapshot> {
  const response = await fetch(new URL(ENGINE_SNAPSHOT_PATH, engine.engineUrl), {
    headers: { authorization: `Bearer ${engine.secret}` },
    signal: AbortSignal.timeout(SNAPSHOT_TIMEOUT_MS),
  });
  if (response.status !== 200) throw new Error(`the market engine answered ${response.status} for its snapshot`);
  const body = (await response.json()) as EngineSnapshot;
  if (!Number.isSafeInteger(body.epoch) || !Number.isSafeInteger(body.seq) || typeof body.state !== 'object') {
    throw new Error('the market engine sent a snapshot without epoch, seq or state');
  }
  return body;
}
