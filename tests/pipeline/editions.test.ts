/**
 * Market and language editions end to end: the sample's base, DE and TR
 * editions built in-process with one Chromium, checked the way a reviewer
 * would (pdftotext, the manifest, the cache), plus approval and error cases.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build, check } from '../../src/index.js';
import { catalogueFor } from '../../src/pipeline/catalogue.js';
import { buildWith, removeAll, sharedBrowser } from '../support/api.js';
import { EPOCH, REPO, SAMPLE_ID, runCli, sampleWorkspace } from '../support/fixtures.js';

const temps: string[] = [];
afterAll(() => removeAll(temps));
const env = { ...process.env, SOURCE_DATE_EPOCH: EPOCH };

/** pdftotext, with the soft-hyphen line breaks joined and the invisible break marks removed, whitespace collapsed. */
const plain = (text: string) => text.replace(/\u00AD-\s*\n/g, '').replace(/[\u00AD\u2060]/g, '').replace(/\s+/g, ' ');
const pdfText = (file: string) => plain(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
/** Markdown and HTML as text: Markdown escapes (`\\-`) and the HTML entities the shell uses undone. */
const textOf = (raw: string) => plain(raw.replace(/\\(.)/g, '$1').replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const KINDS = { 'deck-md': 'deck.md', 'deck-html': 'deck.html', 'deck-pdf': 'deck.pdf', 'handout-pdf': 'handout.pdf' } as const;
const outputName = (edition: string, suffix: string) => (edition === 'base' ? `${SAMPLE_ID}.${suffix}` : `${SAMPLE_ID}.${edition}.${suffix}`);
/**
 * What a reader of the HTML deck sees or hears: text outside tags, styles and code, plus the
 * attributes shown or read aloud (aria-label, title, alt, data-empty) and the presenter-view words.
 */
const htmlVisible = (html: string) => {
  const attributes = [...html.matchAll(/\s(?:aria-label|title|alt|data-empty)="([^"]*)"/g)].map((m) => m[1]);
  const ui = /<script type="application\/json" id="deckhand-ui">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const text = html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]*>/g, ' ');
  return `${text} ${attributes.join(' ')} ${ui}`;
};
/** Deck Markdown without Marp's directives (class names, theme), which are code. */
const markdownVisible = (md: string) => md.replace(/<!-- _class: [\w-]+ -->/g, ' ').replace(/^(marp|theme|size|paginate|lang): .*$/gm, ' ');

/** Every output of an edition as text (PDFs through pdftotext). */
const editionTexts = (out: string, edition: string) =>
  Object.values(KINDS).map((suffix) => {
    const file = join(out, SAMPLE_ID, outputName(edition, suffix));
    if (suffix.endsWith('.pdf')) return { file, text: pdfText(file) };
    const raw = readFileSync(file, 'utf8');
    return { file, text: textOf(suffix.endsWith('.html') ? htmlVisible(raw) : markdownVisible(raw)) };
  });

describe('editions: building the sample', () => {
  const browser = sharedBrowser();
  let ws: ReturnType<typeof sampleWorkspace>;
  let out: string;
  const overlay = (id: string) => parse(readFileSync(join(ws.dir, 'editions', `${id}.yaml`), 'utf8')) as Record<string, any>;

  beforeAll(async () => {
    ws = sampleWorkspace();
    temps.push(ws.root);
    out = join(ws.root, 'out');
    const result = await buildWith({ courseDirs: [ws.dir], outDir: out, cwd: ws.root }, browser);
    expect(result.errors).toEqual([]);
    // Every default kind (deck md/html/public html/pdf/pptx, handout, notes, 3-up) for each of the three editions.
    expect(result.outputs).toHaveLength(24);
  }, 240_000);

  it('writes <id>.<edition>.<suffix> for each edition, base names unchanged, and the manifest lists every edition', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { edition: string; path: string; documentCode: string; approval: { approved: boolean } }[] };
    const paths = manifest.outputs.map((o) => o.path).sort();
    for (const edition of ['base', 'de-de', 'tr-tr']) for (const suffix of Object.values(KINDS)) expect(paths).toContain(`${SAMPLE_ID}/${outputName(edition, suffix)}`);
    const byEdition = new Map(manifest.outputs.map((o) => [o.edition, o]));
    expect([...byEdition.keys()].sort()).toEqual(['base', 'de-de', 'tr-tr']);
    expect(byEdition.get('tr-tr')?.documentCode).toBe('INV-PM-TRN-0142-TR');
    expect(manifest.outputs.every((o) => o.approval.approved)).toBe(true);
  });

  it('the TR handout and deck carry the Turkish text exactly, and the Turkish headings and footer from the catalogue', () => {
    const tr = overlay('tr-tr');
    const tt = catalogueFor('tr');
    const wanted = [tr.title, tr.subtitle, ...Object.values(tr.faq as Record<string, { question: string }>).map((f) => f.question), ...Object.values(tr.ladder.steps as Record<string, { title: string }>).map((s) => s.title)];
    expect([...new Set(wanted.join(''))].filter((c) => 'şğİıçöü'.includes(c)).sort()).toEqual([...'çöüğİış'].sort());
    const handout = pdfText(join(out, SAMPLE_ID, outputName('tr-tr', 'handout.pdf')));
    const deck = pdfText(join(out, SAMPLE_ID, outputName('tr-tr', 'deck.pdf')));
    for (const text of wanted) {
      expect(handout).toContain(text);
      expect(deck).toContain(text);
    }
    expect(handout).toContain(plain(tr.statements.adverseEvents));
    expect(deck).toContain(plain(tr.statements.adverseEvents));
    const lower = (s: string) => s.toLocaleLowerCase('tr');
    for (const key of ['faq.heading', 'team.heading', 'disclaimer.heading', 'documentControl.heading']) expect(lower(handout)).toContain(lower(tt.t(key)));
    for (const key of ['faq.heading', 'ladder.heading', 'agenda.heading', 'documentControl.heading']) expect(deck).toContain(tt.t(key));
    // The stamped footer: page label and reviewed-by line, worded by tr.yaml.
    // As many pages as the PDF has (the references section added one): "Sayfa 1 / N" on the first, "Sayfa N / N" on the last.
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [join(out, SAMPLE_ID, outputName('tr-tr', 'handout.pdf'))], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(handout).toContain(tt.t('footer.pageOf', { page: 1, pages }));
    expect(handout).toContain(tt.t('footer.pageOf', { page: pages, pages }));
    expect(handout).toContain(tt.t('footer.reviewedBy', { reviewers: tt.t('footer.reviewerEntry', { name: 'INVAMED Medical Affairs TR', date: '2026-11-16' }) }));
  });

  it('no English interface text appears in any TR output', () => {
    // Rule: every en.yaml value (for a value with {params}, each literal piece between them) of
    // at least two words or 8 letters is looked for, case-insensitively (headings are upper-cased
    // by CSS). Values tr.yaml keeps the same ("IFU", brand-like words) and very short pieces
    // ("FAQ", "·", "v") are skipped: they cannot tell English from Turkish.
    const en = catalogueFor('en');
    const tr = catalogueFor('tr');
    const literal = (c: typeof en, key: string) =>
      c
        .parts(key, { count: 2 })
        .filter((p): p is { text: string } => 'text' in p)
        .map((p) => p.text.trim())
        .filter(Boolean);
    const checked: string[] = [];
    for (const key of en.keys) {
      const trText = literal(tr, key).join(' ').toLowerCase();
      for (const piece of literal(en, key)) {
        const words = piece.split(/\s+/).filter((w) => /\p{L}/u.test(w));
        if (words.length < 2 && piece.replace(/[^\p{L}]/gu, '').length < 8) continue;
        if (trText.includes(piece.toLowerCase())) continue;
        checked.push(piece);
      }
    }
    expect(checked.length).toBeGreaterThan(60);
    // The same search finds the English interface text in the base outputs: the check can fail.
    const inBase = editionTexts(out, 'base').flatMap(({ text }) => checked.filter((piece) => text.toLowerCase().includes(piece.toLowerCase())));
    expect(new Set(inBase).size).toBeGreaterThan(30);
    for (const { file, text } of editionTexts(out, 'tr-tr')) {
      const haystack = text.toLowerCase();
      const found = checked.filter((piece) => haystack.includes(piece.toLowerCase()));
      expect(found, file).toEqual([]);
    }
  });

  it('a removed device is absent from every TR output and present in the base and DE outputs', () => {
    const names = { base: 'INVAMED spinal cord stimulation system', 'de-de': 'INVAMED-System zur Rückenmarkstimulation' } as const;
    for (const { file, text } of editionTexts(out, 'tr-tr')) {
      for (const name of Object.values(names)) expect(text, file).not.toContain(name);
      expect(text, file).not.toMatch(/spinal cord stimulation system|spinal-cord-stimulation-system/i);
    }
    for (const [edition, name] of Object.entries(names)) for (const { file, text } of editionTexts(out, edition)) expect(text, file).toContain(name);
  });

  it('long German words are hyphenated at line ends in the handout; the document code is never split', () => {
    const bbox = execFileSync('pdftotext', ['-bbox', join(out, SAMPLE_ID, outputName('de-de', 'handout.pdf')), '-'], { encoding: 'utf8' });
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), text: m[2] ?? '' }));
    // A break at a soft hyphen draws a hyphen: the word ends in U+00AD "-" and the next word starts a line.
    const breaks = words.flatMap((w, i) => (w.text.endsWith('\u00AD-') && (words[i + 1]?.x ?? 999) < 80 ? [`${w.text.replace(/\u00AD/g, '')}${words[i + 1]?.text ?? ''}`] : []));
    expect(breaks.length).toBeGreaterThan(10);
    expect(breaks.some((b) => b.replace(/[\u00AD-]/g, '').length >= 12)).toBe(true);
    const codes = words.map((w) => w.text.replace(/[\u00AD\u2060]/g, '')).filter((t) => t.includes('INV-PM'));
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(code).toMatch(/INV-PM-TRN-0142-DE/);
  });

  it('is incremental per edition: editing the DE overlay rebuilds only DE targets; each edition builds byte-identically', async () => {
    const file = join(ws.dir, 'editions', 'de-de.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Interventionelle Schmerztherapie', 'title: Interventionelle Schmerztherapie (Fortbildung)'));
    const again = await buildWith({ courseDirs: [ws.dir], outDir: out, cwd: ws.root }, browser);
    const rebuilt = again.outputs.filter((o) => o.rebuilt).map((o) => o.edition);
    expect(new Set(rebuilt)).toEqual(new Set(['de-de']));
    expect(rebuilt).toHaveLength(8);

    const second = join(ws.root, 'out2');
    const tr = await buildWith({ courseDirs: [ws.dir], outDir: second, cwd: ws.root, editions: ['tr-tr'] }, browser);
    expect(tr.outputs.map((o) => o.edition)).toEqual(Array(8).fill('tr-tr'));
    for (const suffix of Object.values(KINDS)) expect(sha(join(second, SAMPLE_ID, outputName('tr-tr', suffix))), suffix).toBe(sha(join(out, SAMPLE_ID, outputName('tr-tr', suffix))));
  }, 240_000);
});

describe('editions: approval', () => {
  it('an edition without its own sign-off is a DRAFT while the base is approved', async () => {
    const ws = sampleWorkspace();
    temps.push(ws.root);
    const file = join(ws.dir, 'editions', 'de-de.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\nreview:\n[\s\S]*$/, '\n'));
    const result = check({ courseDirs: [ws.dir], cwd: ws.root, env });
    const state = Object.fromEntries(result.courses.map((c) => [c.edition, c]));
    expect(state.base?.approved).toBe(true);
    expect(state['tr-tr']?.approved).toBe(true);
    expect(state['de-de']).toMatchObject({ approved: false, reasons: ['review status is "draft"'] });
    const out = join(ws.root, 'out');
    const built = await build({ courseDirs: [ws.dir], outDir: out, cwd: ws.root, env, kinds: ['deck-md'] });
    const de = readFileSync(join(out, SAMPLE_ID, outputName('de-de', 'deck.md')), 'utf8');
    const dt = catalogueFor('de');
    // A draft nobody has reviewed says so ("not yet reviewed"), as crepo's drafts do.
    const header = dt.t('draft.message', { reason: dt.t('draftReason.notReviewed') }).toLocaleUpperCase('de');
    expect(de.match(/^header: (.*)$/m)?.[1]?.replace(/\\/g, '')).toBe(JSON.stringify(header));
    expect(readFileSync(join(out, SAMPLE_ID, outputName('base', 'deck.md')), 'utf8')).not.toContain('header:');
    expect(built.warnings.join('\n')).toContain('--edition de-de');
  });

  it('editing one base FAQ answer makes all three editions stale, and --release names each edition and the field by item id', async () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace('working in a licensed clinical\n      setting.', 'working in a licensed clinical\n      setting such as a hospital.') });
    temps.push(ws.root);
    const result = check({ courseDirs: [ws.dir], cwd: ws.root, env });
    expect(result.courses.map((c) => [c.edition, c.approved])).toEqual([['base', false], ['de-de', false], ['tr-tr', false]]);
    const out = join(ws.root, 'out');
    const release = await build({ courseDirs: [ws.dir], outDir: out, cwd: ws.root, env, kinds: ['deck-md'], release: true });
    expect(release.ok).toBe(false);
    expect(release.outputs).toEqual([]);
    const messages = release.errors.map((e) => e.message);
    expect(messages).toHaveLength(3);
    for (const edition of ['de-de', 'tr-tr']) expect(messages.find((m) => m.includes(`edition "${edition}"`))).toContain('faq[id=faq-who-performs].answer');
    expect(messages.find((m) => !m.includes('edition "'))).toContain('faq[id=faq-who-performs].answer');
    expect(release.errors.map((e) => e.file.split('/').pop()).sort()).toEqual(['course.yaml', 'de-de.yaml', 'tr-tr.yaml']);
  });

  it('approve --edition signs one edition: its review block and editions/<id>.approval.json', () => {
    const ws = sampleWorkspace();
    temps.push(ws.root);
    const file = join(ws.dir, 'editions', 'de-de.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\nreview:\n[\s\S]*$/, '\nreview: { status: draft }\n'));
    const run = runCli(['approve', ws.dir, '--edition', 'de-de', '--reviewer', 'Medical Affairs DE', '--role', 'Medical Affairs', '--date', '2026-11-18'], { cwd: ws.root });
    expect(run.status, run.stderr).toBe(0);
    const written = parse(readFileSync(file, 'utf8')) as { review: { status: string; reviewers: { name: string; fingerprint: string }[] } };
    expect(written.review.status).toBe('approved');
    expect(written.review.reviewers[0]?.name).toBe('Medical Affairs DE');
    const snapshot = JSON.parse(readFileSync(join(ws.dir, 'editions', 'de-de.approval.json'), 'utf8')) as { fingerprint: string };
    expect(snapshot.fingerprint).toBe(written.review.reviewers[0]?.fingerprint);
    expect(check({ courseDirs: [ws.dir], cwd: ws.root, env }).courses.every((c) => c.approved)).toBe(true);
  });
});

describe('editions: errors', () => {
  it('an overlay naming an unknown item id: exit 1 and editions/…yaml:LINE:COL', () => {
    const ws = sampleWorkspace();
    temps.push(ws.root);
    const file = join(ws.dir, 'editions', 'tr-tr.yaml');
    const text = readFileSync(file, 'utf8').replace('  faq-who-performs:\n', '  faq-who-perform:\n');
    writeFileSync(file, text);
    const line = text.split('\n').indexOf('  faq-who-perform:') + 1;
    const run = runCli(['check', ws.dir], { cwd: ws.root });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(`decks/${SAMPLE_ID}/editions/tr-tr.yaml:${line}:3  faq.faq-who-perform  unknown item id "faq-who-perform"`);
  });

  it('a catalogue with two keys removed is one error that lists both', () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace('schemaVersion: 1\n', 'schemaVersion: 1\npresentation:\n  templates: templates\n') });
    temps.push(ws.root);
    mkdirSync(join(ws.dir, 'templates', 'i18n'), { recursive: true });
    const de = readFileSync(join(REPO, 'templates', 'i18n', 'de.yaml'), 'utf8').replace(/^ {2}heading: .*\n(?= {2}continued:)/m, '').replace(/\nkeywords:\n {2}label: .*\n/, '\n');
    writeFileSync(join(ws.dir, 'templates', 'i18n', 'de.yaml'), de);
    const result = check({ courseDirs: [ws.dir], cwd: ws.root, env });
    const missing = result.errors.filter((e) => e.message.includes('lacks'));
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain('lacks 2 keys');
    expect(missing[0]?.message).toContain('faq.heading');
    expect(missing[0]?.message).toContain('keywords.label');
    expect(missing[0]?.file).toMatch(/templates\/i18n\/de\.yaml$/);
  });

  it('an edition language with no catalogue names the languages on offer', () => {
    const ws = sampleWorkspace();
    temps.push(ws.root);
    const de = readFileSync(join(ws.dir, 'editions', 'de-de.yaml'), 'utf8').replace('  market: DE\n  language: de', '  market: FR\n  language: fr').replace(/\nreview:\n[\s\S]*$/, '\n');
    writeFileSync(join(ws.dir, 'editions', 'fr-fr.yaml'), de);
    const result = check({ courseDirs: [ws.dir], cwd: ws.root, env });
    const error = result.errors.find((e) => e.file.endsWith('fr-fr.yaml'));
    expect(error?.message).toContain('languages on offer: de, en, tr');
    expect(error?.path).toBe('edition.language');
  });

  it('a GB edition without its adverse-event line fails check, naming the rule and the edition file', () => {
    const ws = sampleWorkspace();
    temps.push(ws.root);
    writeFileSync(
      join(ws.dir, 'editions', 'gb-en.yaml'),
      ['schemaVersion: 1', 'edition: { market: GB, language: en }', 'document: { code: INV-PM-TRN-0142-GB, version: "1.0" }', 'statements:', '  prescribingInformation: Read the instructions for use of each device before use.', ''].join('\n'),
    );
    const result = check({ courseDirs: [ws.dir], cwd: ws.root, env });
    const rule = result.errors.find((e) => e.message.includes('rule "adverseEvents"'));
    expect(rule?.file).toBe(`decks/${SAMPLE_ID}/editions/gb-en.yaml`);
    expect(rule?.message).toMatch(/the GB market profile \(\S*templates\/markets\/GB\.yaml\)/);
    expect(result.courses.filter((c) => c.ok).map((c) => c.edition)).toEqual(['base', 'de-de', 'tr-tr']);
  });
});


