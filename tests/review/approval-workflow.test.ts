/**
 * An approval covers one exact version of the content: edit an approved course
 * and its PDFs turn into drafts, --release refuses it and names the field,
 * re-approving clears it. `approve` edits only the review values.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArgs, sharedBrowser } from '../support/api.js';
import { runCli, sampleWorkspace, SAMPLE_DIR, tempDir } from '../support/fixtures.js';

const browser = sharedBrowser();
const runJson = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) => buildArgs(args, options, browser);

const mutoolText = (file: string) => execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

describe('approvals bound to content', () => {
  it('approve keeps the file\'s comments and formatting: only review lines change', () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace(/^(\s+fingerprint: .*\n)/m, '') });
    const before = readFileSync(ws.file, 'utf8');
    const result = runCli(['approve', ws.dir, '--reviewer', 'Dr. Jane Roe', '--role', 'Regulatory Affairs', '--date', '2026-11-18'], { cwd: ws.root });
    expect(result.status, result.stderr).toBe(0);
    const after = readFileSync(ws.file, 'utf8');
    let diff = '';
    try {
      execFileSync('diff', ['-u', '--label', 'before', '--label', 'after', '-', ws.file], { input: before, encoding: 'utf8' });
    } catch (error) {
      diff = (error as { stdout: string }).stdout;
    }
    const changed = diff.split('\n').filter((l) => /^[+-][^+-]/.test(l));
    expect(changed).toEqual([
      '+    - name: Dr. Jane Roe',
      '+      role: Regulatory Affairs',
      '+      date: "2026-11-18"',
      expect.stringMatching(/^\+ {6}fingerprint: sha256:[0-9a-f]{64}$/),
      expect.stringMatching(/^\+ {6}binding: sha256:[0-9a-f]{64}$/),
    ]);
    // every comment of the original is still there
    for (const comment of before.split('\n').filter((l) => l.trim().startsWith('#'))) expect(after).toContain(comment);
  });

  // The base edition only: its DE/TR editions go stale too (tests/pipeline/editions.test.ts).
  it('an edited FAQ answer makes the build a draft and --release refuse it once, at the changed line, naming faq[id=…].answer; re-approval needs a new version and then clears it', async () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace('No. It is generally seen', 'No. It is usually seen') });
    const out = tempDir();

    const draft = await runJson(['build', ws.dir, '--out', out, '--only', 'handout-pdf', '--edition', 'base'], { cwd: ws.root });
    expect(draft.status).toBe(0);
    expect(draft.stderr).toContain('is not approved (content changed since approval on 2026-11-16 (changed: faq[id=faq-complement].answer))');
    expect(draft.stderr).toContain('document.version is still "1.0"; set document.version to "1.1" before it is approved again');
    const handout = join(out, 'interventional-pain-management', 'interventional-pain-management.handout.pdf');
    expect(mutoolText(handout)).toContain('DRAFT — NOT FOR DISTRIBUTION');
    expect(mutoolText(handout)).toContain('Draft — content changed since approval on November 16, 2026');

    const refused = await runJson(['build', ws.dir, '--out', tempDir(), '--release', '--edition', 'base'], { cwd: ws.root });
    expect(refused.status).toBe(1);
    expect(refused.json.ok).toBe(false);
    expect(refused.json.errors).toHaveLength(1);
    expect(refused.json.errors[0]?.message).toMatch(/release refused for course "interventional-pain-management": content changed since approval on 2026-11-16 \(changed: faq\[id=faq-complement\]\.answer\)\. Have the changes reviewed, set document\.version to "1\.1" \(it is still "1\.0"\), then sign off again with: deckhand approve /);
    // At the changed line (the answer), and printed once.
    const answerLine = readFileSync(ws.file, 'utf8').split('\n').findIndex((l) => l.includes('No. It is usually seen'));
    expect(refused.stderr).toMatch(new RegExp(`course\\.yaml:${answerLine}:\\d+ {2}faq\\[id=faq-complement\\]\\.answer {2}release refused`));
    expect(refused.stderr.split('content changed since approval').length - 1).toBe(1);

    const sameVersion = runCli(['approve', ws.dir, '--reviewer', 'INVAMED Medical Affairs', '--role', 'Medical Affairs', '--date', '2026-11-19'], { cwd: ws.root });
    expect(sameVersion.status).toBe(1);
    expect(sameVersion.stderr).toMatch(/course\.yaml:\d+:\d+ {2}document\.version {2}not approved: the content changed since the approval on 2026-11-16 but document\.version is still "1\.0"; set document\.version to "1\.1"/);
    writeFileSync(ws.file, readFileSync(ws.file, 'utf8').replace('version: "1.0"', 'version: "1.1"'));
    expect(runCli(['approve', ws.dir, '--reviewer', 'INVAMED Medical Affairs', '--role', 'Medical Affairs', '--date', '2026-11-19'], { cwd: ws.root }).status).toBe(0);
    const released = await runJson(['build', ws.dir, '--out', tempDir(), '--release', '--only', 'handout-pdf', '--edition', 'base'], { cwd: ws.root });
    expect(released.status, released.stderr).toBe(0);
    expect(released.json.warnings).toEqual([]);
  });

  it('approve --same-version "reason" keeps the version and records the reason in approval.json', () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace('No. It is generally seen', 'No. It is usually seen') });
    const ok = runCli(['approve', ws.dir, '--reviewer', 'INVAMED Medical Affairs', '--role', 'Medical Affairs', '--date', '2026-11-19', '--same-version', 'typo fix only, never distributed'], { cwd: ws.root });
    expect(ok.status, ok.stderr).toBe(0);
    const snapshot = JSON.parse(readFileSync(join(ws.dir, 'approval.json'), 'utf8')) as { sameVersion?: { version: string; reason: string; replaces: string } };
    expect(snapshot.sameVersion).toEqual({ version: '1.0', reason: 'typo fix only, never distributed', replaces: expect.stringMatching(/^sha256:/) });
  });

  it('--release refuses an expired review', async () => {
    const result = await runJson(['build', SAMPLE_DIR, '--out', tempDir(), '--release', '--only', 'deck-md'], { env: { SOURCE_DATE_EPOCH: String(Date.UTC(2028, 0, 1) / 1000) } });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('review expired on 2027-11-30');
  });
});
