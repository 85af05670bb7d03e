import { createHash, hash as digest } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, gzip, gzipSync, constants as zlibConstants } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canJoinGzipPieces, type DeflatedRun, gzipOfPieces } from './gzipPieces.js';
import type { PiecedBody } from './piecedBody.js';
import { RunDeflater } from './runDeflater.js';

/** The content codings we serve; chosen per request from Accept-Encoding. */
export type Coding = 'br' | 'gzip' | 'identity';

type Headers = Readonly<Record<string, string>>;

/**
 * A response body rendered once, with the headers for each coding built ahead
 * of time, so serving it costs a header lookup and a write. Each compressed
 * coding is made the first time a client asks for it and kept: most pages of a
 * large archive are rendered for one request (a crawler, a shared link), and
 * compressing those in a coding nobody asked for doubled what they cost.
 */
export interface PreparedResponse {
  readonly etag: string;
  readonly headers: Readonly<Record<Coding, Headers>>;
  /** Headers for a 304: validators and caching, no body. */
  readonly notModifiedHeaders: Headers;
  /** Last-Modified in whole seconds since the epoch, when the representation has one (feeds, sitemaps). */
  readonly lastModifiedSeconds?: number;
  /**
   * The coding preferred when a client takes both: gzip for a lightly compressed body (gzip 1 is smaller than
   * brotli 1 for the same work, and a pieced body's gzip compresses only its own text), else br.
   */
  readonly preferred: 'br' | 'gzip';
  /** The body in `coding`: compressed on the first call for it, the same Buffer afterwards. */
  body(coding: Coding): Buffer;
  /** The compressed codings made so far: those some client has asked for. */
  compressedCodings(): readonly ('br' | 'gzip')[];
  /**
   * Compresses these codings now, on the thread pool, so no request waits on them: for a page that replaces
   * one already served in them.
   */
  precompress(codings: readonly ('br' | 'gzip')[]): Promise<void>;
}

/**
 * How hard to compress. Most pages of a large archive are rendered for one request (a crawler, a shared link),
 * where compression cost as much as drawing the page: `light` (gzip 1, brotli 1) costs about a third of gzip 6
 * and a sixth of brotli 6 for 8–25 % more bytes. `full` is for a page asked for again (re-rendered while cached),
 * compressed ahead on the thread pool.
 */
export type CompressionEffort = 'light' | 'full';

export interface PrepareOptions {
  readonly contentType: string;
  readonly cacheControl: string;
  /** When what the body shows last changed; sent as Last-Modified and honoured in If-Modified-Since. */
  readonly lastModified?: Date;
  /** `full` unless said. */
  readonly effort?: CompressionEffort;
}

// Brotli 11 is for build steps; a page kept in the cache is re-rendered about once a second, so a middle
// quality keeps that cheap while staying well ahead of gzip.
const LEVELS: Readonly<Record<CompressionEffort, { readonly gzip: number; readonly brotli: number }>> = {
  light: { gzip: 1, brotli: 1 },
  full: { gzip: 6, brotli: 6 },
};

function zlibOptions(coding: 'br' | 'gzip', effort: CompressionEffort, size: number) {
  if (coding === 'gzip') return { level: LEVELS[effort].gzip };
  return {
    params: {
      [zlibConstants.BROTLI_PARAM_QUALITY]: LEVELS[effort].brotli,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: size,
      // A 256 KB window covers any page we serve; the default 4 MB one per compression only grows memory.
      [zlibConstants.BROTLI_PARAM_LGWIN]: 18,
    },
  };
}

/**
 * Compresses on the caller's thread: for a page of tens of kilobytes that takes a fraction of a millisecond,
 * less than handing it to the thread pool and waiting for the answer under load.
 */
function compress(coding: 'br' | 'gzip', effort: CompressionEffort, identity: Buffer): Buffer {
  const options = zlibOptions(coding, effort, identity.length);
  return coding === 'gzip' ? gzipSync(identity, options) : brotliCompressSync(identity, options);
}

const gzipOnPool = promisify(gzip);
const brotliOnPool = promisify(brotliCompress);

function compressOnPool(coding: 'br' | 'gzip', effort: CompressionEffort, identity: Buffer): Promise<Buffer> {
  const options = zlibOptions(coding, effort, identity.length);
  return coding === 'gzip' ? gzipOnPool(identity, options) : brotliOnPool(identity, options);
}

/** Compresses the own text of pieced bodies, at `light` effort: one engine for the process, reset per body. */
const ownRuns = new RunDeflater(LEVELS.light.gzip);

/** A body's bytes and validator, and its gzip when joined from compressed pieces. */
interface BodyBytes {
  readonly identity: () => Buffer;
  readonly hash: string;
  /** Set for a pieced body: its gzip at `light` effort, joined from its parts' runs. */
  readonly joinedGzip?: () => Buffer;
}

function bytesOf(body: string | Buffer | PiecedBody): BodyBytes {
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const identity = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return { identity: () => identity, hash: digest('sha1', identity, 'base64url').slice(0, 22) };
  }
  // Only the body's own text is encoded and hashed here; a shared part stands in the hash by its id.
  const validator = createHash('sha1');
  const parts = body.parts.map((part) => {
    if (typeof part !== 'string') {
      validator.update(part.id);
      return part;
    }
    const bytes = Buffer.from(part, 'utf8');
    validator.update(bytes);
    return bytes;
  });
  let identity: Buffer | undefined;
  return {
    identity: () => {
      identity ??= Buffer.concat(parts.map((part) => (Buffer.isBuffer(part) ? part : part.bytes)));
      return identity;
    },
    // A marker byte between parts keeps two different splits of the same text apart.
    hash: `${validator.digest('base64url').slice(0, 21)}p`,
    joinedGzip: () => {
      const own = ownRuns.runs(parts.flatMap((part) => (Buffer.isBuffer(part) ? [part] : [])));
      let next = 0;
      return gzipOfPieces(
        parts.map((part): DeflatedRun => (Buffer.isBuffer(part) ? (own[next++] as DeflatedRun) : part.run())),
      );
    },
  };
}

// Async for its callers' sake (it once compressed on the thread pool); nothing in it waits now.
export async function prepareResponse(
  body: string | Buffer | PiecedBody,
  options: PrepareOptions,
): Promise<PreparedResponse> {
  const effort = options.effort ?? 'full';
  const { identity, hash, joinedGzip } = bytesOf(body);
  // One validator for the representation; coding variants get a suffix as RFC 9110 §8.8.3 asks, and a lightly
  // compressed variant another, since its bytes differ from the fully compressed one's.
  const etag = `"${hash}"`;
  const variant = effort === 'light' ? '-1' : '';
  const lastModified =
    options.lastModified === undefined ? {} : { 'last-modified': options.lastModified.toUTCString() };
  const common = {
    'content-type': options.contentType,
    'cache-control': options.cacheControl,
    vary: 'Accept-Encoding',
    ...lastModified,
  };
  const joined = effort === 'light' && canJoinGzipPieces ? joinedGzip : undefined;
  let gzipped: Buffer | undefined;
  let brotli: Buffer | undefined;
  return {
    etag,
    headers: {
      br: { ...common, etag: `"${hash}${variant}-br"`, 'content-encoding': 'br' },
      gzip: { ...common, etag: `"${hash}${variant}-gz"`, 'content-encoding': 'gzip' },
      identity: { ...common, etag },
    },
    notModifiedHeaders: { 'cache-control': options.cacheControl, vary: 'Accept-Encoding', etag, ...lastModified },
    ...(options.lastModified === undefined
      ? {}
      : { lastModifiedSeconds: Math.floor(options.lastModified.getTime() / 1000) }),
    preferred: effort === 'light' ? 'gzip' : 'br',
    body(coding) {
      switch (coding) {
        case 'identity':
          return identity();
        case 'gzip':
          gzipped ??= joined !== undefined ? joined() : compress('gzip', effort, identity());
          return gzipped;
        case 'br':
          brotli ??= compress('br', effort, identity());
          return brotli;
      }
    },
    compressedCodings() {
      return [...(brotli === undefined ? [] : ['br' as const]), ...(gzipped === undefined ? [] : ['gzip' as const])];
    },
    async precompress(codings) {
      await Promise.all(
        codings.map(async (coding) => {
          const made = await compressOnPool(coding, effort, identity());
          if (coding === 'gzip') gzipped ??= made;
          else brotli ??= made;
        }),
      );
    },
  };
}

/**
 * Whether a conditional GET may be answered 304 (RFC 9110 §13.2.2): If-None-Match
 * decides when present; otherwise If-Modified-Since, for representations with a
 * Last-Modified.
 */
export function isNotModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  prepared: PreparedResponse,
): boolean {
  if (ifNoneMatch !== undefined) return matchesEtag(ifNoneMatch, prepared.etag);
  if (ifModifiedSince === undefined || prepared.lastModifiedSeconds === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && prepared.lastModifiedSeconds <= Math.floor(since / 1000);
}

/** Sends a prepared response: 304 when the client holds it, else the best coding it accepts. */
export function sendPrepared(
  request: FastifyRequest,
  reply: FastifyReply,
  prepared: PreparedResponse,
  statusCode = 200,
): FastifyReply {
  const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = request.headers;
  if (statusCode === 200 && isNotModified(ifNoneMatch, ifModifiedSince, prepared)) {
    return reply.code(304).headers(prepared.notModifiedHeaders).send();
  }
  const coding = chooseCoding(request.headers['accept-encoding'], prepared.preferred);
  return reply.code(statusCode).headers(prepared.headers[coding]).send(prepared.body(coding));
}

const CODING_VARIANTS = ['-br', '-gz', '-1-br', '-1-gz'];

/** True when If-None-Match names this representation in any of its codings, or is `*`. */
export function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  // etag is `"hash"`; variants are `"hash-br"`, `"hash-gz"`, `"hash-1-br"`, `"hash-1-gz"`, possibly weak (W/).
  const hash = etag.slice(1, -1);
  for (const candidate of ifNoneMatch.split(',')) {
    const tag = candidate.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    if (tag === hash || CODING_VARIANTS.some((variant) => tag === `${hash}${variant}`)) return true;
  }
  return false;
}

/**
 * Picks the `preferred` coding when the client takes it, then the other of br and gzip, then identity. The common
 * header (`gzip, deflate, br`) takes the fast path; only a header with q-values is parsed properly.
 */
export function chooseCoding(acceptEncoding: string | undefined, preferred: 'br' | 'gzip' = 'br'): Coding {
  if (acceptEncoding === undefined || acceptEncoding === '') return 'identity';
  const other = preferred === 'br' ? 'gzip' : 'br';
  if (!acceptEncoding.includes(';')) {
    if (acceptEncoding.includes(preferred)) return preferred;
    if (acceptEncoding.includes(other)) return other;
    return 'identity';
  }
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim().toLowerCase(), q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const weight = (coding: string): number => accepted.get(coding) ?? accepted.get('*') ?? 0;
  if (weight(preferred) > 0) return preferred;
  if (weight(other) > 0) return other;
  return 'identity';
}
