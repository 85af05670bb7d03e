import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashPassword, MAX_PASSWORD_LENGTH, verifyPassword } from '../../desk/accounts/passwordHash.js';
import type { TypeBoxApp } from '../../http/typeboxApp.js';
import { isAddressKey, type ThrottleSubject, throttleKeys, waitBeforeTry } from '../../news/loginThrottle.js';
import { normaliseEmail } from '../../store/accounts/accounts.js';
import { DEVICE_LIFETIME_MS, type LoginDevice } from '../../store/accounts/loginDevices.js';
import type { LoginTryHold } from '../../store/accounts/loginFailures.js';
import { LoginPage } from '../pages/LoginPage.js';
import type { AdminContext } from './adminContext.js';
import { clearSessionCookie, DEVICE_COOKIE, setDeviceCookie, setSessionCookie } from './adminCookies.js';
import { sendAdminPage } from './adminPages.js';
import { csrfTokenFor, rotateCsrfSecret } from './csrf.js';
import { actorOf, requireSignedIn } from './guard.js';
import { noticeFlash } from './noticeFlash.js';
import { safeNext } from './safeNext.js';

const LoginForm = Type.Object({
  email: Type.String({ maxLength: 320 }),
  password: Type.String({ maxLength: MAX_PASSWORD_LENGTH }),
  next: Type.Optional(Type.String({ maxLength: 2000 })),
  _csrf: Type.Optional(Type.String({ maxLength: 200 })),
});

const GENERIC_FAILURE = 'That e-mail address and password do not match an active account.';

const SESSION_ENDED = {
  kind: 'error',
  message:
    'You were signed out before that was sent, so it was not saved. Sign in again to go back to it: the story editor brings back the text it kept in this browser.',
} as const;

// After a one-time link was used (../accounts/linkRoutes.tsx); picked by name, never echoed.
const DONE = {
  'password-reset': 'Your new password is set, and every session of your account has been signed out. Sign in with it.',
  'invitation-accepted': 'Your account is ready. Sign in with your address and the password you chose.',
} as const satisfies Record<string, string>;

/** Sign in, sign out, and sign out everywhere. */
export function registerLoginRoutes(app: TypeBoxApp, ctx: AdminContext): void {
  // Checked against when the address is unknown, so a wrong address takes as long as a wrong password.
  const dummyHash = hashPassword('not anybody’s password');

  app.get(
    '/admin/login',
    {
      schema: {
        querystring: Type.Object({
          next: Type.Optional(Type.String({ maxLength: 2000 })),
          ended: Type.Optional(Type.String({ maxLength: 10 })),
          done: Type.Optional(Type.String({ maxLength: 40 })),
        }),
      },
    },
    async (request, reply) => {
      const next = safeNext(request.query.next);
      if (request.adminAuth?.actor != null) return reply.redirect(next ?? '/admin', 303);
      // Set by the guard when a form was sent after the session ended (./guard.ts).
      const flash = request.query.ended === '1' ? SESSION_ENDED : noticeFlash(DONE, request.query.done);
      return sendAdminPage(
        reply,
        <LoginPage csrfToken={csrfTokenFor(reply)} next={next} {...(flash !== undefined ? { flash } : {})} />,
      );
    },
  );

  app.post(
    '/admin/login',
    // The form posts before there is a session, so the scope's session-only CSRF check does not cover it.
    { schema: { body: LoginForm }, preValidation: app.csrfProtection },
    async (request, reply) => {
      const { email, password } = request.body;
      const next = safeNext(request.body.next);
      const emailKey = normaliseEmail(email);
      const account = await ctx.accounts.findByEmail(emailKey);
      const device = await knownDevice(ctx, request, account?.id);
      const subject: ThrottleSubject =
        device === null
          ? { kind: 'stranger', email: emailKey, address: request.ip }
          : { kind: 'device', deviceId: device.id };
      const keys = throttleKeys(subject);
      const throttled = (seconds: number) => {
        request.log.warn({ ip: request.ip, waitSeconds: seconds }, 'newsroom sign-in throttled');
        reply.header('retry-after', String(seconds));
        return loginPage(
          reply,
          429,
          next,
          email,
          `Too many failed sign-ins. Wait ${waitPhrase(seconds)} and try again.`,
        );
      };
      // One try at a time per account, address or device, so the count read below already holds every
      // failure before this one: guesses sent at once are checked as if sent one after another.
      const hold = await holdTry(ctx, keys);
      if (hold === null) return throttled(1);
      try {
        const failures = await ctx.accounts.readLoginFailures(keys);
        const waitMs = waitBeforeTry(failures, { now: ctx.now().getTime(), policy: ctx.loginThrottle });
        if (waitMs > 0) return throttled(Math.max(1, Math.ceil(waitMs / 1000)));

        const matches = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
        const reason =
          account === null ? 'unknown-email' : !matches ? 'wrong-password' : account.disabledAt ? 'disabled' : null;
        if (reason !== null) {
          await ctx.accounts.recordLoginFailure({
            keys,
            now: ctx.now(),
            forgetAfterMs: ctx.loginThrottle.forgetAfterMs,
          });
          await ctx.audit.record({
            at: ctx.now(),
            actor: { kind: 'anonymous', name: emailKey.slice(0, 320) },
            action: 'user.login-failed',
            ...(account !== null ? { subject: { type: 'user', id: account.id } } : {}),
            details: { reason, ip: request.ip },
          });
          return loginPage(reply, 401, next, email, GENERIC_FAILURE);
        }
        if (account === null) throw new Error('unreachable: a match without an account');

        // A stranger's failures stay on the address until they fade: clearing them would let one good
        // account reset the count of a guesser. The account's (or the device's) own count starts again.
        await ctx.accounts.clearLoginFailures(keys.filter((key) => !isAddressKey(key)));
        const secure = request.adminAuth?.secure ?? false;
        if (device === null) {
          const issued = await ctx.accounts.issueLoginDevice({ userId: account.id, now: ctx.now() });
          setDeviceCookie(reply, issued.token, { secure, maxAgeMs: DEVICE_LIFETIME_MS });
        } else {
          await ctx.accounts.touchLoginDevice({ id: device.id, now: ctx.now() });
          // Sent again so the browser's half-year runs from this sign-in too.
          setDeviceCookie(reply, request.cookies[DEVICE_COOKIE] ?? '', { secure, maxAgeMs: DEVICE_LIFETIME_MS });
        }
        // A new token at every sign-in: a session id planted before it (fixation) is never promoted.
        const previous = request.adminAuth?.via === 'session' ? request.adminAuth.sessionToken : undefined;
        if (previous !== undefined) await ctx.accounts.endSession(previous);
        const session = await ctx.accounts.createSession({
          userId: account.id,
          now: ctx.now(),
          userAgent: request.headers['user-agent'],
          address: request.ip,
        });
        setSessionCookie(reply, session.token, secure);
        rotateCsrfSecret(reply, secure);
        await ctx.audit.record({
          at: ctx.now(),
          actor: { kind: 'user', userId: account.id, email: account.email, name: account.name, role: account.role },
          action: 'user.login',
          subject: { type: 'user', id: account.id },
          details: { ip: request.ip },
        });
        return reply.header('cache-control', 'no-store').redirect(next ?? '/admin', 303);
      } finally {
        await ctx.accounts.releaseLoginTry(hold);
      }
    },
  );

  app.post('/admin/logout', { onRequest: requireSignedIn() }, async (request, reply) => {
    const auth = request.adminAuth;
    if (auth?.via === 'session') await ctx.accounts.endSession(auth.sessionToken);
    await ctx.audit.record({ at: ctx.now(), actor: actorOf(request), action: 'user.logout' });
    return signedOut(request, reply);
  });

  app.post('/admin/logout-everywhere', { onRequest: requireSignedIn() }, async (request, reply) => {
    const actor = actorOf(request);
    if (actor.kind !== 'user') return reply.code(400).send();
    const ended = await ctx.accounts.endAllSessions({ userId: actor.userId, now: ctx.now() });
    await ctx.audit.record({
      at: ctx.now(),
      actor,
      action: 'user.logout-everywhere',
      subject: { type: 'user', id: actor.userId },
      details: { sessionsEnded: ended },
    });
    return signedOut(request, reply);
  });
}

function signedOut(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const secure = request.adminAuth?.secure ?? false;
  clearSessionCookie(reply, secure);
  rotateCsrfSecret(reply, secure);
  return reply.header('cache-control', 'no-store').redirect('/admin/login', 303);
}

/** The browser's device cookie when it belongs to the account being signed in to; otherwise null. */
async function knownDevice(
  ctx: AdminContext,
  request: FastifyRequest,
  accountId: number | undefined,
): Promise<LoginDevice | null> {
  const token = request.cookies[DEVICE_COOKIE];
  if (token === undefined || token === '' || accountId === undefined) return null;
  const device = await ctx.accounts.findLoginDevice({ token, now: ctx.now() });
  return device !== null && device.userId === accountId ? device : null;
}

// A password check takes a tenth of a second; a try waits this long for one under way on its keys (colleagues
// behind one office address signing in at once) before it is told to wait. A hold outlives a died process this long.
const TRY_QUEUE_MS = 2000;
const TRY_POLL_MS = 50;
const TRY_HOLD_MS = 10_000;

async function holdTry(ctx: AdminContext, keys: readonly string[]): Promise<LoginTryHold | null> {
  for (let waited = 0; ; waited += TRY_POLL_MS) {
    const hold = await ctx.accounts.holdLoginTry({ keys, now: ctx.now(), holdMs: TRY_HOLD_MS });
    if (hold !== null || waited >= TRY_QUEUE_MS) return hold;
    await new Promise((resolve) => setTimeout(resolve, TRY_POLL_MS));
  }
}

function waitPhrase(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? 'a second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

function loginPage(reply: FastifyReply, status: number, next: string | null, email: string, message: string) {
  return sendAdminPage(
    reply,
    <LoginPage csrfToken={csrfTokenFor(reply)} next={next} email={email} flash={{ kind: 'error', message }} />,
    status,
  );
}
