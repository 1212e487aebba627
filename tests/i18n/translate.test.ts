import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeView } from '../../src/render/escape.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { CatalogueKeyError, formatDate, formatNumber, loadCatalogue, translateData, translateHelper, type Catalogue } from '../../src/i18n/index.js';

function catalogue(lang: string): Catalogue {
  const result = loadCatalogue([BUILTIN_TEMPLATES], lang);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.catalogue;
}

/** A Handlebars instance compiled the way TemplateSet compiles (noEscape: the view is pre-escaped). */
function render(source: string, view: unknown, data?: Record<string, unknown>, defaults?: Parameters<typeof translateHelper>[0]): string {
  const hb = Handlebars.create();
  hb.registerHelper('t', translateHelper(defaults));
  return hb.compile(source, { noEscape: true, strict: false })(view, data ? { data } : {});
}

describe('t()', () => {
  it('interpolates params as plain text and formats numbers for the locale', () => {
    const en = catalogue('en-GB');
    expect(en.t('footer.pageOf', { page: 1, pages: 4 })).toBe('page 1 of 4');
    expect(en.t('draft.message', { reason: en.t('draftReason.changed', { date: en.date('2026-11-16') }) })).toBe('Draft — content changed since approval on 16 November 2026');
    expect(en.t('faq.continued', { question: '<b>Is it & safe?</b>' })).toBe('<b>Is it & safe?</b> (continued)');
    expect(catalogue('de').t('footer.pageOf', { page: 1234, pages: 2000 })).toBe('Seite 1.234 von 2.000');
  });

  it('chooses plural forms by count with the language\'s rules', () => {
    const en = catalogue('en');
    expect(en.t('footer.reviewedByMore', { reviewers: 'A', count: 1 })).toBe('Reviewed by A and 1 more');
    expect(en.t('footer.reviewedByMore', { reviewers: 'A', count: 3 })).toBe('Reviewed by A and 3 more');
    const de = catalogue('de');
    expect(de.t('footer.reviewedByMore', { reviewers: 'A', count: 1 })).toBe('Geprüft von A und einer weiteren Person');
    expect(de.t('footer.reviewedByMore', { reviewers: 'A', count: 2 })).toBe('Geprüft von A und 2 weiteren Personen');
    expect(() => en.t('footer.reviewedByMore', { reviewers: 'A' })).toThrow(/needs a number "count"/);
  });

  it('throws for a key or param the catalogue does not have', () => {
    const en = catalogue('en');
    expect(() => en.t('faq.headng')).toThrow(CatalogueKeyError);
    expect(() => en.t('footer.pageOf', { page: 1 })).toThrow(/needs the param "pages"/);
  });
});

describe('{{t}} in templates', () => {
  const tr = catalogue('tr');

  it('escapes the catalogue text for HTML and inserts view strings as already escaped', () => {
    const view = escapeView({ q: 'Ağrı <script>alert(1)</script> & "söz"', n: 2, total: 15 }, escapeHtml);
    const out = render('<h2>{{t "faq.heading"}}</h2><p>{{t "faq.continued" question=q}}</p><p>{{t "footer.pageOf" page=n pages=total}}</p>', view, translateData(tr, escapeHtml));
    expect(out).toBe('<h2>Sıkça sorulan sorular</h2><p>Ağrı &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;söz&quot; (devamı)</p><p>Sayfa 2 / 15</p>');
  });

  it('escapes for Markdown in the deck: catalogue punctuation cannot become markup, spaces survive', () => {
    const en = catalogue('en');
    const view = escapeView({ title: 'Conservative *care*', n: 1 }, escapeMarkdown);
    const out = render('## {{t "step.heading" number=n title=title}}\n\n> **{{t "step.nextStepWhen"}}**', view, translateData(en, escapeMarkdown));
    expect(out).toBe('## Step 1 · Conservative \\*care\\*\n\n> **When to consider the next step\\:**');
  });

  it('escapes a hostile catalogue text too (a course may ship its own catalogue)', () => {
    const en = catalogue('en');
    const hostile = Object.create(en) as Catalogue;
    hostile.parts = () => [{ text: '<img src=x onerror=alert(1)> ' }, { name: 'page' }];
    hostile.param = () => '3';
    expect(render('{{t "footer.pageOf" page=3}}', {}, translateData(hostile, escapeHtml))).toBe('&lt;img src&#61;x onerror&#61;alert(1)&gt; 3');
  });

  it('takes the catalogue from the render, so one Handlebars instance serves deck and handout', () => {
    const hb = Handlebars.create();
    hb.registerHelper('t', translateHelper());
    const template = hb.compile('{{t "procedures.helpsConfirm"}}', { noEscape: true });
    expect(template({}, { data: translateData(tr, escapeHtml) })).toBe('Doğrulamaya yardımcı olur:');
    expect(template({}, { data: translateData(catalogue('en'), escapeMarkdown) })).toBe('Helps confirm\\:');
    expect(render('{{t "faq.heading"}}', {}, undefined, { catalogue: tr, escape: escapeHtml })).toBe('Sıkça sorulan sorular');
  });

  it('refuses to render without an escaper rather than print unescaped text', () => {
    expect(() => render('{{t "faq.heading"}}', {}, undefined, { catalogue: tr })).toThrow(/no catalogue or escaper/);
    expect(() => render('{{t missing}}', {}, translateData(tr, escapeHtml))).toThrow(/needs a catalogue key in quotes/);
    expect(() => render('{{t "nope.nope"}}', {}, translateData(tr, escapeHtml))).toThrow(/"nope.nope" is not in/);
  });
});

describe('locale formatting', () => {
  it('formats ISO dates in UTC per locale, long and short', () => {
    expect(formatDate('2026-11-16', 'en-GB')).toBe('16 November 2026');
    expect(formatDate('2026-11-16', 'en-US')).toBe('November 16, 2026');
    expect(formatDate('2026-11-16', 'de')).toBe('16. November 2026');
    expect(formatDate('2026-11-16', 'tr')).toBe('16 Kasım 2026');
    expect(formatDate('2026-03-01', 'tr', 'short')).toBe('01.03.2026');
    expect(formatDate('2026-03-01', 'en-GB', 'short')).toBe('01/03/2026');
    expect(() => formatDate('2026-02-30', 'en')).toThrow(/not a calendar date/);
  });

  it('formats numbers and UTC date-times per locale', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'de')).toBe('12.345,5');
    expect(catalogue('tr').dateTimeUtc(new Date(Date.UTC(2026, 10, 16, 14, 5)))).toMatch(/^16 Kasım 2026 14:05$/);
    expect(catalogue('en-GB').dateTimeUtc(new Date(Date.UTC(2026, 10, 16, 14, 5)))).toMatch(/^16 November 2026 at 14:05$/);
  });
});
