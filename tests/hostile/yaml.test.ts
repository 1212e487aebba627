/**
 * YAML-level hostile input, through the real loader (loadCourse) on a temp copy
 * of the sample: scalars YAML would retype, anchors/aliases/merge keys, tags,
 * directives, several documents, alias bombs, deep nesting, prototype keys.
 * Every refusal must come back as diagnostics with file:line:column and the
 * field; nothing may throw or take long.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatPath, type Diagnostic } from '../../src/content/diagnostic.js';
import { loadCourse, type LoadResult } from '../../src/content/load-course.js';
import { prepareCourse } from '../../src/pipeline/prepare-course.js';
import { compileDeck, compileHandout } from '../../src/compile/compile.js';
import { CORPUS, type HostileEntry } from './corpus.js';
import { CONTROL_CHARS, TODAY, collapse, decodeEntities, getAt, handoutSignature, loadSample } from './harness.js';
import { EPOCH, sampleWorkspace } from '../support/fixtures.js';

/** Loads an edited copy of the sample; returns the result, the edited text and the time taken. */
function load(edit: (yaml: string) => string): { result: LoadResult; yaml: string; ms: number; root: string; dir: string } {
  let yaml = '';
  const ws = sampleWorkspace({ edit: (y) => (yaml = edit(y)) });
  const started = performance.now();
  const result = loadCourse(ws.dir, ws.root);
  return { result, yaml, ms: performance.now() - started, root: ws.root, dir: ws.dir };
}

const setTitle = (value: string) => (y: string) => y.replace(/^title: .*$/m, `title: ${value}`);
/** The loader's refusal of a control or bidi character (its wording, or the schema's). */
const CONTROL_MESSAGE = /control or bidi-override character|invisible character U\+/;
/** 1-based line of the first line matching `pattern`. */
const lineOf = (yaml: string, pattern: RegExp) => yaml.split('\n').findIndex((l) => pattern.test(l)) + 1;

function expectWellFormed(d: Diagnostic): void {
  expect(d.file).toBe('decks/interventional-pain-management/course.yaml');
  expect(d.line).toBeGreaterThanOrEqual(1);
  expect(d.column).toBeGreaterThanOrEqual(1);
  expect(d.path).not.toBe('');
  expect(d.message.trim()).not.toBe('');
}

interface RefusedCase {
  name: string;
  edit: (yaml: string) => string;
  path: string;
  /** The line the diagnostic must point at. */
  at: RegExp | 'file-start' | 'anywhere';
  message: RegExp;
}

const REFUSED: RefusedCase[] = [
  { name: 'unquoted 1e3 is a number', edit: setTitle('1e3'), path: 'title', at: /^title: 1e3$/, message: /must be text, not the number (1000|1e3).*quotes/ },
  { name: 'unquoted ~ is null', edit: setTitle('~'), path: 'title', at: /^title: ~$/, message: /not nothing \(null or ~\)|is empty/ },
  { name: 'unquoted true is a boolean', edit: setTitle('true'), path: 'title', at: /^title: true$/, message: /must be text, not the boolean true.*quotes/ },
  { name: 'unquoted 0x1F is a number', edit: setTitle('0x1F'), path: 'title', at: /^title: 0x1F$/, message: /not the number (31|0x1F).*quotes/ },
  {
    name: '%YAML 1.1 turns NO into a boolean',
    edit: (y) => `%YAML 1.1\n---\n${setTitle('NO')(y)}`,
    path: 'title',
    at: /^title: NO$/,
    message: /must be text, not the boolean (false|NO).*quotes/,
  },
  {
    name: 'merge key <<: *base',
    edit: (y) =>
      y
        .replace('    - id: pain-medicine-physician\n', '    - &base\n      id: pain-medicine-physician\n')
        .replace('    - id: physical-therapist\n', '    - <<: *base\n      id: physical-therapist\n'),
    path: 'team.members[1]."<<"',
    at: /^ {4}- <<: \*base$/,
    message: /unknown key "<<"|merge keys/,
  },
  { name: '!!js/function tag', edit: setTitle('!!js/function "function () { window.__pwned = 1 }"'), path: 'title', at: /^title: !!js\/function/, message: /YAML tag (not allowed: tag:yaml\.org,2002:)?!?!?js\/function( is not allowed)?/ },
  { name: '!!python/object tag', edit: setTitle('!!python/object/apply:os.system ["id"]'), path: 'title', at: /^title: !!python/, message: /YAML tag .*not allowed|YAML tag not allowed/ },
  { name: 'local tag', edit: setTitle('!evil bar'), path: 'title', at: /^title: !evil/, message: /YAML tag (not allowed: )?!evil/ },
  { name: '%TAG directive', edit: (y) => `%TAG !e! tag:evil.example,2000:\n---\n${setTitle('!e!x bar')(y)}`, path: 'title', at: /^title: !e!x/, message: /YAML tag .*not allowed|YAML tag not allowed/ },
  { name: '!!set tag', edit: setTitle('!!set {a, b}'), path: 'title', at: /^title: !!set/, message: /must be text, not a mapping/ },
  { name: 'multi-document file', edit: (y) => `${y}\n---\ntitle: A second course\n`, path: '(file)', at: /^---$/, message: /holds more than one YAML document/ },
  { name: 'document end marker then a second document', edit: (y) => `${y}\n...\n---\nid: other\n`, path: '(file)', at: /^---$/, message: /holds more than one YAML document/ },
  {
    name: '__proto__ key',
    edit: (y) => y.replace(/^organisation: .*$/m, '$&\n__proto__: {polluted: 1, audience: patient}'),
    path: '__proto__',
    at: /^__proto__:/,
    message: /unknown key "__proto__"/,
  },
  {
    name: 'nested __proto__ and constructor keys',
    edit: (y) => y.replace(/^ {2}code: .*$/m, '$&\n  __proto__: {polluted: 1}\n  constructor: {prototype: {polluted: 1}}'),
    path: 'document.__proto__',
    at: /^ {2}__proto__:/,
    message: /unknown key "__proto__"/,
  },
  { name: 'duplicate key', edit: (y) => y.replace(/^organisation: .*$/m, '$&\norganisation: Someone else'), path: 'organisation', at: /^organisation: Someone else$/, message: /duplicate key/ },
  // The line is checked in a separate (known-bug) test below.
  { name: 'complex key', edit: (y) => y.replace(/^organisation: .*$/m, '$&\n? [a, b]\n: x'), path: '"[ a, b ]"', at: 'anywhere', message: /unknown key "\[ a, b \]"/ },
  { name: 'double-quoted escape: bidi override', edit: setTitle('"abc\\u202Eexe.pdf"'), path: 'title', at: /^title: "abc/, message: CONTROL_MESSAGE },
  { name: 'double-quoted escape: ESC and BEL', edit: setTitle('"\\e]0;pwned\\a"'), path: 'title', at: /^title: "\\e/, message: CONTROL_MESSAGE },
  { name: 'double-quoted escape: NUL', edit: setTitle('"a\\0b"'), path: 'title', at: /^title: "a\\0b"$/, message: CONTROL_MESSAGE },
  { name: 'double-quoted escape: NEL', edit: setTitle('"a\\Nb"'), path: 'title', at: /^title: "a\\Nb"$/, message: CONTROL_MESSAGE },
  { name: '10 000-character word', edit: setTitle('w'.repeat(10_000)), path: 'title', at: /^title: w+$/, message: /is longer than 200 characters|the limit is 200/ },
  { name: 'byte-order mark', edit: (y) => `\uFEFF${y}`, path: '(file)', at: 'file-start', message: /byte-order mark/ },
  { name: 'tab indentation', edit: (y) => y.replace(/^ {2}code: /m, '\tcode: '), path: '(file)', at: /^\tcode: /, message: /tab/ },
];

describe('YAML-level hostile input through the real loader', { timeout: 20_000 }, () => {
  it.each(REFUSED.map((c) => [c.name, c] as const))('refuses: %s', (_name, c) => {
    const { result, yaml, ms } = load(c.edit);
    expect(ms).toBeLessThan(1_000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const d of result.diagnostics) expectWellFormed(d);
    const d = result.diagnostics.find((x) => c.message.test(x.message));
    expect(d, JSON.stringify(result.diagnostics)).toBeDefined();
    if (!d) return;
    if (c.path !== '(file)' || d.path !== '(file)') expect(d.path).toBe(c.path);
    if (c.at !== 'anywhere') expect(d.line).toBe(c.at === 'file-start' ? 1 : lineOf(yaml, c.at));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('accepts unquoted NO as text (YAML 1.2 has no "Norway problem")', () => {
    const { result } = load(setTitle('NO'));
    expect(result.ok && result.loaded.course.title).toBe('NO');
  });

  it('accepts !!str 1e3 as the text "1e3"', () => {
    const { result } = load(setTitle('!!str 1e3'));
    expect(result.ok && result.loaded.course.title).toBe('1e3');
  });

  it('accepts anchors and aliases; aliased text stays literal', () => {
    const { result } = load((y) => y.replace(/^title: .*$/m, 'title: &t "<b>{{title}}</b> *t &t"').replace(/^subtitle: .*$/m, 'subtitle: *t'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.loaded.course.title).toBe('<b>{{title}}</b> *t &t');
    expect(result.loaded.course.subtitle).toBe('<b>{{title}}</b> *t &t');
  });

  it('refuses an alias bomb quickly', () => {
    const levels = 'abcdefghi'.split('');
    const bomb = levels.map((l, i) => `  - &${l} [${i === 0 ? 'lol,'.repeat(9) + 'lol' : Array(10).fill(`*${levels[i - 1]}`).join(',')}]`).join('\n');
    const { result, ms } = load((y) => y.replace(/^keywords:\n/m, `keywords:\n${bomb}\n`));
    expect(ms).toBeLessThan(1_000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const d of result.diagnostics) expectWellFormed(d);
    expect(result.diagnostics.map((d) => d.message).join('\n')).toMatch(/alias/);
  });

  it('refuses a self-referencing alias without looping', () => {
    const { result, ms } = load((y) => y.replace(/^ladder:\n/m, 'ladder: &l\n  self: *l\n'));
    expect(ms).toBeLessThan(1_000);
    expect(result.ok).toBe(false);
    if (!result.ok) for (const d of result.diagnostics) expectWellFormed(d);
  });

  it('refuses deeply nested flow collections without overflowing the stack', () => {
    const depth = 50_000;
    const { result, ms } = load(setTitle(`${'['.repeat(depth)}${']'.repeat(depth)}`));
    expect(ms).toBeLessThan(5_000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const d of result.diagnostics) expectWellFormed(d);
    expect(result.diagnostics.find((d) => d.path === 'title')?.message).toBe('must be text, not a list');
  });

  it('refuses a file over the size limit before parsing it', () => {
    const { result, ms } = load((y) => `${y}\n# ${'x'.repeat(600 * 1024)}\n`);
    expect(ms).toBeLessThan(1_000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.message).toMatch(/a course file may be at most/);
  });

  it('refuses bytes that are not UTF-8, at the bad byte', () => {
    const ws = sampleWorkspace();
    const file = join(ws.dir, 'course.yaml');
    const text = readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Bad \u0000');
    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.indexOf(0)] = 0xff;
    writeFileSync(file, bytes);
    const result = loadCourse(ws.dir, ws.root);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ line: lineOf(text, /^title: Bad/), column: 12, message: expect.stringMatching(/not valid UTF-8/) });
  });

  // Every corpus entry, written into one field of course.yaml by the yaml library (which quotes
  // and escapes as needed) and read back by the loader: accepted entries come back unchanged,
  // refused ones are refused at that field, with its line.
  it('round-trips every corpus entry through course.yaml', () => {
    const s = loadSample();
    const wrong: string[] = [];
    CORPUS.forEach((entry, i) => {
      const path = s.freeText[(i * 7) % s.freeText.length] ?? ['title'];
      let line = 0;
      const { result } = load((y) => {
        const doc = parseDocument(y);
        doc.setIn(path, entry.text);
        const out = doc.toString({ lineWidth: 0 });
        const before = out.indexOf(entry.text.split('\n')[0]?.slice(0, 20) ?? '');
        line = before < 0 ? 0 : out.slice(0, before).split('\n').length;
        return out;
      });
      const where = `${formatPath(path)} <- ${entry.name}`;
      if (entry.expect === 'accept') {
        if (!result.ok) wrong.push(`${where}: refused ${JSON.stringify(result.diagnostics)}`);
        else if (getAt(result.loaded.course, path) !== entry.text.trim()) wrong.push(`${where}: read back as ${JSON.stringify(getAt(result.loaded.course, path))}`);
      } else if (result.ok) {
        wrong.push(`${where}: accepted`);
      } else {
        const d = result.diagnostics.find((x) => x.path === formatPath(path));
        if (!d) wrong.push(`${where}: no diagnostic at the field ${JSON.stringify(result.diagnostics)}`);
        else if (line > 0 && d.line !== line && d.line !== line - 1) wrong.push(`${where}: diagnostic at line ${d.line}, value at line ${line}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  describe('images: technologies[0].image', () => {
    /** A 1×1 PNG. */
    const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    /** Loads the sample with an image on the first technology; `prepare` may add files to the course folder. */
    function withImage(src: string, alt: string, prepare?: (dir: string) => void) {
      let yaml = '';
      const ws = sampleWorkspace({
        edit: (y) => {
          const doc = parseDocument(y);
          doc.setIn(['technologies', 0, 'image'], { src, alt });
          return (yaml = doc.toString({ lineWidth: 0 }));
        },
      });
      mkdirSync(join(ws.dir, 'assets'), { recursive: true });
      writeFileSync(join(ws.dir, 'assets', 'device.png'), PNG);
      prepare?.(ws.dir);
      return { result: loadCourse(ws.dir, ws.root), yaml, ...ws };
    }

    const refusedSrc: [string, string, ((dir: string) => void)?][] = [
      ['http URL', 'http://evil.example/x.png'],
      ['protocol-relative URL', '//evil.example/x.png'],
      ['javascript: URL', 'javascript:window.__pwned=1//.png'],
      ['data: URL', 'data:image/png;base64,AAAA'],
      ['file: URL', 'file:///etc/hostname.png'],
      ['absolute path', '/etc/passwd.png'],
      ['Windows absolute path', 'C:\\Windows\\x.png'],
      ['parent folder', '../../../../etc/x.png'],
      ['backslash parent folder', 'assets\\..\\..\\x.png'],
      ['SVG file', 'assets/x.svg', (dir) => writeFileSync(join(dir, 'assets', 'x.svg'), `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"/>`)],
      ['missing file', 'assets/missing.png'],
      ['folder named .png', 'assets/folder.png', (dir) => mkdirSync(join(dir, 'assets', 'folder.png'))],
      ['symlink out of the course', 'assets/link.png', (dir) => symlinkSync('/etc/hostname', join(dir, 'assets', 'link.png'))],
    ];
    it.each(refusedSrc)('refuses src: %s', (_name, src, prepare) => {
      const { result, yaml } = withImage(src, 'Device', prepare);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      for (const d of result.diagnostics) expectWellFormed(d);
      const d = result.diagnostics.find((x) => x.path === 'technologies[0].image.src');
      expect(d, JSON.stringify(result.diagnostics)).toBeDefined();
      expect(d?.line).toBe(lineOf(yaml, /^ +src: /));
    });

    // The handout is the only place an image shows: alt goes into an attribute.
    const alts = CORPUS.filter((e) => e.expect === 'accept' && (e.class === 'html' || e.class === 'handlebars')).map((e) => [e.name, e] as [string, HostileEntry]);
    it.each(alts)('renders alt text literally in the handout: %s', (_name, entry) => {
      const handoutFor = (alt: string) => {
        const { dir, root } = withImage('assets/device.png', alt);
        const prepared = prepareCourse(dir, { today: TODAY, cwd: root, env: { SOURCE_DATE_EPOCH: EPOCH } });
        if (!prepared.ok) throw new Error(JSON.stringify(prepared.diagnostics));
        return compileHandout(prepared.course.input, prepared.course.templates, { fonts: () => '' }).html;
      };
      const hostile = handoutFor(entry.text);
      const base = handoutFor('ж'.repeat(entry.text.length));
      expect(handoutSignature(hostile)).toEqual(handoutSignature(base));
      const img = /<img class="technology-image" src="(data:image\/png;base64,[^"]+)" alt="([^"]*)">/.exec(hostile);
      expect(img?.[1]).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
      expect(collapse(decodeEntities(img?.[2] ?? ''))).toBe(collapse(entry.text));
    });

    // KNOWN BUG (reported): image.src has no character check in the schema and assets.ts quotes
    // it verbatim in every message ("… does not exist in the course folder"), so an escape
    // sequence in src reaches the terminal through `deckhand check`.
    it('src messages never carry control characters', () => {
      const { result } = withImage('assets/\u001b]0;pwned\u0007\u001b[2J.png', 'Device');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      for (const d of result.diagnostics) expect(d.message).not.toMatch(CONTROL_CHARS);
    });
  });

  describe('presentation: templates folder and theme named by the course', () => {
    function prepareWith(presentation: Record<string, string>, setup?: (dir: string) => void) {
      const ws = sampleWorkspace({
        edit: (y) => {
          const doc = parseDocument(y);
          doc.set('presentation', presentation);
          return doc.toString({ lineWidth: 0 });
        },
      });
      setup?.(ws.dir);
      return prepareCourse(ws.dir, { today: TODAY, cwd: ws.root, env: { SOURCE_DATE_EPOCH: EPOCH } });
    }
    const refused: [string, Record<string, string>, string][] = [
      ['templates above the course', { templates: '../..' }, 'presentation.templates'],
      ['templates at an absolute path', { templates: '/etc' }, 'presentation.templates'],
      ['theme with a path', { theme: '../../etc/passwd' }, 'presentation.theme'],
      ['theme that does not exist', { theme: 'no-such-theme' }, 'presentation.theme'],
      ['theme with markup', { theme: '<style>' }, 'presentation.theme'],
    ];
    it.each(refused)('refuses %s', (_name, presentation, path) => {
      const prepared = prepareWith(presentation);
      expect(prepared.ok).toBe(false);
      if (prepared.ok) return;
      for (const d of prepared.diagnostics) expectWellFormed(d);
      expect(prepared.diagnostics.map((d) => d.path)).toContain(path);
    });

    // KNOWN BUG (reported, low): the templates folder is checked with path.relative only, not
    // realpath (unlike images in assets.ts), so a symlink inside the course folder can point the
    // template set at any folder on the machine.
    it('refuses a templates folder that is a symlink out of the course', () => {
      const outside = join(sampleWorkspace().root, 'elsewhere');
      mkdirSync(join(outside, 'partials'), { recursive: true });
      const prepared = prepareWith({ templates: 'tpl' }, (dir) => symlinkSync(outside, join(dir, 'tpl')));
      expect(prepared.ok).toBe(false);
    });
  });

  // KNOWN BUG (reported): a YAML escape can put a lone UTF-16 surrogate into a string. The schema
  // accepts it, and marp-core's heading slugifier calls encodeURI on it, which throws
  // "URIError: URI malformed": the build crashes instead of refusing the course. Marked `fails`
  // to keep the suite green; remove `.fails` once the schema refuses ill-formed strings.
  it('a lone surrogate ("\\uD800") in a heading is refused or rendered, never a crash', () => {
    const { root, dir } = load(setTitle('"\\uD800 title"'));
    const prepared = prepareCourse(dir, { today: TODAY, cwd: root, env: { SOURCE_DATE_EPOCH: EPOCH } });
    if (!prepared.ok) {
      for (const d of prepared.diagnostics) expectWellFormed(d);
      expect(prepared.diagnostics.some((d) => d.path === 'title')).toBe(true);
      return;
    }
    const c = prepared.course;
    expect(() => compileDeck(c.input, c.templates, { fonts: () => '' })).not.toThrow();
    expect(() => compileHandout(c.input, c.templates, { fonts: () => '' })).not.toThrow();
  });

  // KNOWN BUG (reported, minor): a complex (non-scalar) key is reported at the start of the root
  // mapping (line of schemaVersion), not at the "? [a, b]" line: the source map cannot find it.
  it.fails('reports a complex key at its own line', () => {
    const { result, yaml } = load((y) => y.replace(/^organisation: .*$/m, '$&\n? [a, b]\n: x'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.line).toBe(lineOf(yaml, /^\? \[a, b\]$/));
  });

  it('unknown-key and enum messages never carry control characters from the file', () => {
    const { result } = load((y) => y.replace(/^organisation: .*$/m, '$&\n"\\e]0;pwned\\a\\e[2J": 1').replace(/^audience: .*$/m, 'audience: "\\e]0;pwned\\a"'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(2);
    for (const d of result.diagnostics) {
      expect(d.path).not.toMatch(CONTROL_CHARS);
      expect(d.message).not.toMatch(CONTROL_CHARS);
    }
  });

  // KNOWN BUG (reported): the cross-check message for an unknown ladder step
  // (src/content/cross-checks.ts, unknownStep) quotes the id verbatim, so an OSC/CSI escape in
  // procedures[].step or technologies[].steps[] reaches the terminal through `deckhand check`.
  it('reference messages never carry control characters from the file', () => {
    const { result } = load((y) => y.replace(/^ {4}step: injections$/m, '    step: "\\e]0;pwned\\a\\e[2J"'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.some((d) => d.path === 'procedures[0].step')).toBe(true);
    for (const d of result.diagnostics) expect(d.message).not.toMatch(CONTROL_CHARS);
  });
});
