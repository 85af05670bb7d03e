import { COPY_FIELDS, type EditorCopy } from '../../news/editorCopy.js';
import { editingSentence } from '../articles/presence.js';

/**
 * Never lose copy: the form as typed goes to this browser's storage at once
 * (it survives a lost connection, an ended session and a closed tab) and to
 * the server's per-person autosave every few seconds; leaving with unsaved
 * changes asks first; presence tells others who has the story open.
 */

const AUTOSAVE_MS = 4000;
const LOCAL_MS = 500;
const STORAGE_PREFIX = 'broadsheet:story-copy:';

export interface KeptCopy {
  readonly copy: EditorCopy;
  readonly savedAt: string;
  readonly where: 'browser' | 'server';
}

export interface KeeperOptions {
  readonly form: HTMLFormElement;
  /** The article's id, or 'new' before its first save (kept in the browser only). */
  readonly article: string;
  /** The body blocks as the editor holds them now. */
  readonly body: () => EditorCopy['body'];
  readonly status: HTMLElement;
}

export function createKeeper(options: KeeperOptions) {
  const { form, article, status } = options;
  const key = `${STORAGE_PREFIX}${article}`;
  const token = (form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '').trim();
  const baseInput = form.querySelector<HTMLInputElement>('input[name="baseRevision"]');
  let saved = '';
  let serverCopy = '';
  let submitting = false;

  const snapshot = (): EditorCopy => {
    const fields: Record<string, string> = {};
    for (const name of COPY_FIELDS) {
      const element = form.elements.namedItem(name);
      if (
        element instanceof HTMLInputElement ||
        element instanceof HTMLTextAreaElement ||
        element instanceof HTMLSelectElement
      ) {
        fields[name] = element.value;
      }
    }
    return { baseRevision: Number(baseInput?.value ?? 0) || 0, fields, body: options.body() };
  };
  const text = () => JSON.stringify(snapshot());
  const changed = () => !submitting && text() !== saved;
  const say = (message: string) => {
    status.textContent = message;
  };
  const clock = (at: Date) => at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  const keepLocally = () => {
    const now = text();
    try {
      if (now === saved) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify({ copy: JSON.parse(now), savedAt: new Date().toISOString() }));
    } catch {
      // Storage full or refused: the server copy still runs.
    }
  };

  const autosave = async () => {
    if (article === 'new' || submitting) return;
    const now = text();
    if (now === serverCopy || now === saved) return;
    try {
      const response = await fetch(`/admin/articles/${article}/autosave`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: now,
        redirect: 'manual',
        credentials: 'same-origin',
      });
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        say('You are signed out: your text is kept in this browser. Sign in again, then save.');
        return;
      }
      if (!response.ok) {
        say('Autosave failed; your text is kept in this browser.');
        return;
      }
      serverCopy = now;
      say(`Autosaved at ${clock(new Date())}.`);
    } catch {
      say('Offline: your text is kept in this browser and saved to the server when the connection is back.');
    }
  };

  return {
    /** The form as the page was served: what "unsaved changes" are measured against. */
    markSaved() {
      saved = text();
      serverCopy = saved;
    },
    start() {
      let localTimer: ReturnType<typeof setTimeout> | undefined;
      const onEdit = () => {
        clearTimeout(localTimer);
        localTimer = setTimeout(keepLocally, LOCAL_MS);
      };
      form.addEventListener('input', onEdit);
      form.addEventListener('change', onEdit);
      form.addEventListener('story-edit', onEdit);
      setInterval(autosave, AUTOSAVE_MS);
      form.addEventListener('submit', () => {
        keepLocally();
        submitting = true;
      });
      window.addEventListener('beforeunload', (event) => {
        if (!changed()) return;
        keepLocally();
        event.preventDefault();
        // Older browsers show the prompt only when a value is set.
        event.returnValue = '';
      });
    },
    /** The newest kept copy that differs from the page, from this browser or the server. */
    async pendingCopy(): Promise<KeptCopy | null> {
      const candidates: KeptCopy[] = [];
      try {
        const local = JSON.parse(localStorage.getItem(key) ?? 'null') as { copy: EditorCopy; savedAt: string } | null;
        if (local?.copy !== undefined) candidates.push({ ...local, where: 'browser' });
      } catch {
        localStorage.removeItem(key);
      }
      if (article !== 'new') {
        try {
          const response = await fetch(`/admin/articles/${article}/autosave`, { redirect: 'manual' });
          if (response.ok) {
            const found = (await response.json()) as { autosave: { copy: EditorCopy; savedAt: string } | null };
            if (found.autosave !== null) candidates.push({ ...found.autosave, where: 'server' });
          }
        } catch {
          // Offline: the browser's copy is all there is.
        }
      }
      const differing = candidates.filter((kept) => JSON.stringify(kept.copy) !== saved);
      differing.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      return differing[0] ?? null;
    },
    /** Puts a kept copy's plain fields back into the form (the body is the editor's). */
    restoreFields(copy: EditorCopy) {
      for (const [name, value] of Object.entries(copy.fields)) {
        const element = form.elements.namedItem(name);
        if (
          element instanceof HTMLInputElement ||
          element instanceof HTMLTextAreaElement ||
          element instanceof HTMLSelectElement
        ) {
          element.value = value;
        }
      }
      // A copy typed over an older revision keeps that base, so saving it meets the stale-edit check.
      if (baseInput !== null) baseInput.value = String(copy.baseRevision);
    },
    async discard() {
      localStorage.removeItem(key);
      if (article === 'new') return;
      await fetch(`/admin/articles/${article}/autosave/discard`, {
        method: 'POST',
        headers: { 'x-csrf-token': token },
        redirect: 'manual',
      }).catch(() => undefined);
    },
    forget() {
      localStorage.removeItem(key);
      if (article !== 'new') localStorage.removeItem(`${STORAGE_PREFIX}new`);
    },
    keepLocally,
    clock,
    token,
  };
}

/** Tells the server this person has the story open, every few seconds, and shows who else has. */
export function startPresence(article: string, token: string) {
  const line = document.querySelector<HTMLElement>('[data-presence]');
  if (article === 'new') return;
  let refreshMs = 10_000;
  const beat = async () => {
    try {
      const response = await fetch(`/admin/articles/${article}/presence`, {
        method: 'POST',
        headers: { 'x-csrf-token': token },
        redirect: 'manual',
      });
      if (response.ok) {
        const answer = (await response.json()) as { editing: string[]; refreshMs: number };
        refreshMs = answer.refreshMs;
        if (line !== null) line.textContent = editingSentence(answer.editing);
      }
    } catch {
      // Presence is a courtesy: try again on the next beat.
    }
    setTimeout(beat, refreshMs);
  };
  void beat();
  window.addEventListener('pagehide', () => {
    navigator.sendBeacon(`/admin/articles/${article}/presence/leave`, new URLSearchParams({ _csrf: token }));
  });
}
