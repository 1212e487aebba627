/**
 * `personalize()` through the API on the real, approved sample: every good
 * row gives a copy a user can check (pdftotext, a QR code jsQR reads, qpdf,
 * verify), bad rows are named at row and column and write nothing, the
 * manifest lists each copy, and only an approved, current handout is used.
 */
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approve, personalize, verify, type PersonalizeResult } from '../../src/index.js';
import { formatDiagnostic } from '../../src/content/diagnostic.js';
import { buildWith, removeAll, sharedBrowser } from '../support/api.js';
import { EPOCH, SAMPLE_ID, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { declaredSlot } from '../personalize/base-handout.js';
import { decodeQr } from '../personalize/decode-qr.js';

/** 60 characters: the longest name the slot allows. */
const LONGEST = 'Maximiliane-Wilhelmina Katharina Özdemir-Schönberg von Gürel';
const CSV = [
  'id,name,clinic,phone,email,url',
  'R001,Ayşe Yılmaz-Öztürk,"Klinikum Süd, Schmerzambulanz",+90 212 555 01 23,ayse.yilmaz@example.com,https://example.com/r/R001',
  `R002,${LONGEST}x,Too Long,,,https://example.com/r/R002`,
  'R003,Bob Insecure,,,,http://example.com/r/R003',
  'R004,Extra Cell,,,,https://example.com/r/R004,surplus',
  `R005,${LONGEST},Centre Hospitalier Universitaire de Montpellier-Lapeyronie,+33 4 67 33 67 33,m.oezdemir@example.fr,https://example.com/r/R005`,
  'R006,"Jörg ""Jo"" Maßmann",Praxis am Ring,,jo@example.de,https://example.com/r/R006?src=handout&lang=de',
  '',
].join('\n');
const NAMES: Record<string, string> = { R001: 'Ayşe Yılmaz-Öztürk', R005: LONGEST, R006: 'Jörg "Jo" Maßmann' };

const env = { ...process.env, SOURCE_DATE_EPOCH: EPOCH };
const dirs: string[] = [];
const browser = sharedBrowser();
let root: string;
let course: string;
let out: string;
let reps: string;
let result: PersonalizeResult;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const handout = () => join(out, SAMPLE_ID, `${SAMPLE_ID}.handout.pdf`);
const copy = (rep: string) => join(out, SAMPLE_ID, 'personalised', 'base', `${rep}.pdf`);

beforeAll(async () => {
  root = tempDir('deckhand-personalize-');
  dirs.push(root);
  course = sampleWorkspace({ root }).dir;
  out = join(root, 'out');
  reps = join(root, 'reps.csv');
  writeFileSync(reps, CSV);
  const built = await buildWith({ courseDirs: [course], outDir: out, kinds: ['handout-pdf'], release: true, editions: ['base'] }, browser);
  expect(built.ok, JSON.stringify(built.errors)).toBe(true);
  result = await personalize({ courseDir: course, reps, outDir: out, env, cwd: root });
});

afterAll(() => removeAll(dirs));

describe('personalize() on the approved sample handout', () => {
  it('names every bad row at its row and column, writes nothing for it, and writes all the other rows', () => {
    expect(result.errors.map(formatDiagnostic)).toEqual([
      'reps.csv:3:6  name  is 61 characters long; the slot allows at most 60',
      'reps.csv:4:22  url  must be an https:// URL, not http:',
      'reps.csv:5:47  (column 7)  has a value, but the header names only 6 columns',
    ]);
    expect(result.ok).toBe(false);
    expect(result.records).toBe(6);
    expect(result.copies.map((c) => c.rep)).toEqual(['R001', 'R005', 'R006']);
    expect(readdirSync(join(out, SAMPLE_ID, 'personalised', 'base')).sort()).toEqual(['R001.pdf', 'R005.pdf', 'R006.pdf']);
  });

  it.each(['R001', 'R005', 'R006'])('%s: page 1 shows that rep, the QR code gives its URL, qpdf is clean, verify names the rep', async (rep) => {
    const file = copy(rep);
    const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(page1).toContain(NAMES[rep]);
    expect(page1).toContain('Your contact');
    for (const other of Object.keys(NAMES).filter((r) => r !== rep)) expect(page1).not.toContain(NAMES[other]);
    expect(decodeQr(file, declaredSlot())).toBe(CSV.split('\n').find((l) => l.startsWith(rep))?.split(',').pop());
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors');
    const verdict = await verify(file, course, { env });
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);
    expect(verdict.personalisation).toEqual(expect.objectContaining({ rep, date: new Date(Number(EPOCH) * 1000).toISOString().replace('.000', '') }));
    expect(verdict.personalisation?.fields.name).toBe(NAMES[rep]);
  });

  it('lists every copy in the manifest with the rep id, its sha256 and the base handout\'s sha256', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string; sha256: string }[]; personalised: { rep: string; path: string; sha256: string; base: { path: string; sha256: string } }[] };
    expect(manifest.outputs.map((o) => o.path)).toEqual([`${SAMPLE_ID}/${SAMPLE_ID}.handout.pdf`]);
    expect(manifest.personalised.map((p) => p.rep)).toEqual(['R001', 'R005', 'R006']);
    for (const p of manifest.personalised) {
      expect(p.sha256).toBe(sha(join(out, p.path)));
      expect(p.base).toEqual({ path: `${SAMPLE_ID}/${SAMPLE_ID}.handout.pdf`, sha256: sha(handout()) });
    }
    expect(result.copies.map((c) => c.sha256)).toEqual(manifest.personalised.map((p) => p.sha256));
  });

  it('gives identical bytes and an identical manifest for identical input, and a later build keeps the copies listed', async () => {
    const before = Object.fromEntries(['R001', 'R005', 'R006'].map((r) => [r, sha(copy(r))]));
    const manifest = readFileSync(join(out, 'manifest.json'), 'utf8');
    const again = await personalize({ courseDir: course, reps, outDir: out, env, cwd: root, workers: 2 });
    expect(again.copies.map((c) => [c.rep, c.sha256])).toEqual(Object.entries(before));
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(manifest);
    // A later (release) build rewrites the manifest: the personalised section stays.
    expect((await buildWith({ courseDirs: [course], outDir: out, kinds: ['handout-pdf'], release: true, editions: ['base'] }, browser)).ok).toBe(true);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(manifest);
  });

  it('refuses a CSV whose header names a column the slot does not allow, writing nothing', async () => {
    const bad = join(root, 'fax.csv');
    writeFileSync(bad, 'id,name,fax,url\nR100,Ada Lovelace,+44 20 7946 0000,https://example.com/r/R100\n');
    const r = await personalize({ courseDir: course, reps: bad, outDir: join(root, 'out'), env, cwd: root });
    expect(r.ok).toBe(false);
    expect(r.errors.map(formatDiagnostic)).toEqual(['fax.csv:1:9  fax  is not a field of the "contact" slot (allowed: id, name, clinic, phone, email, url)']);
    expect(existsSync(copy('R100'))).toBe(false);
  });
});

describe('personalize() takes only the approved, current, built handout', () => {
  it('says which command builds it when the output folder has none', async () => {
    const r = await personalize({ courseDir: course, reps, outDir: join(root, 'empty'), env, cwd: root });
    expect(r.ok).toBe(false);
    expect(r.copies).toEqual([]);
    expect(r.errors.map(formatDiagnostic)).toEqual([expect.stringMatching(/^decks\/interventional-pain-management\/course\.yaml:1:1 {2}\(handout\) {2}has no built handout to personalise: empty\/interventional-pain-management\/interventional-pain-management\.handout\.pdf does not exist; build it with: deckhand build decks\/interventional-pain-management --only handout-pdf --out empty$/)]);
  });

  it('refuses a handout that is stale against the course, and a course that is not approved', async () => {
    const ws = sampleWorkspace({ root: tempDir('deckhand-personalize-stale-') });
    dirs.push(ws.root);
    const wsOut = join(ws.root, 'out');
    expect((await buildWith({ courseDirs: [ws.dir], outDir: wsOut, kinds: ['handout-pdf'] }, browser)).ok).toBe(true);
    // Edited after the build: no longer approved.
    writeFileSync(ws.file, readFileSync(ws.file, 'utf8').replace('A stepwise, multidisciplinary framework', 'A stepwise framework'));
    const unapproved = await personalize({ courseDir: ws.dir, reps, outDir: wsOut, env, cwd: ws.root });
    expect(unapproved.errors).toHaveLength(1);
    expect(formatDiagnostic(unapproved.errors[0]!)).toMatch(/course\.yaml:\d+:\d+ {2}review\.reviewers {2}cannot be personalised: course "interventional-pain-management" is not approved \(content changed since approval on 2026-11-16 \(changed: subtitle\)\)\. Personalised copies are made only from an approved handout/);
    // Signed off again, but not rebuilt: the handout is stale.
    expect(approve(ws.dir, { reviewer: 'INVAMED Medical Affairs', role: 'Medical Affairs', date: '2026-11-18', sameVersion: 'test: subtitle wording only' }).ok).toBe(true);
    const stale = await personalize({ courseDir: ws.dir, reps, outDir: wsOut, env, cwd: ws.root });
    expect(stale.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^has a handout that is stale against the course \(content changed, review changed\): .*; rebuild it with: deckhand build /)]);
    expect(existsSync(join(wsOut, SAMPLE_ID, 'personalised'))).toBe(false);
  });
});
