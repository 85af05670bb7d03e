import type { Correction } from '../../news/article.js';
import { karachiTime } from '../../shared/pakistanTime.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Nov 2026 14:05", Pakistan time: when a correction or update was made. */
export function formatCorrectionTime(at: Date): string {
  const t = karachiTime(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${t.day} ${MONTHS[t.month - 1] ?? ''} ${t.year} ${pad(t.hour)}:${pad(t.minute)}`;
}

/** Corrections and updates under the headline, oldest first, each with its time; an amended one says so, a withdrawn one leaves a dated line. */
export function CorrectionNotes(props: { readonly corrections: readonly Correction[] }) {
  if (props.corrections.length === 0) return null;
  return (
    <aside class="corrections" aria-label="Corrections and updates">
      {props.corrections.map((correction) => {
        const kind = correction.kind === 'correction' ? 'Correction' : 'Update';
        const { withdrawn, amendedAt } = correction;
        if (withdrawn !== undefined) {
          // The withdrawn text is not repeated; the line says a note was taken back, when and why.
          return (
            <p key={correction.id} class="corrections__note corrections__note--withdrawn">
              <strong>
                {kind} withdrawn,{' '}
                <time dateTime={withdrawn.at.toISOString()}>{formatCorrectionTime(withdrawn.at)}</time>:
              </strong>{' '}
              The {kind.toLowerCase()} of{' '}
              <time dateTime={correction.at.toISOString()}>{formatCorrectionTime(correction.at)}</time> was withdrawn.{' '}
              {withdrawn.note}
            </p>
          );
        }
        return (
          <p key={correction.id} class={`corrections__note corrections__note--${correction.kind}`}>
            <strong>
              {kind}, <time dateTime={correction.at.toISOString()}>{formatCorrectionTime(correction.at)}</time>
              {amendedAt !== undefined ? (
                <>
                  {' '}
                  (amended <time dateTime={amendedAt.toISOString()}>{formatCorrectionTime(amendedAt)}</time>)
                </>
              ) : null}
              :
            </strong>{' '}
            {correction.text}
          </p>
        );
      })}
    </aside>
  );
}
