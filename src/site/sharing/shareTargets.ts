/** A place a reader can share a story to: a plain link, no script of theirs on our page. */
export interface ShareTarget {
  /** Said by the link: "Share on X". */
  readonly label: string;
  /** Short visible name. */
  readonly name: string;
  readonly href: string;
}

/**
 * The share links under an article, built from each service's public "share
 * a link" address. Only plain links: the services' widgets would load their
 * scripts (and trackers) into every reader's page, and the content security
 * policy forbids them anyway.
 */
export function shareTargets(articleUrl: string, headline: string): ShareTarget[] {
  const url = encodeURIComponent(articleUrl);
  const text = encodeURIComponent(headline);
  return [
    { name: 'X', label: 'Share on X', href: `https://twitter.com/intent/tweet?text=${text}&url=${url}` },
    { name: 'Facebook', label: 'Share on Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${url}` },
    { name: 'WhatsApp', label: 'Share on WhatsApp', href: `https://wa.me/?text=${text}%20${url}` },
    {
      name: 'LinkedIn',
      label: 'Share on LinkedIn',
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    },
    { name: 'Email', label: 'Share by email', href: `mailto:?subject=${text}&body=${url}` },
  ];
}
