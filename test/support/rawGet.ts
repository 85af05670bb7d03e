import { request } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly text: string;
}

/** A GET with headers fetch() will not send (Host), optionally from another loopback address. */
export function rawGet(
  baseUrl: string,
  path: string,
  options: { readonly headers?: Record<string, string>; readonly from?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = request(
      new URL(path, baseUrl),
      { headers: options.headers ?? {}, ...(options.from !== undefined ? { localAddress: options.from } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text: body.toString('utf8') });
        });
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}
