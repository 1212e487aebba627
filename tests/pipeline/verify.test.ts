/** `deckhand verify` on a fresh handout, an edited one, and a PDF from another tool. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArgs } from '../support/api.js';
import { CLI, EPOCH, SAMPLE_ID, runCli, runJson, sampleWorkspace } from '../support/fixtures.js';

// A released handout (the release record goes beside the workspace's course.yaml, not the repository's).
const released = sampleWorkspace();
const out = join(released.root, 'out');
const handout = join(out, SAMPLE_ID, `${SAMPLE_ID}.handout.pdf`);

// One in-process build (its own Chromium); the verify command itself runs as the CLI.
beforeAll(async () => {
  expect((await buildArgs(['build', released.dir, '--out', out, '--only', 'handout-pdf', '--edition', 'base', '--release'], { cwd: released.root })).status).toBe(0);
});
afterAll(() => rmSync(released.root, { recursive: true, force: true }));

/** Changes one byte of the first text string on page 1 and re-saves with pdf-lib. */
async function editOneByte(source: string, target: string): Promise<void> {
  const pdf = await PDFDocument.load(readFileSync(source), { updateMetadata: false });
  const contents = pdf.getPage(0).node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [];
  for (const ref of refs) {
    const stream = pdf.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    const m = /<([0-9A-Fa-f]{4})/.exec(text);
    if (!m) continue;
    const digit = text[m.index + 4] === '0' ? '1' : '0';
    const edited = text.slice(0, m.index + 4) + digit + text.slice(m.index + 5);
    pdf.context.assign(ref as PDFRef, pdf.context.flateStream(Uint8Array.from(edited, (c) => c.charCodeAt(0))));
    writeFileSync(target, await pdf.save());
    return;
  }
  throw new Error('no text found to edit');
}

describe('deckhand verify', () => {
  it('passes a freshly built handout and prints code, version and reviewer', () => {
    const result = runCli(['verify', handout, released.dir]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('INV-PM-TRN-0142  version 1.0');
    expect(result.stdout).toContain('reviewed   INVAMED Medical Affairs (Medical Affairs), 2026-11-16');
    expect(result.stdout).toContain('expires    2027-11-30');
    expect(result.stdout).toContain('matches the current source');
    // The verdict in words comes first, so `verify x.pdf | head -1` is the answer.
    expect(result.stdout.split('\n')[0]).toBe('This handout matches the approved course interventional-pain-management (INV-PM-TRN-0142 version 1.0, reviewed by INVAMED Medical Affairs on 2026-11-16, valid until 2027-11-30).');
  });

  it('exits quietly when stdout is a closed pipe (verify x.pdf | head -1)', () => {
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI}" verify "${handout}" "${released.dir}" | true`], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
    expect(result.stderr).not.toMatch(/EPIPE|Error|internal error/);
    expect(result.status).toBe(0);
  });

  it('gives a verdict, not a crash, for a file whose header is damaged', () => {
    const damaged = join(out, 'damaged.pdf');
    const bytes = readFileSync(handout);
    bytes[2] = 0x45; // %PDF → %PEF
    writeFileSync(damaged, bytes);
    const result = runCli(['verify', damaged, released.dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stderr).toMatch(/not a readable PDF|cross-reference/);
  });

  it('gives the same as JSON', () => {
    const result = runJson<{ ok: boolean; record: { documentCode: string; version: string; reviewers: { name: string }[]; contentFingerprint: string } }>(['verify', handout, released.dir]);
    expect(result.status).toBe(0);
    expect(result.json.ok).toBe(true);
    expect(result.json.record.documentCode).toBe('INV-PM-TRN-0142');
    expect(result.json.record.reviewers[0]?.name).toBe('INVAMED Medical Affairs');
    expect(result.json.record.contentFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('fails a handout with one byte of its text changed', async () => {
    const edited = join(out, 'edited.pdf');
    await editOneByte(handout, edited);
    const result = runCli(['verify', edited]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('edited after deckhand wrote it');
  });

  it('without the course or a trusted signature, decides nothing from the XMP label', () => {
    const result = runCli(['verify', handout]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('approval cannot be established: the XMP is only a label');
  });

  it('fails a PDF that deckhand did not make', async () => {
    const foreign = join(out, 'foreign.pdf');
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('Interventional Pain Management');
    writeFileSync(foreign, await pdf.save());
    const result = runCli(['verify', foreign]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('not made by deckhand');
  });

  it('fails when the course changed since the PDF was built', () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace('No. It is generally seen', 'No. It is usually seen') });
    const result = runCli(['verify', handout, ws.dir], { cwd: ws.root });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('does NOT match the current source');
  });
});
