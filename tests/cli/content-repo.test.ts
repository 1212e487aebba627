/**
 * Courses in their own repository, as a new user would set one up: pack
 * deckhand, install the tarball into a temporary folder outside this checkout
 * (so nothing here can be reached), `deckhand init`, `check`, `build`, and find
 * the four outputs; then the draft it made is signed off and passes --release.
 * npm installs the tarball's dependencies from its cache (filled by npm ci), offline.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeAll } from '../support/api.js';
import { EPOCH, REPO, tempDir } from '../support/fixtures.js';

const made: string[] = [];
afterAll(() => removeAll(made));

let repo = '';
let tarball = '';
const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: EPOCH, npm_config_update_notifier: 'false' };
const npx = (args: string[]) => spawnSync(process.execPath, [join(repo, 'node_modules', 'deckhand', 'bin', 'deckhand.js'), ...args], { cwd: repo, env, encoding: 'utf8', timeout: 180_000 });

beforeAll(() => {
  const packDir = tempDir('deckhand-pack-');
  repo = tempDir('deckhand-content-repo-');
  made.push(packDir, repo);
  // dist/ is fresh from the test setup (tests/support/global-setup.ts), so pack without re-running prepack.
  const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], { cwd: REPO, env, encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
  tarball = join(packDir, name);
  writeFileSync(join(repo, 'package.json'), `${JSON.stringify({ name: 'our-courses', version: '1.0.0', private: true }, null, 2)}\n`);
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: repo, env, encoding: 'utf8', timeout: 300_000 });
}, 400_000);

describe('a content repository', () => {
  it('the tarball carries the compiled dist/, templates, the sRGB profile, schema, scaffold, README and LICENSE, and no sources or tests', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const f of ['package/dist/cli/main.js', 'package/dist/bundle/main.js', 'package/dist/bundle/copy-worker.js', 'package/dist/precompiled-templates.json', 'package/dist/index.d.ts', 'package/bin/deckhand.js', 'package/templates/deck.md.hbs', 'package/templates/themes/clinical.css', 'package/assets/icc/sRGB.icc', 'package/schema/course.schema.json', 'package/scaffold/course.yaml', 'package/examples/github-actions.yml', 'package/README.md', 'package/LICENSE']) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^package\/(src|tests|decks|bench)\//.test(f))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(repo, 'node_modules', 'deckhand', 'package.json'), 'utf8')) as { private?: boolean; scripts: Record<string, string> };
    expect(pkg.private).toBeUndefined();
    expect(pkg.scripts.prepack).toContain('npm run build:ts');
    for (const step of ['tsc -p tsconfig.build.json', 'scripts/precompile-templates.mjs', 'scripts/bundle-cli.mjs']) expect(pkg.scripts['build:ts']).toContain(step);
  });

  it('init scaffolds a draft course, .gitignore, npm scripts and the CI workflow; check and build make the four outputs', () => {
    const init = npx(['init']);
    expect(init.status, init.stderr).toBe(0);
    const course = readFileSync(join(repo, 'decks', 'first-course', 'course.yaml'), 'utf8');
    expect(course.split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/deckhand/schema/course.schema.json');
    expect(existsSync(join(repo, '.github', 'workflows', 'decks.yml'))).toBe(true);
    expect(readFileSync(join(repo, '.gitignore'), 'utf8')).toContain('output/');
    expect((JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts).toMatchObject({ check: 'deckhand check', build: 'deckhand build' });

    const check = npx(['check']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/ok {2}decks\/first-course\/course\.yaml {2}FIRST-COURSE-DRAFT v0\.1 {2}not approved: review status is "draft"/);
    expect(check.stderr).not.toContain('$schema');

    const build = npx(['build']);
    expect(build.status, build.stderr).toBe(0);
    for (const suffix of ['deck.md', 'deck.html', 'deck.pdf', 'handout.pdf']) expect(existsSync(join(repo, 'output', 'first-course', `first-course.${suffix}`)), suffix).toBe(true);
    const handout = execFileSync('pdftotext', [join(repo, 'output', 'first-course', 'first-course.handout.pdf'), '-'], { encoding: 'utf8' });
    expect(handout).toContain('FIRST-COURSE-DRAFT · Version 0.1 · Not yet reviewed');
    expect(handout).toContain('NOT FOR DISTRIBUTION');
    expect(handout).not.toContain('Reviewed by');
  });

  it('new makes a second draft; --release refuses it saying what to do, and approve makes it releasable', () => {
    expect(npx(['new', 'knee-basics']).status).toBe(0);
    const refused = npx(['build', 'decks/knee-basics', '--release', '--only', 'deck-md']);
    expect(refused.status).toBe(1);
    const lines = refused.stderr.split('\n').filter((l) => l.includes('release refused'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/decks\/knee-basics\/course\.yaml:\d+:\d+ {2}review\.status {2}release refused for course "knee-basics": it is a draft nobody has signed off yet\. When it has been reviewed, record the sign-off with: deckhand approve decks\/knee-basics --reviewer "Name" --role "Role" --expires YYYY-MM-DD/);
    const approve = npx(['approve', 'decks/knee-basics', '--reviewer', 'Medical Affairs Team', '--role', 'Medical Affairs', '--expires', '2027-12-31', '--date', '2026-11-20']);
    expect(approve.status, approve.stderr).toBe(0);
    expect(readFileSync(join(repo, 'decks', 'knee-basics', 'course.yaml'), 'utf8')).toMatch(/review:\n {2}status: approved\n {2}expires: "2027-12-31"\n {2}reviewers:\n {4}- name: Medical Affairs Team\n/);
    const release = npx(['build', 'decks/knee-basics', '--release', '--only', 'deck-md']);
    expect(release.status, release.stderr).toBe(0);
  });
});
