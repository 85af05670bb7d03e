import http from 'node:http';

/** One event of a text/event-stream, as EventSource would dispatch it (WHATWG HTML §9.2.6). */
export interface StreamEvent {
  readonly event: string;
  readonly id: string | null;
  readonly data: string;
}

/** The market stream's `data`: the quotes and indices APIs' entries. */
export interface StreamBody {
  readonly version: number;
  readonly asOf: string;
  readonly quotes: readonly { readonly symbol: string; readonly last: string; readonly ticker: string }[];
  readonly indices: readonly { readonly code: string; readonly value: string; readonly ticker: string }[];
}

/** An open event stream read frame by frame; `next` waits for the following event. */
export interface OpenStream {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** The raw text of a non-200 answer (an API error). */
  readonly errorBody: string;
  /** The `retry:` hint, once seen. */
  retry(): number | null;
  /** Comment lines seen so far (heartbeats). */
  comments(): readonly string[];
  next(timeoutMs?: number): Promise<StreamEvent>;
  /** Resolves when the server has ended the response or cut the connection. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens `path` on `baseUrl` on its own connection (no pooling, so closing one stream never touches another). */
export function openStream(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}${path}`, {
      agent: false,
      headers: { accept: 'text/event-stream', ...headers },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      if (response.statusCode !== 200) {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve(closedStream(response, body)));
        return;
      }
      resolve(readStream(request, response));
    });
  });
}

function closedStream(response: http.IncomingMessage, body: string): OpenStream {
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    errorBody: body,
    retry: () => null,
    comments: () => [],
    next: () => Promise.reject(new Error(`no stream: status ${response.statusCode}`)),
    ended: Promise.resolve(),
    close: () => undefined,
  };
}

function readStream(request: http.ClientRequest, response: http.IncomingMessage): OpenStream {
  const events: StreamEvent[] = [];
  const waiters: ((event: StreamEvent) => void)[] = [];
  const comments: string[] = [];
  let retry: number | null = null;
  let buffer = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      let event = 'message';
      let id: string | null = null;
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) comments.push(line.slice(1).trim());
        else if (line.startsWith('retry: ')) retry = Number(line.slice(7));
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('id: ')) id = line.slice(4);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length === 0) continue;
      const parsed: StreamEvent = { event, id, data: data.join('\n') };
      const waiter = waiters.shift();
      if (waiter) waiter(parsed);
      else events.push(parsed);
    }
  });
  const ended = new Promise<void>((resolve) => {
    response.on('close', resolve);
    response.on('error', () => resolve());
  });
  response.on('error', () => undefined);
  request.on('error', () => undefined);
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    errorBody: '',
    retry: () => retry,
    comments: () => comments,
    next(timeoutMs = 3000) {
      const queued = events.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = (event: StreamEvent) => {
          clearTimeout(timer);
          resolve(event);
        };
        waiters.push(waiter);
      });
    },
    ended,
    close: () => request.destroy(),
  };
}

/** The event's JSON body. */
export function body(event: StreamEvent): StreamBody {
  return JSON.parse(event.data) as StreamBody;
}
