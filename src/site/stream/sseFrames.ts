// Frames of the text/event-stream format (WHATWG HTML §9.2.5). Every frame is
// built once as a Buffer and written to as many clients as share it.

/** The headers of every stream response, whichever path answers it. */
export const STREAM_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  // Proxies such as nginx would otherwise hold events back to fill a buffer.
  'x-accel-buffering': 'no',
};

/** The two kinds of event the market stream sends. */
export type StreamEventType = 'snapshot' | 'update';

/** `retry:` tells EventSource how long to wait before reconnecting after the stream ends. */
export function retryFrame(ms: number): Buffer {
  return Buffer.from(`retry: ${Math.round(ms)}\n\n`);
}

/** A comment line keeps proxies and load balancers from closing a quiet connection; EventSource ignores it. */
export const HEARTBEAT_FRAME: Buffer = Buffer.from(': heartbeat\n\n');

/** `data` must be one line of JSON (JSON.stringify never emits a raw newline), so one `data:` field carries it. */
export function eventFrame(type: StreamEventType, id: number, data: string): Buffer {
  return Buffer.from(`event: ${type}\nid: ${id}\ndata: ${data}\n\n`);
}

/**
 * The version a reconnecting client last saw, from its Last-Event-ID header.
 * Anything but a plain non-negative integer is treated as absent: the client
 * then gets a full snapshot, never an error.
 */
export function parseLastEventId(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,16}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return Number.isSafeInteger(id) ? id : null;
}
