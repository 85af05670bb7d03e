import { Layout, type PageChrome } from '../components/Layout.js';

/** 4xx and 5xx pages in the full layout, so a reader can find their way on. */
export function ErrorPage(props: { readonly chrome: PageChrome; readonly title: string; readonly message: string }) {
  return (
    <Layout chrome={props.chrome} head={{ title: props.title, description: props.message, noIndex: true }}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </Layout>
  );
}

/**
 * The last resort when even the layout cannot be rendered (store down): no
 * data, no detail of what failed, just a way back.
 */
export const BARE_ERROR_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Something went wrong | Broadsheet</title><meta name="robots" content="noindex"></head><body><main><h1>Something went wrong</h1><p>We could not show this page. Please try again in a moment.</p><p><a href="/">Go to the front page</a></p></main></body></html>`;
