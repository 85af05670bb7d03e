import type { BlockDiff, DiffPart } from '../../news/revisionDiff.js';

/** How a revision comparison is laid out: one column with both texts marked, or the two revisions side by side. */
export type DiffView = 'inline' | 'side';

/**
 * Words added and removed. Colour is never the only sign: added text sits in
 * <ins> between visible "[+ … +]" marks, removed text in <del> between
 * "[− … −]", so the change reads in any colours, printed, and aloud.
 */
export function DiffText(props: { readonly parts: readonly DiffPart[]; readonly only?: 'older' | 'newer' }) {
  return (
    <>
      {props.parts.map((part, index) => {
        if (part.kind === 'added') {
          return props.only === 'older' ? null : (
            <ins key={index}>
              <span class="diff-mark">[+</span>
              {part.text}
              <span class="diff-mark">+]</span>
            </ins>
          );
        }
        if (part.kind === 'removed') {
          return props.only === 'newer' ? null : (
            <del key={index}>
              <span class="diff-mark">[−</span>
              {part.text}
              <span class="diff-mark">−]</span>
            </del>
          );
        }
        return <span key={index}>{part.text}</span>;
      })}
    </>
  );
}

const KIND_LABEL: Record<BlockDiff['kind'], string> = {
  same: 'unchanged',
  added: 'added',
  removed: 'removed',
  changed: 'changed',
};

/** The body, block by block, in one column: each block says what happened to it. */
export function InlineBodyDiff(props: { readonly blocks: readonly BlockDiff[] }) {
  return (
    <ol class="diff-blocks">
      {props.blocks.map((block, index) => (
        <li key={index} class={`diff-${block.kind}`}>
          <span class="diff-label">
            {blockName(block)}: {KIND_LABEL[block.kind]}
          </span>
          <DiffText parts={block.parts} />
        </li>
      ))}
    </ol>
  );
}

/** The body, block by block, the older revision on the left and the newer on the right. */
export function SideBySideBodyDiff(props: {
  readonly blocks: readonly BlockDiff[];
  readonly from: number;
  readonly to: number;
}) {
  return (
    <div class="table-wrap">
      <table class="diff-side">
        <caption class="visually-hidden">
          Body of revision {props.from} beside revision {props.to}, block by block
        </caption>
        <thead>
          <tr>
            <th scope="col">Revision {props.from}</th>
            <th scope="col">Revision {props.to}</th>
          </tr>
        </thead>
        <tbody>
          {props.blocks.map((block, index) => (
            <tr key={index} class={`diff-${block.kind}`}>
              <td>
                {block.older !== null ? (
                  <>
                    <span class="diff-label">
                      Block {block.older.number}: {KIND_LABEL[block.kind]}
                    </span>
                    <DiffText parts={block.parts} only="older" />
                  </>
                ) : (
                  <span class="muted">(not in this revision)</span>
                )}
              </td>
              <td>
                {block.newer !== null ? (
                  <>
                    <span class="diff-label">
                      Block {block.newer.number}: {KIND_LABEL[block.kind]}
                    </span>
                    <DiffText parts={block.parts} only="newer" />
                  </>
                ) : (
                  <span class="muted">(not in this revision)</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function blockName(block: BlockDiff): string {
  if (block.newer !== null && block.older !== null && block.newer.number !== block.older.number) {
    return `Block ${block.newer.number} (was ${block.older.number})`;
  }
  return `Block ${(block.newer ?? block.older)?.number ?? '?'}`;
}
