/**
 * The redline as one self-contained HTML page (also what gets printed to the
 * review PDF): per section and item, each changed field with the approved text
 * (deletions struck through) and the current text (insertions underlined),
 * then the references added and removed. Every string is HTML-escaped; the
 * page has no script and loads nothing.
 */
import type { Redline, RedlineField, WordPart } from '../review/redline.js';
import { escapeHtml } from './escape.js';
import type { FontCss } from './fonts.js';

export interface RedlineText {
  title(course: string): string;
  reviewCopy: string;
  since(date: string, fingerprint: string): string;
  noChanges: string;
  before: string;
  after: string;
  added: string;
  removed: string;
  referencesAdded: string;
  referencesRemoved: string;
}

export interface RedlinePage {
  lang: string;
  /** The course title, shown under the heading. */
  courseTitle: string;
  documentCode: string;
}

const CSS = `
@page { size: A4; margin: 18mm 16mm 24mm; }
html { font-family: 'Noto Sans', sans-serif; font-size: 10pt; color: #1f2937; line-height: 1.45; }
body { margin: 0; }
.review-copy { margin: 0 0 4mm; padding: 1.2mm 3mm; background: #9f1239; color: #fff; font-size: 8.5pt; font-weight: 700; letter-spacing: 0.08em; }
h1 { font-size: 17pt; color: #0b5563; margin: 0 0 1mm; }
.course { margin: 0; font-weight: 600; }
.since { margin: 1mm 0 6mm; color: #4b5563; font-size: 9pt; }
h2 { font-size: 13pt; color: #0b5563; border-bottom: 0.6pt solid #9ca3af; padding-bottom: 1mm; margin: 7mm 0 3mm; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; font-family: 'Noto Sans Mono', monospace; break-after: avoid; }
.field { margin: 0 0 3mm; break-inside: avoid; }
.field-name { font-size: 8.5pt; color: #4b5563; margin: 0 0 0.8mm; }
.tag { display: inline-block; font-size: 7.5pt; padding: 0 1.5mm; border-radius: 1mm; background: #e5e7eb; margin-left: 1.5mm; }
table { width: 100%; border-collapse: collapse; }
th { width: 18mm; text-align: left; vertical-align: top; font-size: 8.5pt; color: #4b5563; padding: 1mm 2mm 1mm 0; font-weight: 600; }
td { padding: 1mm 0; white-space: pre-wrap; overflow-wrap: anywhere; }
del { color: #b91c1c; background: #fee2e2; text-decoration: line-through; }
ins { color: #166534; background: #dcfce7; text-decoration: underline; }
ul.refs { padding-left: 5mm; }
.none { font-style: italic; }
`;

const parts = (list: WordPart[], keep: 'before' | 'after'): string =>
  list
    .map((p) => {
      if (p.removed) return keep === 'before' ? `<del>${escapeHtml(p.text)}</del>` : '';
      if (p.added) return keep === 'after' ? `<ins>${escapeHtml(p.text)}</ins>` : '';
      return escapeHtml(p.text);
    })
    .join('');

function field(f: RedlineField, text: RedlineText): string {
  const tag = f.change === 'changed' ? '' : `<span class="tag">${escapeHtml(f.change === 'added' ? text.added : text.removed)}</span>`;
  const rows = [
    ...(f.change !== 'added' ? [`<tr><th scope="row">${escapeHtml(text.before)}</th><td>${parts(f.parts, 'before')}</td></tr>`] : []),
    ...(f.change !== 'removed' ? [`<tr><th scope="row">${escapeHtml(text.after)}</th><td>${parts(f.parts, 'after')}</td></tr>`] : []),
  ];
  return `<div class="field"><p class="field-name">${escapeHtml(f.field || f.path)}${tag}</p><table>${rows.join('')}</table></div>`;
}

export function redlineHtml(model: Redline, page: RedlinePage, text: RedlineText, fonts: FontCss): string {
  const body: string[] = [];
  body.push(`<p class="review-copy">${escapeHtml(text.reviewCopy)}</p>`);
  body.push(`<h1>${escapeHtml(text.title(model.course))}</h1>`);
  body.push(`<p class="course">${escapeHtml(page.courseTitle)} · ${escapeHtml(page.documentCode)}</p>`);
  body.push(`<p class="since">${escapeHtml(text.since(model.approvedOn, model.approvedFingerprint))}</p>`);
  if (model.count === 0) body.push(`<p class="none">${escapeHtml(text.noChanges)}</p>`);
  for (const section of model.sections) {
    body.push(`<section><h2>${escapeHtml(section.section)}</h2>`);
    for (const item of section.items) {
      if (item.item !== section.section) body.push(`<h3>${escapeHtml(item.item)}</h3>`);
      body.push(...item.fields.map((f) => field(f, text)));
    }
    body.push('</section>');
  }
  const refList = (heading: string, list: Redline['referencesAdded']) =>
    list.length ? `<section><h2>${escapeHtml(heading)}</h2><ul class="refs">${list.map((r) => `<li><b>${escapeHtml(r.id)}</b>: ${escapeHtml(r.title)}</li>`).join('')}</ul></section>` : '';
  body.push(refList(text.referencesAdded, model.referencesAdded), refList(text.referencesRemoved, model.referencesRemoved));
  const html = body.join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${escapeHtml(text.title(model.course))}</title>
<meta name="generator" content="deckhand">
<style>${fonts(html)}</style>
<style>${CSS}</style>
</head>
<body>
${html}
</body>
</html>
`;
}
