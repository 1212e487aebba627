/** Test fixtures: temporary copies of the sample course, and running the real CLI. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const SAMPLE_ID = 'interventional-pain-management';
export const SAMPLE_DIR = join(REPO, 'decks', SAMPLE_ID);
export const CLI = join(REPO, 'bin', 'deckhand.js');
/** A fixed build date, so builds are reproducible and the sample's review (expires 2027-11-30) is valid. */
export const EPOCH = String(Date.UTC(2026, 10, 20) / 1000);

/** Every folder tempDir made in this test file; tests/support/cleanup.ts removes them after the file. */
const made = new Set<string>();

export function tempDir(prefix = 'deckhand-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder tempDir made (run after each test file, so none is left in /tmp). */
export function removeTempDirs(): void {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

/**
 * A workspace `<tmp>/decks/<id>/` holding a copy of the sample (with
 * approval.json) and `<tmp>/schema/` so the `$schema` line resolves.
 * `edit` may rewrite the course text; `id` renames the course.
 */
/**
 * A temp project holding a copy of the sample course (as `options.id`), with its
 * schema files. `editions: false` leaves out the DE and TR overlays, for tests
 * about one course rather than the edition matrix.
 */
export function sampleWorkspace(options: { id?: string; edit?: (yaml: string) => string; root?: string; editions?: boolean } = {}): { root: string; dir: string; file: string } {
  const root = options.root ?? tempDir();
  const id = options.id ?? SAMPLE_ID;
  const dir = join(root, 'decks', id);
  mkdirSync(dir, { recursive: true });
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  if (options.editions === false) rmSync(join(dir, 'editions'), { recursive: true, force: true });
  mkdirSync(join(root, 'schema'), { recursive: true });
  cpSync(join(REPO, 'schema', 'course.schema.json'), join(root, 'schema', 'course.schema.json'));
  cpSync(join(REPO, 'schema', 'edition.schema.json'), join(root, 'schema', 'edition.schema.json'));
  const file = join(dir, 'course.yaml');
  let text = readFileSync(file, 'utf8');
  if (id !== SAMPLE_ID) text = text.replace(`id: ${SAMPLE_ID}`, `id: ${id}`);
  if (options.edit) text = options.edit(text);
  writeFileSync(file, text);
  return { root, dir, file };
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; timeout?: number } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: EPOCH, ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function runJson<T = Record<string, unknown>>(args: string[], options: Parameters<typeof runCli>[1] = {}): CliResult & { json: T } {
  const result = runCli([...args, '--json'], options);
  return { ...result, json: JSON.parse(result.stdout) as T };
}
