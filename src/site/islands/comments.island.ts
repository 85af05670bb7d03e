// The comment form, enhanced: a live counter that counts as the server counts,
// and answers given in place, beside the form, with focus moved to what needs
// attention and nothing the reader typed lost. Without this script the form
// posts to the article's address and the server answers the same way in a page.
import { COMMENT_PENDING_NOTICE, rateLimitRefusal } from '../../news/commentMessages.js';
import { COMMENT_MAX_CHARS, type CommentField, commentBodyLength, validateComment } from '../../news/commentRules.js';
import type { FieldProblem } from '../../shared/outcome.js';
import { commentCount } from '../components/commentCounter.js';

const FIELDS: readonly CommentField[] = ['name', 'email', 'body'];
// A screen reader hears the count once typing pauses, not on every key.
const ANNOUNCE_AFTER_MS = 1000;
const REFUSAL_ID = 'comment-form-refusal';

type Answer =
  | { readonly kind: 'accepted' }
  | { readonly kind: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly kind: 'refused'; readonly message: string }
  /** Anything else (the network, a server error): the form is posted the plain way instead. */
  | { readonly kind: 'unknown' };

function fieldOf(form: HTMLFormElement, field: CommentField): HTMLInputElement | HTMLTextAreaElement | null {
  return form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${field}"]`);
}

function addCounter(textarea: HTMLTextAreaElement, max: number): void {
  const shown = document.createElement('p');
  shown.className = 'form-hint comment-counter';
  shown.setAttribute('aria-hidden', 'true');
  shown.dataset.commentCounter = '';
  const spoken = document.createElement('p');
  spoken.className = 'visually-hidden';
  spoken.setAttribute('aria-live', 'polite');
  textarea.insertAdjacentElement('afterend', shown);
  shown.insertAdjacentElement('afterend', spoken);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = (): void => {
    const count = commentCount(commentBodyLength(textarea.value), max);
    shown.textContent = count.text;
    shown.classList.toggle('comment-counter--over', count.over);
    clearTimeout(timer);
    timer = setTimeout(() => {
      spoken.textContent = count.text;
    }, ANNOUNCE_AFTER_MS);
  };
  textarea.addEventListener('input', update);
  shown.textContent = commentCount(commentBodyLength(textarea.value), max).text;
  if (commentBodyLength(textarea.value) > max) shown.classList.add('comment-counter--over');
}

/** Removes what the last answer said: error lines, the summary, the marks on fields. */
function clearAnswer(form: HTMLFormElement): void {
  for (const old of form.querySelectorAll('.form-error, [data-comment-notice]')) old.remove();
  for (const field of FIELDS) {
    const element = fieldOf(form, field);
    if (element === null) continue;
    element.removeAttribute('aria-invalid');
    element.removeAttribute('autofocus');
    const kept = (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter((id) => id !== '' && id !== REFUSAL_ID && !id.endsWith('-error'));
    if (kept.length > 0) element.setAttribute('aria-describedby', kept.join(' '));
    else element.removeAttribute('aria-describedby');
  }
}

function describeWith(element: HTMLElement, id: string): void {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  element.setAttribute('aria-describedby', [...ids, id].join(' '));
}

function summary(form: HTMLFormElement, text: string, id?: string): void {
  const line = document.createElement('p');
  line.className = 'form-error';
  line.setAttribute('role', 'alert');
  if (id !== undefined) line.id = id;
  line.textContent = text;
  form.querySelector('h3')?.insertAdjacentElement('afterend', line);
}

function showProblems(form: HTMLFormElement, problems: readonly FieldProblem[]): void {
  const count = problems.length;
  summary(form, `Please correct the ${count === 1 ? 'error' : 'errors'} below; what you wrote is kept.`);
  let first: HTMLElement | null = null;
  for (const field of FIELDS) {
    const problem = problems.find((candidate) => candidate.field === field);
    const element = fieldOf(form, field);
    if (problem === undefined || element === null) continue;
    const line = document.createElement('p');
    line.className = 'form-error';
    line.id = `comment-${field}-error`;
    line.textContent = problem.message;
    const wrapper = element.closest('.form-field');
    wrapper?.append(line);
    element.setAttribute('aria-invalid', 'true');
    describeWith(element, line.id);
    first ??= element;
  }
  (first ?? fieldOf(form, 'body'))?.focus();
}

function showRefusal(form: HTMLFormElement, message: string): void {
  summary(form, message, REFUSAL_ID);
  const body = fieldOf(form, 'body');
  if (body !== null) {
    describeWith(body, REFUSAL_ID);
    body.focus();
  }
}

function showAccepted(form: HTMLFormElement): void {
  const body = fieldOf(form, 'body');
  if (body instanceof HTMLTextAreaElement) {
    body.value = '';
    body.defaultValue = '';
    body.dispatchEvent(new Event('input'));
  }
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  notice.tabIndex = -1;
  notice.dataset.commentNotice = '';
  notice.textContent = COMMENT_PENDING_NOTICE;
  form.prepend(notice);
  notice.focus();
}

async function send(api: string, values: Record<CommentField, string>): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(values),
    });
  } catch {
    return { kind: 'unknown' };
  }
  if (response.status === 201) return { kind: 'accepted' };
  const body = (await response.json().catch(() => null)) as {
    message?: unknown;
    details?: { field?: unknown; message?: unknown }[];
  } | null;
  if (response.status === 429) {
    return { kind: 'refused', message: rateLimitRefusal(Number(response.headers.get('retry-after') ?? '60') || 60) };
  }
  if (response.status === 422 && Array.isArray(body?.details)) {
    const problems = body.details.flatMap((detail) =>
      typeof detail.field === 'string' && typeof detail.message === 'string'
        ? [{ field: detail.field, message: detail.message }]
        : [],
    );
    return { kind: 'invalid', problems };
  }
  if (response.status === 403 && typeof body?.message === 'string') return { kind: 'refused', message: body.message };
  return { kind: 'unknown' };
}

function enhance(form: HTMLFormElement): void {
  const api = form.dataset.commentApi;
  const textarea = fieldOf(form, 'body');
  if (api === undefined || !(textarea instanceof HTMLTextAreaElement)) return;
  const max = Number(textarea.dataset.maxChars) || COMMENT_MAX_CHARS;
  addCounter(textarea, max);
  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    const values = {
      name: fieldOf(form, 'name')?.value ?? '',
      email: fieldOf(form, 'email')?.value ?? '',
      body: textarea.value,
    };
    clearAnswer(form);
    // The same rules as the server's, so a mistake is shown at once and spends none of the rate limit.
    const checked = validateComment(values);
    if (!checked.ok) {
      showProblems(form, checked.errors);
      return;
    }
    sending = true;
    form.setAttribute('aria-busy', 'true');
    void send(api, values).then((answer) => {
      sending = false;
      form.removeAttribute('aria-busy');
      switch (answer.kind) {
        case 'accepted':
          return showAccepted(form);
        case 'invalid':
          return showProblems(form, answer.problems);
        case 'refused':
          return showRefusal(form, answer.message);
        case 'unknown':
          // HTMLFormElement.submit() skips this listener: the server answers in a page instead.
          return form.submit();
      }
    });
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-comment-api]')) enhance(form);
