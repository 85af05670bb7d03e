import { Fragment } from 'preact';
import { inlineRuns, type RichText } from '../../news/inlineText.js';

/**
 * A block's text with its bold, italic and link marks, as text nodes and
 * elements only: marks were checked when stored (safe link targets), and no
 * string is ever read as HTML.
 */
export function InlineTextView(props: { readonly rich: RichText }) {
  const runs = inlineRuns(props.rich);
  if (runs.length === 1 && runs[0]?.href === null && !runs[0].bold && !runs[0].italic) return <>{runs[0].text}</>;
  return (
    <>
      {runs.map((run, i) => {
        let node = <>{run.text}</>;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        if (run.href !== null) {
          const external = !run.href.startsWith('/');
          node = (
            <a href={run.href} rel={external ? 'noopener noreferrer external' : undefined}>
              {node}
            </a>
          );
        }
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}
