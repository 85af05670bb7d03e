/**
 * The wire reader's own thread (see parseInThread.ts): reads one agency file
 * a message and answers with what parseWireFile made of it. It says `ready`
 * once loaded, so the site can tell a thread that cannot start from a file
 * that breaks one.
 */
import { parentPort } from 'node:worker_threads';
import { parseWireFile } from './parseWireFile.js';
import type { WireParseResult } from './wireItem.js';

export interface WireThreadRequest {
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly name: string;
}

export type WireThreadAnswer =
  | { readonly kind: 'ready' }
  | { readonly kind: 'parsed'; readonly id: number; readonly result: WireParseResult };

const port = parentPort;
if (port !== null) {
  port.on('message', (request: WireThreadRequest) => {
    let result: WireParseResult;
    try {
      result = parseWireFile(request.bytes, request.name);
    } catch (error) {
      result = {
        ok: false,
        reason: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    port.postMessage({ kind: 'parsed', id: request.id, result } satisfies WireThreadAnswer);
  });
  port.postMessage({ kind: 'ready' } satisfies WireThreadAnswer);
}
