import type { ComponentChildren } from 'preact';
import { ADMIN_STYLESHEET_PATH } from './adminStylesheet.js';

/** The document around every newsroom page, signed in or not: never indexed, one stylesheet, no script. */
export function AdminShell(props: { readonly title: string; readonly children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} | Broadsheet newsroom`}</title>
        <link rel="stylesheet" href={ADMIN_STYLESHEET_PATH} />
      </head>
      <body>{props.children}</body>
    </html>
  );
}

/** A one-line message above a page's content, e.g. after a form was saved or refused. */
export interface Flash {
  readonly kind: 'notice' | 'error';
  readonly message: string;
}

export function FlashMessage(props: { readonly flash: Flash }) {
  const { flash } = props;
  return (
    <p class={`flash flash-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
      {flash.message}
    </p>
  );
}
