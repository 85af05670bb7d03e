/**
 * A piece of background work: a timer, a bus subscription, worker processes,
 * a listening socket. Each part creates its own; only `App.start`/`App.stop`
 * (src/app.ts) start and stop them, in one documented order.
 */
export interface Service {
  /** Short and lower case, as logs and `App.services` show it: `scheduled publisher`. */
  readonly name: string;
  start(): void | Promise<void>;
  /** Ends everything `start` began; safe to call when never started and to call twice. */
  stop(): void | Promise<void>;
}

/**
 * Starts `services` one after another, each once the one before is up. When
 * one fails, those already started are stopped again, newest first, and the
 * failure is passed on.
 */
export async function startServices(services: readonly Service[]): Promise<void> {
  const started: Service[] = [];
  try {
    for (const service of services) {
      await service.start();
      started.push(service);
    }
  } catch (error) {
    await stopServices(started).catch(() => undefined);
    throw error;
  }
}

/** Stops `services` newest first; every one is asked even when an earlier stop fails. */
export async function stopServices(services: readonly Service[]): Promise<void> {
  const failures: unknown[] = [];
  for (const service of [...services].reverse()) {
    try {
      await service.stop();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, 'several services failed to stop');
}

/** `service` with a stop that does its work once, however often it is called (a database closes once). */
export function stoppingOnce(service: Service): Service {
  let stopping: Promise<void> | null = null;
  return {
    name: service.name,
    start: () => service.start(),
    stop: () => {
      stopping ??= Promise.resolve().then(() => service.stop());
      return stopping;
    },
  };
}
