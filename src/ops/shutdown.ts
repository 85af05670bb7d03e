/** What a shutdown drives: the app, seen from outside. */
export interface Drainable {
  /** Readiness answers no from now on; everything keeps serving. */
  beginDrain(): void;
  /** Stops taking connections, lets the requests under way finish, ends streams, flushes the recorder, closes the rest. */
  stop(): Promise<void>;
}

export interface ShutdownOptions {
  /** After SIGTERM, how long to go on taking connections while readiness says no, so a balancer notices. */
  readonly drainWindowMs: number;
  /** The whole shutdown's bound; past it the process ends with 1 anyway. */
  readonly timeoutMs: number;
  readonly logger: {
    info(details: object, message: string): void;
    error(details: object, message: string): void;
  };
  readonly exit?: (code: number) => void;
}

/**
 * SIGTERM (a supervisor, a rolling deploy): readiness turns to 503 at once;
 * for the drain window the listener still takes connections and serves them,
 * since a balancer needs a probe or two to notice; then the app stops, in
 * flight requests finishing and streams ended, and the process exits 0.
 * SIGINT (Ctrl-C) does the same without the window. A second signal, or
 * the timeout, ends the process with 1 at once.
 *
 * Returns the same shutdown for a request that is not a signal (a worker of
 * `--workers N` told by its primary). The primary's request and a signal to
 * the whole process group (Ctrl-C in a terminal, systemd's default
 * `KillMode`) are one request, arriving in either order: after a request the
 * first signal is taken as part of it, and only a signal beyond that ends
 * the process at once.
 */
export function stopOnSignals(app: Drainable, options: ShutdownOptions): { stop(signal: NodeJS.Signals): void } {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;
  let requested = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown && requested) {
      requested = false;
      return;
    }
    if (shuttingDown) {
      options.logger.error({ signal }, 'second signal during shutdown: exiting now');
      exit(1);
      return;
    }
    shuttingDown = true;
    const windowMs = signal === 'SIGTERM' ? options.drainWindowMs : 0;
    options.logger.info({ signal, drainWindowMs: windowMs, timeoutMs: options.timeoutMs }, 'shutting down: draining');
    app.beginDrain();
    const deadline = setTimeout(() => {
      options.logger.error({ timeoutMs: options.timeoutMs }, 'shutdown took too long: exiting now');
      exit(1);
    }, options.timeoutMs);
    new Promise((resolve) => setTimeout(resolve, windowMs))
      .then(() => {
        options.logger.info({}, 'drain window over: closing the listener and finishing requests under way');
        return app.stop();
      })
      .then(
        () => {
          clearTimeout(deadline);
          options.logger.info({}, 'stopped cleanly');
          exit(0);
        },
        (error: unknown) => {
          clearTimeout(deadline);
          options.logger.error({ err: error }, 'shutdown failed');
          exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    stop: (signal) => {
      if (shuttingDown) return;
      onSignal(signal);
      requested = true;
    },
  };
}
