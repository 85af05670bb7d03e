import http2 from 'node:http2';

/** A response read in full. */
export interface H2Response {
  readonly status: number;
  readonly headers: http2.IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTP/2 connection over TLS, as a browser opens to the site: every request multiplexed on it. */
export interface H2Session {
  request(
    path: string,
    options?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<H2Response>;
  /**
   * Opens an event stream and resolves with the headers and the text received
   * once `until` holds of it (or rejects after `timeoutMs`); the stream is then closed.
   */
  streamUntil(
    path: string,
    until: (text: string) => boolean,
    timeoutMs: number,
  ): Promise<{ readonly status: number; readonly headers: http2.IncomingHttpHeaders; readonly text: string }>;
  close(): Promise<void>;
}

/** Connects to `origin` trusting only `ca`, optionally from a given local address (a second loopback address). */
export async function connectH2(origin: string, options: { ca: string; localAddress?: string }): Promise<H2Session> {
  const session = http2.connect(origin, {
    ca: options.ca,
    ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
  });
  await new Promise<void>((resolve, reject) => {
    session.once('connect', () => resolve());
    session.once('error', reject);
  });
  session.on('error', () => undefined);

  return {
    request(path, { method = 'GET', headers = {}, body } = {}) {
      return new Promise((resolve, reject) => {
        const stream = session.request({ ':method': method, ':path': path, ...headers });
        let text = '';
        let responseHeaders: http2.IncomingHttpHeaders = {};
        stream.setEncoding('utf8');
        stream.on('response', (received) => {
          responseHeaders = received;
        });
        stream.on('data', (chunk: string) => {
          text += chunk;
        });
        stream.on('end', () =>
          resolve({ status: Number(responseHeaders[':status']), headers: responseHeaders, body: text }),
        );
        stream.on('error', reject);
        stream.end(body);
      });
    },
    streamUntil(path, until, timeoutMs) {
      return new Promise((resolve, reject) => {
        const stream = session.request({ ':path': path, accept: 'text/event-stream' });
        let text = '';
        let responseHeaders: http2.IncomingHttpHeaders = {};
        const timer = setTimeout(() => {
          stream.close(http2.constants.NGHTTP2_CANCEL);
          reject(
            new Error(`no matching event within ${timeoutMs} ms; received: ${JSON.stringify(text.slice(0, 500))}`),
          );
        }, timeoutMs);
        stream.setEncoding('utf8');
        stream.on('response', (received) => {
          responseHeaders = received;
        });
        stream.on('data', (chunk: string) => {
          text += chunk;
          if (!until(text)) return;
          clearTimeout(timer);
          stream.close(http2.constants.NGHTTP2_CANCEL);
          resolve({ status: Number(responseHeaders[':status']), headers: responseHeaders, text });
        });
        stream.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        stream.end();
      });
    },
    close: () => new Promise((resolve) => session.close(() => resolve())),
  };
}
