/**
 * One thing wrong with one field of a form or request body; `field` names the
 * form field, '' the request as a whole. A form with a closed set of fields
 * names them (`FieldProblem<'name' | 'email' | 'body'>`).
 */
export interface FieldProblem<Field extends string = string> {
  readonly field: Field;
  readonly message: string;
}

/**
 * Why a change was refused, in the domain's words; the HTTP kit alone turns a
 * reason into a status (src/http/refusalStatus.ts).
 */
export type RefusalReason =
  /** The request cannot be read: a part missing, unknown or of the wrong kind. */
  | 'malformed'
  /** Nobody is signed in, or the token is unknown. */
  | 'unauthenticated'
  /** The caller may not do this. */
  | 'forbidden'
  /** The thing acted on does not exist. */
  | 'not-found'
  /** The thing is not in a state that allows this, or someone changed it first. */
  | 'conflict'
  /** The content breaks a rule; `problems` says which fields. */
  | 'invalid'
  /** The content is bigger than allowed. */
  | 'too-large'
  /** The content is of a kind that is not taken. */
  | 'unsupported'
  /** The part that would do this is not running on this server. */
  | 'unavailable';

/** A refusal: nothing was changed. */
export interface Refusal {
  readonly ok: false;
  readonly reason: RefusalReason;
  /** A sentence for people. */
  readonly message: string;
  /** Per-field problems when the refusal is about the content; none otherwise. */
  readonly problems: readonly FieldProblem[];
  /** On a stale save: the newest revision, saved since the one the change was based on. */
  readonly latestRevision?: number;
}

/** The answer of a use case or rule: done, with what it made, or refused with why. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | Refusal;

export function done<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function refusal(reason: RefusalReason, message: string, problems: readonly FieldProblem[] = []): Refusal {
  return { ok: false, reason, message, problems };
}

/** A refusal told by its problems alone: its message is theirs, one after another. */
export function refusalOfProblems(reason: RefusalReason, problems: readonly FieldProblem[]): Refusal {
  return refusal(reason, problems.map((problem) => problem.message).join(' ') || 'Nothing was changed.', problems);
}
