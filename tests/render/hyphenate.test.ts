import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.js';
import { printPdf } from '../../src/print/print-pdf.js';
import { fontFaceCss } from '../../src/render/fonts.js';
import { canHyphenate, hyphenate, SOFT_HYPHEN, WORD_JOINER } from '../../src/render/hyphenate.js';

/** Soft hyphens shown as "|", word joiners as "~". */
const show = (text: string) => text.replaceAll(SOFT_HYPHEN, '|').replaceAll(WORD_JOINER, '~');
const plain = (text: string) => text.replaceAll(SOFT_HYPHEN, '').replaceAll(WORD_JOINER, '');

describe('hyphenate', () => {
  it('puts soft hyphens at German break points and changes nothing else', () => {
    const text = 'Belastungsaufnahme, Schmerztherapiemaßnahmen und Rückenmarkstimulation.';
    expect(show(hyphenate(text, 'de'))).toBe('Be|las|tungs|auf|nah|me, Schmerz|the|ra|pie|maß|nah|men und Rü|cken|marksti|mu|la|ti|on.');
    expect(plain(hyphenate(text, 'de-DE'))).toBe(text);
  });

  it('hyphenates English and Turkish with their own patterns, Turkish İ and ı included', () => {
    expect(show(hyphenate('Interventional stimulation', 'en-GB'))).toBe('In|ter|ven|tional stim|u|la|tion');
    // The library alone lower-cases "İ" to two code units and would give "İl|açl|ar".
    expect(show(hyphenate('İlaçlar ışıklandırılmış çözümlemesi', 'tr'))).toBe('İlaç|lar ışık|lan|dı|rıl|mış çö|züm|le|me|si');
  });

  it('never breaks codes, ids, URLs, e-mails, numbers, words with digits or acronyms', () => {
    const text = 'Siehe INV-PM-TRN-0142-DE, (OLG-KOA-SCH) https://example.com/Schmerztherapiemaßnahmen www.beispielklinik.de schmerz@beispielklinik.de 12345678 COVID-19 Schmerz2Therapie NSAIDKOMBINATION z.B.Rückenmarkstimulation';
    const out = hyphenate(text, 'de');
    expect(out).not.toContain(SOFT_HYPHEN);
    expect(show(out)).toBe(
      'Siehe INV-~PM-~TRN-~0142-~DE, (OLG-~KOA-~SCH) https://example.com/Schmerztherapiemaßnahmen www.beispielklinik.de schmerz@beispielklinik.de 12345678 COVID-~19 Schmerz2Therapie NSAIDKOMBINATION z.B.Rückenmarkstimulation',
    );
  });

  it('leaves short words whole and respects the minimum', () => {
    expect(show(hyphenate('Stufe Schmerz', 'de'))).toBe('Stufe Schmerz');
    expect(show(hyphenate('Stufe', 'de', { minWordLength: 4 }))).toBe('Stu|fe');
  });

  it('is grapheme-safe: never splits a base letter from its combining mark', () => {
    const decomposed = 'Ru\u0308ckenmarkstimulation U\u0308berweisungsschein';
    const out = hyphenate(decomposed, 'de');
    expect(plain(out)).toBe(decomposed);
    expect(out).not.toMatch(new RegExp(`${SOFT_HYPHEN}\\p{M}`, 'u'));
    expect(show(out)).toMatch(/^Ru\u0308\|cken/u);
  });

  it('leaves text with soft hyphens of its own, and languages without patterns, unchanged', () => {
    expect(hyphenate(`Schmerz${SOFT_HYPHEN}therapiemaßnahmen`, 'de')).toBe(`Schmerz${SOFT_HYPHEN}therapiemaßnahmen`);
    expect(canHyphenate('xx')).toBe(false);
    expect(hyphenate('Schmerztherapiemaßnahmen', 'xx')).toBe('Schmerztherapiemaßnahmen');
    expect(canHyphenate('de-AT') && canHyphenate('tr-TR') && canHyphenate('en-US')).toBe(true);
  });
});

describe('hyphenation in a real Chromium print', () => {
  let dir: string;
  let session: BrowserSession;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'deckhand-hyphen-'));
    session = new BrowserSession({ concurrency: 1, policy: { allowedRoots: [dir] } });
  });
  afterAll(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const TEXT =
    'Die Belastungsaufnahme wird über Schmerztherapiemaßnahmen und Rückenmarkstimulation gesteuert. ' +
    'Dieses Dokument INV-PM-TRN-0142-DE gilt. Weitere Schmerztherapiemaßnahmen folgen, siehe dazu INV-PM-TRN-0142-DE sowie OLG-KOA-SCH-0007 und auch INV-PM-TRN-0142-DE.';

  /** Prints `text` in a 42 mm column (the handout's wrapping rules) and returns pdftotext -layout lines. */
  async function printColumn(text: string, name: string): Promise<string[]> {
    const html = `<!doctype html><html lang="de"><head><meta charset="utf-8"><style>${fontFaceCss(text)}</style>
<style>@page { size: A5; margin: 10mm } p { width: 42mm; font: 11pt 'Noto Sans'; overflow-wrap: anywhere; hyphens: manual; margin: 0 }</style></head>
<body><p>${text}</p></body></html>`;
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, await printPdf(session, html));
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => plain(l).trim())
      .filter(Boolean);
  }

  it('breaks long German words with a visible hyphen at line ends and keeps every document code on one line', async () => {
    const lines = await printColumn(hyphenate(TEXT, 'de'), 'hyphenated');
    // Lines that end inside a word end with the hyphen Chromium draws at the soft hyphen.
    const wordEnds = lines.slice(0, -1).filter((l) => /\p{L}-$/u.test(l));
    expect(wordEnds.length).toBeGreaterThanOrEqual(3);
    const rejoined = lines.map((l) => l.replace(/(\p{Ll})-$/u, '$1\u0000')).join(' ').replace(/\u0000 /g, '');
    for (const word of ['Belastungsaufnahme', 'Schmerztherapiemaßnahmen', 'Rückenmarkstimulation']) expect(rejoined).toContain(word);
    // No line ends in the middle of a word without a hyphen ("Belastungsaufnah/me").
    expect(lines.filter((l) => /(?:Belastungsaufnah|Schmerztherapie|Rückenmarkstim)$/u.test(l))).toEqual([]);
    // Every code is whole on one line: three INV codes and the OLG code.
    expect(lines.join('\n').match(/INV-PM-TRN-0142-DE/g)).toHaveLength(3);
    expect(lines.some((l) => l.includes('OLG-KOA-SCH-0007'))).toBe(true);
  });

  it('control: the same column without hyphenation breaks words without a hyphen and splits a code', async () => {
    const lines = await printColumn(TEXT, 'plain');
    expect(lines.some((l) => /\p{L}-$/u.test(l) && !/[A-Z]-$/.test(l))).toBe(false);
    const codes = lines.join('\n').match(/INV-PM-TRN-0142-DE|OLG-KOA-SCH-0007/g) ?? [];
    expect(codes.length).toBeLessThan(4);
  });
});
