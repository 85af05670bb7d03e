import type { ComponentChildren } from 'preact';
import type { Actor } from '../../news/roles.js';
import { CSRF_FIELD } from '../http/csrf.js';
import { AdminShell, type Flash, FlashMessage } from './AdminShell.js';
import { currentNavPath, navFor } from './adminNav.js';

export type { Flash } from './AdminShell.js';

export interface AdminLayoutProps {
  /** The page's own title; the layout adds the site name and shows it as the page's h1. */
  readonly title: string;
  readonly actor: Actor;
  /** From `csrfTokenFor(reply)`: the sign-out form needs it. */
  readonly csrfToken: string;
  readonly flash?: Flash;
  /** Path of the page, to mark the current menu item; defaults to no mark. */
  readonly currentPath?: string;
  readonly children: ComponentChildren;
}

/** The newsroom shell: who is signed in, the areas their role may open, and the page. */
export function AdminLayout(props: AdminLayoutProps) {
  const { actor } = props;
  const current = props.currentPath === undefined ? undefined : currentNavPath(props.currentPath);
  return (
    <AdminShell title={props.title}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="admin-header">
        <a class="admin-brand" href="/admin">
          Broadsheet newsroom
        </a>
        <div class="admin-who">
          <span>
            {actor.name} ({actor.role})
          </span>
          {actor.kind === 'user' ? (
            <form class="inline" method="post" action="/admin/logout">
              <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
              <button type="submit" class="link">
                Sign out
              </button>
            </form>
          ) : null}
        </div>
      </header>
      <nav class="admin-nav" aria-label="Newsroom">
        <ul>
          {navFor(actor).map((item) => (
            <li key={item.path}>
              <a href={item.path} {...(item.path === current ? { 'aria-current': 'page' as const } : {})}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <h1>{props.title}</h1>
        {props.flash !== undefined ? <FlashMessage flash={props.flash} /> : null}
        {props.children}
      </main>
    </AdminShell>
  );
}
