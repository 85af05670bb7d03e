import { createHash } from 'node:crypto';

/**
 * The newsroom's one stylesheet: small enough to keep in code, served under a
 * content-hashed name so it can be cached for good. The site's CSP forbids
 * inline styles, so it is a file, not a <style> element.
 */
export const ADMIN_CSS = `
:root{--ink:#1a1a1a;--muted:#4a4a4a;--paper:#fff;--tint:#f4f1ea;--rule:#d6d2c8;--brand:#7a1020;--link:#0b4f8a;--focus:#1a5fb4;--notice:#e6f4ea;--error:#b3261e;--error-bg:#fdecea;--ui:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1rem/1.5 var(--ui);color:var(--ink);background:var(--paper)}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip-link{position:absolute;left:-999px;top:0;background:var(--paper);padding:.5rem}
.skip-link:focus{left:.5rem}
.admin-header{background:var(--brand);color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.admin-header a{color:#fff}
.admin-brand{font-weight:700;text-decoration:none}
.admin-who{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;font-size:.875rem}
.admin-nav{background:var(--tint);border-bottom:1px solid var(--rule)}
.admin-nav ul{list-style:none;margin:0;padding:.25rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.admin-nav a{display:inline-block;padding:.25rem 0}
.admin-nav a[aria-current="page"]{font-weight:700;color:var(--ink)}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
.flash{padding:.5rem 1rem;border-left:4px solid;margin:0 0 1rem}
.flash-notice{background:var(--notice);border-color:#0a6b2e}
.flash-error{background:var(--error-bg);border-color:var(--error)}
form.stacked{display:grid;gap:.75rem;max-width:24rem}
label{display:grid;gap:.25rem;font-weight:600}
input,select,button{font:inherit}
input,select{padding:.4rem;border:1px solid var(--muted);border-radius:2px;width:100%}
button{padding:.4rem .9rem;border:1px solid var(--brand);background:var(--brand);color:#fff;border-radius:2px;cursor:pointer}
button.link{background:none;border:0;padding:0;color:inherit;text-decoration:underline}
.inline{display:inline}
.counts{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem}
.counts li{border:1px solid var(--rule);padding:.75rem}
.counts strong{display:block;font-size:1.75rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--rule);vertical-align:top}
.pager{display:flex;gap:1rem;margin:1rem 0}
.muted{color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.desk-areas{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;margin:0 0 1rem}
.wire-filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.5rem 1rem;align-items:end;margin:0 0 1rem}
.wire-facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
.wire-facts dt{font-weight:600}
.wire-facts dd{margin:0}
.wire-killed{color:var(--error)}
.field-problem{display:block;color:var(--error);font-weight:600;margin-top:.2rem}
ins{background:var(--notice);text-decoration:underline}
del{background:var(--error-bg);text-decoration:line-through}
.diff-mark{font-weight:700;text-decoration:none;display:inline-block}
.diff-blocks{padding-left:0;list-style:none}
.diff-blocks li{border-left:4px solid var(--rule);padding:.25rem .75rem;margin:.5rem 0}
.diff-blocks .diff-changed{border-left-color:var(--link)}
.diff-blocks .diff-added{border-left-color:#1e6b34}
.diff-blocks .diff-removed{border-left-color:var(--error)}
.diff-label{display:block;font-size:.875rem;font-weight:600;color:var(--muted)}
.diff-side td{width:50%}
.embargo{color:var(--error)}
.sent-back blockquote{margin:.5rem 0 0 1rem;white-space:pre-wrap}
.presence,.presence-note{color:var(--brand);font-weight:600}
.presence-note{display:block;font-size:.875rem}
.field-counter{margin:.1rem 0 .75rem;font-size:.875rem}
.field-counter.over{color:var(--error);font-weight:600}
.seo-previews{display:grid;gap:.25rem;max-width:38rem}
.preview-label{margin:.75rem 0 0;font-weight:600}
.search-preview,.card-preview{border:1px solid var(--rule);border-radius:.5rem;padding:.75rem;background:var(--paper)}
.search-preview p,.card-preview p{margin:0;overflow-wrap:anywhere}
.search-preview-path{font-size:.875rem;color:#1d6b34}
.search-preview-title{font-size:1.2rem;color:#1a0dab}
.card-preview-picture{border:1px dashed var(--rule);padding:1.5rem .5rem;text-align:center;font-size:.875rem}
.card-preview-site{font-size:.75rem;letter-spacing:.05em;color:var(--muted);margin-top:.5rem!important}
.card-preview-title{font-weight:700}
button.secondary{background:var(--paper);color:var(--ink);border-color:var(--muted)}
button[aria-pressed="true"]{background:var(--ink);color:#fff}
.editor-toolbar{display:flex;flex-wrap:wrap;gap:.25rem;padding:.25rem 0;position:sticky;top:0;background:var(--paper);z-index:1}
.editor-toolbar button{padding:.2rem .5rem;font-size:.875rem}
.editor-toolbar-gap{width:.75rem}
.editor-text{border:1px solid var(--muted);padding:.5rem .75rem .5rem 1.75rem;min-height:12rem;white-space:pre-wrap;font:1.0625rem/1.6 Georgia,serif}
.editor-text p,.editor-text h2,.editor-text blockquote,.editor-text ul,.editor-text ol{position:relative;margin:.5rem 0}
.editor-text blockquote{border-left:3px solid var(--rule);padding-left:.75rem;font-style:italic}
.editor-text blockquote[data-attribution]:not([data-attribution=""])::after{content:" — " attr(data-attribution);font-style:normal;color:var(--muted)}
.editor-subheading{font-size:1.25rem}
.drag-handle{position:absolute;left:-1.5rem;cursor:grab;color:var(--muted);user-select:none}
.editor-card{border:1px dashed var(--muted);background:var(--tint);padding:.5rem;margin:.5rem 0;display:flex;gap:.5rem;align-items:center;justify-content:space-between;cursor:grab}
.ProseMirror-selectednode{outline:3px solid var(--focus)}
.ProseMirror-hideselection *::selection{background:transparent}
.editor-dialog{max-width:32rem;width:90%}
.editor-dialog form{display:grid;gap:.5rem}
.editor-dialog h2{margin:0;font-size:1.125rem}
`.trim();

export const ADMIN_STYLESHEET_PATH = `/admin/assets/admin-${createHash('sha1').update(ADMIN_CSS).digest('hex').slice(0, 10)}.css`;
