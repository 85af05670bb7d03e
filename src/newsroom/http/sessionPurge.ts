import type { Service } from '../../shared/service.js';
import type { AdminContext } from './adminContext.js';

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Forgets expired sessions, old sign-in failures and stale sign-in devices, once an hour. */
export function sessionPurge(ctx: AdminContext): Service {
  let timer: ReturnType<typeof setInterval> | null = null;
  const purge = () => {
    const at = ctx.now();
    Promise.all([
      ctx.accounts.purgeExpiredSessions({ now: at, policy: ctx.sessionPolicy }),
      ctx.accounts.pruneLoginFailures({ now: at, forgetAfterMs: ctx.loginThrottle.forgetAfterMs }),
      ctx.accounts.pruneLoginDevices(at),
    ]).catch((error: unknown) =>
      ctx.logger.warn({ err: error }, 'expired sessions, sign-in failures or devices not purged'),
    );
  };
  return {
    name: 'session purge',
    start() {
      if (timer !== null) return;
      timer = setInterval(purge, PURGE_INTERVAL_MS);
      timer.unref();
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
