import type { Socket } from 'node:net';

/**
 * The connections that carry a market stream. A stream's response never
 * ends, so nothing may follow it on the same connection: a request pipelined
 * after it would either be written into the middle of the event stream or
 * queue forever behind it (and with it, Node's per-connection bookkeeping).
 * The server asks here before routing and closes such a connection instead.
 */
export class StreamConnections {
  private readonly sockets = new WeakSet<Socket>();

  claim(socket: Socket): void {
    this.sockets.add(socket);
  }

  has(socket: Socket): boolean {
    return this.sockets.has(socket);
  }
}
