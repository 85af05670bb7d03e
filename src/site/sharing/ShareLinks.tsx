import { shareTargets } from './shareTargets.js';

/** "Share this story" links under an article (plain links, see shareTargets). */
export function ShareLinks(props: { readonly url: string; readonly headline: string }) {
  return (
    <nav class="share-links" aria-label="Share this story">
      <p class="share-links__title">Share</p>
      <ul>
        {shareTargets(props.url, props.headline).map((target) => (
          <li key={target.name}>
            <a href={target.href} aria-label={target.label} rel="noopener noreferrer">
              {target.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
