import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { drawCertificationBlock } from '../../src/pdf/certification-block.js';
import { stampFontBytes } from '../../src/render/fonts.js';
import { stampFontkit } from '../../src/pdf/stamp-font.js';

const tmp = mkdtempSync(join(tmpdir(), 'deckhand-cert-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const labels = { heading: 'Electronic signatures', name: 'Printed name', role: 'Role', dateTime: 'Date and time (UTC)', meaning: 'Meaning' };
const entries = [
  { name: 'Dr. Jane Reviewer', role: 'Medical reviewer', signedAt: new Date('2025-03-14T09:26:53Z'), meaning: 'Approved for distribution' },
  { name: 'Ayşe Işık', role: 'Regulatory affairs', signedAt: new Date('2025-03-15T16:05:00Z'), meaning: 'Approved for distribution' },
];

async function draw(boxWidth: number, list = entries) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(stampFontkit);
  const font = await doc.embedFont(stampFontBytes(), { subset: true, customName: 'DHSTMP+NotoSans-Regular' });
  const page = doc.addPage([595, 842]);
  const result = drawCertificationBlock(page, font, { x: 56, y: 600, width: boxWidth, height: 120 }, list, labels);
  return { result, bytes: await doc.save() };
}

describe('drawCertificationBlock', () => {
  it('draws each approval with printed name, role, UTC date and time and meaning, which pdftotext reads back', async () => {
    const { result, bytes } = await draw(483);
    expect(result).toMatchObject({ overflow: false, size: 9 });
    const file = join(tmp, 'cert.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Printed name\s+Role\s+Date and time \(UTC\)\s+Meaning/);
    expect(text).toMatch(/Dr\. Jane Reviewer\s+Medical reviewer\s+2025-03-14 09:26 UTC\s+Approved for distribution/);
    expect(text).toMatch(/Ayşe Işık\s+Regulatory affairs\s+2025-03-15 16:05 UTC\s+Approved for distribution/);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', file, join(tmp, 'cert')]);
  });

  it('shrinks text to fit a narrow box, and says so when even the smallest size cuts it', async () => {
    const narrow = await draw(380);
    expect(narrow.result.size).toBeLessThan(9);
    expect(narrow.result.overflow).toBe(false);
    const tiny = await draw(250);
    expect(tiny.result).toMatchObject({ size: 6, overflow: true });
    // the date and time wraps but is never cut
    const file = join(tmp, 'tiny.pdf');
    writeFileSync(file, tiny.bytes);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toMatch(/2025-03-14 09:26 UTC/);
    const many = await draw(483, Array.from({ length: 12 }, () => entries[0]!));
    expect(many.result.overflow).toBe(true);
  });
});
