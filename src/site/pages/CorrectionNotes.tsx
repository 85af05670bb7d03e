import type { Correction } from '../../news/article.js';
import { karachiTime } from '../../shared/pakistanTime.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "28 Nov 2026 14:05", Pakistan time: when a correction or update was made. */
export function formatCorrectionTime(at: Date): string {
  const t = karachiTime(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${t.day} ${MONTHS[t.month - 1] ?? ''} ${t.year} ${pad(t.hour)}:${pad(t.minute)}`;
}

/** Corrections and updates under the headline, oldest first, each with its time. */
export function CorrectionNotes(props: { readonly corrections: readonly Correction[] }) {
  if (props.corrections.length === 0) return null;
  return (
    <aside class="corrections" aria-label="Corrections and updates">
      {props.corrections.map((correction) => (
        <p key={correction.id} class={`corrections__note corrections__note--${correction.kind}`}>
          <strong>
            {correction.kind === 'correction' ? 'Correction' : 'Update'},{' '}
            <time dateTime={correction.at.toISOString()}>{formatCorrectionTime(correction.at)}</time>:
          </strong>{' '}
          {correction.text}
        </p>
      ))}
    </aside>
  );
}
