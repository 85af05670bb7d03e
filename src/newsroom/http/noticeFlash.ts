import type { Flash } from '../pages/AdminLayout.js';

/**
 * The message after a redirect, named by `?notice=` and picked from the
 * route's fixed list: the URL only chooses, it is never echoed.
 */
export function noticeFlash(notices: Readonly<Record<string, string>>, notice: string | undefined): Flash | undefined {
  if (notice === undefined || !Object.hasOwn(notices, notice)) return undefined;
  const message = notices[notice];
  return message === undefined ? undefined : { kind: 'notice', message };
}
