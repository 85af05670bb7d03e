// Live counts and previews for the editor's headline and SEO fields: the
// server renders them right for the form as loaded; this keeps them right
// as the writer types (src/newsroom/articles/SeoFields.tsx).
import { counterText, seoPreviewOf } from '../articles/seoPreview.js';

export function startSeoLive(form: HTMLFormElement): void {
  const panel = form.querySelector<HTMLElement>('[data-seo-panel]');
  const value = (name: string) =>
    form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)?.value ?? '';
  const counters = [...form.querySelectorAll<HTMLElement>('[data-counter-of]')];
  const update = () => {
    for (const counter of counters) {
      const field = document.getElementById(counter.dataset.counterOf ?? '') as HTMLInputElement | null;
      if (field === null) continue;
      const max = Number(counter.dataset.max);
      const shown = counter.dataset.shown === undefined ? undefined : Number(counter.dataset.shown);
      const length = field.value.trim().length;
      counter.textContent = counterText(length, max, shown);
      counter.classList.toggle('over', length > max);
    }
    if (panel === null) return;
    const { articleId, currentSlug, everPublished, siteName } = panel.dataset;
    const preview = seoPreviewOf({
      headline: value('headline'),
      summary: value('summary'),
      seoTitle: value('seoTitle'),
      seoDescription: value('seoDescription'),
      slug: value('slug'),
      article:
        articleId === undefined
          ? null
          : { id: Number(articleId), slug: currentSlug ?? '', everPublished: everPublished === 'yes' },
      siteName: siteName ?? '',
    });
    for (const [key, text] of Object.entries(preview)) {
      const slot = panel.querySelector(`[data-preview="${key}"]`);
      if (slot !== null && slot.textContent !== text) slot.textContent = text;
    }
  };
  form.addEventListener('input', update);
  // A recovered copy (editorKeeper) fills the fields without input events.
  form.addEventListener('story-restored', update);
  update();
}
