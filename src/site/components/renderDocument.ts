import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** A full HTML document from a page component. */
export function renderDocument<P>(page: VNode<P>): string {
  return `<!doctype html>${render(page)}`;
}
