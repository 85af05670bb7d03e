import type { FieldProblem } from '../shared/outcome.js';

/** Longest comment body, counted in Unicode code points (reference page: "1000 characters"). */
export const COMMENT_MAX_CHARS = 1000;
/** Longest commenter name, in code points. */
export const NAME_MAX_CHARS = 80;
/** RFC 5321 §4.5.3.1.3 limits a forward path to 256 octets, i.e. 254 for the address itself. */
export const EMAIL_MAX_CHARS = 254;
/** RFC 5321 §4.5.3.1.1: local part at most 64 octets. */
const EMAIL_LOCAL_MAX_CHARS = 64;

export type CommentField = 'name' | 'email' | 'body';

/** The three fields a reader types, cleaned and checked. */
export interface CommentInput {
  readonly name: string;
  readonly email: string;
  readonly body: string;
}

export type CommentValidation =
  | { readonly ok: true; readonly value: CommentInput }
  | { readonly ok: false; readonly errors: readonly FieldProblem<CommentField>[] };

/**
 * Checks what a reader submitted with a comment. Comments are plain text, so
 * the only cleaning is of characters a reader cannot see: control characters
 * other than newline and tab are REMOVED, not rejected, because they arrive
 * by copy and paste far more often than by intent, and refusing a comment for
 * an invisible character would only puzzle its writer. Line breaks are
 * normalised to "\n" so a CRLF counts as one character.
 */
export function validateComment(input: {
  readonly name: unknown;
  readonly email: unknown;
  readonly body: unknown;
}): CommentValidation {
  const errors: FieldProblem<CommentField>[] = [];
  const name = checkName(input.name, errors);
  const email = checkEmail(input.email, errors);
  const body = checkBody(input.body, errors);
  if (errors.length > 0 || name === null || email === null || body === null) {
    return { ok: false, errors };
  }
  return { ok: true, value: { name, email, body } };
}

function checkName(raw: unknown, errors: FieldProblem<CommentField>[]): string | null {
  // A name is one line: any run of whitespace, line breaks included, becomes one space.
  const name = typeof raw === 'string' ? removeControls(raw).replace(/\s+/g, ' ').trim() : '';
  if (name === '') {
    errors.push({ field: 'name', message: 'Please enter your name.' });
    return null;
  }
  const length = codePointLength(name);
  if (length > NAME_MAX_CHARS) {
    errors.push({
      field: 'name',
      message: `Name must be at most ${NAME_MAX_CHARS} characters (you wrote ${length}).`,
    });
    return null;
  }
  return name;
}

function checkEmail(raw: unknown, errors: FieldProblem<CommentField>[]): string | null {
  const email = typeof raw === 'string' ? raw.trim() : '';
  if (email === '') {
    errors.push({ field: 'email', message: 'Please enter your e-mail address.' });
    return null;
  }
  const problem = emailProblem(email);
  if (problem !== null) {
    errors.push({ field: 'email', message: problem });
    return null;
  }
  return email;
}

/** The body as it is stored: line breaks as "\n", unseen control characters removed, trimmed. */
export function cleanCommentBody(raw: string): string {
  return removeControls(raw.replace(/\r\n?/g, '\n')).trim();
}

/**
 * How many characters a body counts against COMMENT_MAX_CHARS: code points of
 * the cleaned body. The form's live counter runs this same function, so the
 * reader is never told "fits" for a comment the server then refuses, or the
 * reverse (a browser's own `maxlength` counts UTF-16 units: an emoji twice).
 */
export function commentBodyLength(raw: string): number {
  return codePointLength(cleanCommentBody(raw));
}

function checkBody(raw: unknown, errors: FieldProblem<CommentField>[]): string | null {
  const body = typeof raw === 'string' ? cleanCommentBody(raw) : '';
  if (body === '') {
    errors.push({ field: 'body', message: 'Please write a comment.' });
    return null;
  }
  const length = codePointLength(body);
  if (length > COMMENT_MAX_CHARS) {
    errors.push({
      field: 'body',
      message: `Comment must be at most ${COMMENT_MAX_CHARS} characters (you wrote ${length}).`,
    });
    return null;
  }
  return body;
}

/**
 * A pragmatic check, not RFC 5322: one "@", no whitespace or controls, a
 * local part, and a domain of dot-separated labels. Whether the address
 * really receives mail only a confirmation message could tell.
 */
function emailProblem(email: string): string | null {
  if (email.length > EMAIL_MAX_CHARS) {
    return `E-mail address must be at most ${EMAIL_MAX_CHARS} characters.`;
  }
  if (/[\s\p{Cc}]/u.test(email)) return 'E-mail address must not contain spaces.';
  const parts = email.split('@');
  if (parts.length !== 2) return 'E-mail address must contain exactly one "@".';
  const [local = '', domain = ''] = parts;
  if (local === '' || local.length > EMAIL_LOCAL_MAX_CHARS) {
    return 'E-mail address needs a name before the "@".';
  }
  if (!/^[^.]+(\.[^.]+)+$/.test(domain) || /[^\p{L}\p{N}.-]/u.test(domain)) {
    return 'E-mail address needs a domain such as example.com after the "@".';
  }
  return null;
}

// Control characters (C0, DEL and C1: Unicode category Cc) except tab and newline.
const UNWANTED_CONTROLS = /[^\P{Cc}\n\t]/gu;

function removeControls(text: string): string {
  return text.replace(UNWANTED_CONTROLS, '');
}

/** Length as a reader counts it: an emoji or an Urdu letter is one character. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
