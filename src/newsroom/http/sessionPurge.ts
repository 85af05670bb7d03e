import type { Service } from '../../shared/service.js';
import type { AdminContext } from './adminContext.js';

const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/** Forgets expired sessions, old sign-in failures, stale sign-in devices and long-lapsed one-time links, once an hour. */
export function sessionPurge(ctx: AdminContext): Service {
  let timer: ReturnType<typeof setInterval> | null = null;
  const purge = () => {
    const at = ctx.now();
    Promise.all([
      ctx.accounts.purgeExpiredSessions({ now: at, policy: ctx.sessionPolicy }),
      ctx.accounts.pruneLoginFailures({ now: at, forgetAfterMs: ctx.loginThrottle.forgetAfterMs }),
      ctx.accounts.pruneLoginDevices(at),
      ctx.accounts.pruneAccountLinks(at),
    ]).catch((error: unknown) =>
      ctx.logger.warn({ err: error }, 'expired sessions, sign-in failures, devices or one-time links not purged'),
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
