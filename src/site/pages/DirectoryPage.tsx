import { Layout, type PageChrome } from '../components/Layout.js';

/** One entry of a directory page: a tag or a section, with what it holds. */
export interface DirectoryEntry {
  readonly name: string;
  readonly href: string;
  readonly note?: string;
}

/** `/tags` and `/sections`: every tag or section the paper has, as links, for readers who browse rather than search. */
export function DirectoryPage(props: {
  readonly chrome: PageChrome;
  readonly heading: string;
  readonly description: string;
  readonly canonicalPath: string;
  readonly entries: readonly DirectoryEntry[];
  readonly emptyText: string;
}) {
  return (
    <Layout
      chrome={props.chrome}
      head={{ title: props.heading, description: props.description, canonicalPath: props.canonicalPath }}
    >
      <h1>{props.heading}</h1>
      <p class="story-meta">{props.description}</p>
      {props.entries.length === 0 ? (
        <p>{props.emptyText}</p>
      ) : (
        <ul class="directory">
          {props.entries.map((entry) => (
            <li key={entry.href}>
              <a href={entry.href}>{entry.name}</a>
              {entry.note !== undefined ? <span class="story-meta"> {entry.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
