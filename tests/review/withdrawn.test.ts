import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/content/diagnostic.js';
import { findWithdrawal, loadWithdrawals, parseWithdrawals } from '../../src/review/withdrawn.js';

const tmp = mkdtempSync(join(tmpdir(), 'deckhand-withdrawn-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const good = `withdrawn:
  - code: INV-PM-TRN-0142
    version: "1.0"
    date: 2025-06-01
    reason: Dosing table corrected in 1.1
  - code: INV-PM-TRN-0142-TR
    version: "1.0"
    date: 2025-06-02
    reason: Market withdrawal
`;

describe('withdrawal list', () => {
  it('loads entries and finds the exact code and version', () => {
    const file = join(tmp, 'withdrawn.yaml');
    writeFileSync(file, good);
    const result = loadWithdrawals(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(findWithdrawal(result.list, 'INV-PM-TRN-0142', '1.0')).toMatchObject({ date: '2025-06-01', reason: 'Dosing table corrected in 1.1', line: 2 });
    expect(findWithdrawal(result.list, 'INV-PM-TRN-0142', '1.1')).toBeUndefined();
    expect(findWithdrawal(result.list, 'INV-PM-TRN-0142-TR', '1.0')?.line).toBe(6);
  });

  it('treats a missing file as an empty list', () => {
    expect(loadWithdrawals(join(tmp, 'none.yaml'))).toEqual({ ok: true, list: { file: join(tmp, 'none.yaml'), entries: [] } });
  });

  it('reports bad entries at file:line:column with the field', () => {
    const bad = `withdrawn:
  - code: INV-1
    version: 1.0
    date: 2025-02-30
    reason: ""
  - code: INV-2
    version: "2"
    date: 2025-01-01
    reason: ok
    why: extra
  - code: INV-2
    version: "2"
    date: 2025-01-01
    reason: "hidden \\u202E text"
`;
    const result = parseWithdrawals(bad, 'decks/withdrawn.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'decks/withdrawn.yaml:3:14  withdrawn[0].version  must be text: write it in quotes ("1.0"), or YAML reads 1.0 as a number',
      'decks/withdrawn.yaml:4:11  withdrawn[0].date  is not a real calendar date',
      'decks/withdrawn.yaml:5:13  withdrawn[0].reason  must not be empty',
      'decks/withdrawn.yaml:6:5  withdrawn[1]  unknown key "why" (allowed: code, version, date, reason)',
      'decks/withdrawn.yaml:14:13  withdrawn[2].reason  contains a control or bidi character; remove it (it can hide or reorder text)',
    ]);
  });

  it('reports a duplicate entry and a YAML syntax error', () => {
    const dup = parseWithdrawals(`${good}  - code: INV-PM-TRN-0142\n    version: "1.0"\n    date: 2025-07-01\n    reason: again\n`, 'w.yaml');
    expect(dup.ok || dup.diagnostics.map(formatDiagnostic)).toEqual(['w.yaml:10:5  withdrawn[2]  lists INV-PM-TRN-0142 version 1.0 again (first at line 2)']);
    const syntax = parseWithdrawals('withdrawn:\n  - code: [unclosed\n', 'w.yaml');
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(formatDiagnostic(syntax.diagnostics[0]!)).toMatch(/^w\.yaml:\d+:\d+ /);
  });
});
