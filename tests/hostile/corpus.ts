/**
 * The hostile-string corpus. Every entry is a string that course content could
 * hold; the suite puts each one into every string field of the sample course.
 *
 * `expect` is the decision for a free-text field (title, summary, notes, …):
 * - 'accept': the build succeeds and the text is shown literally (after the
 *   deck's whitespace collapsing): no slide, directive, element, request,
 *   script or template expansion comes from it;
 * - 'refuse': validation refuses it with a clear message naming the field
 *   (`refusal` matches that message).
 * Pattern fields (ids, dates, codes, enums, language, markets) refuse anything
 * that does not match their pattern; see harness.ts.
 *
 * `knownBug` marks an entry that currently fails one of the checks; the tests
 * for it run as `it.fails` so the suite stays green and flips red once fixed.
 * The README explains each one.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Every `{{…}}` / `{{{…}}}` expression and `<!-- … -->` marker written in the built-in templates. */
function templateExpressions(): string[] {
  const root = resolve(import.meta.dirname, '../../templates');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const found = new Set<string>();
  for (const file of files(root)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\{\{\{?[^{}]{1,60}\}?\}\}|<!--[^>]{1,60}-->/g)) found.add(m[0].replace(/\s+/g, ' '));
  }
  return [...found].sort();
}

/** Joins `parts` with spaces into strings of at most `max` characters (the shortest field limit is 160). */
function chunks(parts: string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    if (current && current.length + 1 + part.length > max) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${part}` : part.slice(0, max);
  }
  if (current) out.push(current);
  return out;
}

export type HostileClass = 'markdown' | 'html' | 'handlebars' | 'unicode' | 'yaml-lookalike' | 'shell';

export interface HostileEntry {
  name: string;
  text: string;
  class: HostileClass;
  expect: 'accept' | 'refuse';
  /** For 'refuse': the message for a free-text field. */
  refusal?: RegExp;
  /**
   * For entries with a known, reported problem: which test fails and why.
   * 'dom': the browser checks (browser.test.ts); 'xmp': the XMP metadata check
   * (browser.test.ts); 'footer', 'bookmark': the PDF stamp checks (pdf.test.ts).
   */
  knownBug?: { check: 'dom' | 'xmp' | 'footer' | 'bookmark'; why: string };
}

const accept = (cls: HostileClass, name: string, text: string, knownBug?: HostileEntry['knownBug']): HostileEntry => ({
  name,
  text,
  class: cls,
  expect: 'accept',
  ...(knownBug ? { knownBug } : {}),
});
const refuse = (cls: HostileClass, name: string, text: string, refusal: RegExp): HostileEntry => ({ name, text, class: cls, expect: 'refuse', refusal });

/** The refusal messages (the loader's wording, or the schema's where the loader passes it on). */
const CONTROL = /control|bidi|invisible character/;
const TOO_LONG = /is longer than \d+ characters|characters long; the limit is \d+/;

/** The payloads that would run script set this global; the browser checks it stays undefined. */
export const PWNED = '__pwned';

export const CORPUS: HostileEntry[] = [
  // --- Markdown and Marp syntax ---------------------------------------------------------------
  accept('markdown', 'slide break ---', '---'),
  accept('markdown', 'thematic break ***', '***'),
  accept('markdown', 'slide break between text', 'before\n\n---\n\nafter'),
  accept('markdown', 'Marp class directive', '<!-- _class: lead -->'),
  accept('markdown', 'Marp footer directive', '<!-- footer: x -->'),
  accept('markdown', 'Marp global directives in a comment', '<!--\ntheme: gaia\npaginate: false\n_backgroundColor: red\n-->'),
  accept('markdown', 'comment closer then directive', '--> <!-- _class: lead --> <!--'),
  accept('markdown', 'Marp background image', '![bg](http://evil.example/bg.png)'),
  accept('markdown', 'image with title', '![alt](https://evil.example/pixel.png "t") ![](data:image/png;base64,AAAA)'),
  accept('markdown', 'ATX heading', '# heading'),
  accept('markdown', 'heading with closing hashes', '## Heading ##'),
  accept('markdown', 'setext heading', 'Title\n==='),
  accept('markdown', 'table', '| a | b |\n|---|---|\n| 1 | 2 |'),
  accept('markdown', 'escaped pipes and backslashes', 'a \\| b \\\\| c \\ | d \\'),
  accept('markdown', 'fenced code', '```js\nwindow.__pwned = 1\n```'),
  accept('markdown', 'indented code after newline', 'x\n\n    indented code'),
  accept('markdown', 'inline and block math', '$x^2$ and $$\\frac{1}{2}$$'),
  accept('markdown', 'emphasis, links, autolinks', '**bold** _em_ ~~del~~ `code` [link](http://evil.example) <http://evil.example> https://evil.example www.evil.example'),
  accept('markdown', 'lists and quote', '- item\n> quote\n1. one\n+ plus'),
  accept('markdown', 'reference link definition', '[x]: http://evil.example\n[x] [x][]'),
  accept('markdown', 'emoji shortcodes', ':smile: :+1: :warning:'),
  accept('markdown', 'front-matter lookalike', '---\nmarp: true\ntheme: gaia\n---'),
  accept('markdown', 'HTML entities', '&lt;script&gt; &amp; &#x3C;b&#x3E; &nbsp; &copy;'),
  accept('markdown', 'Marp fit heading and size', '<!--fit--> <!-- size: 4:3 --> <!-- _paginate: false -->'),

  // --- HTML and script ------------------------------------------------------------------------
  accept('html', 'script element', `<script>window.${PWNED}=1</script>`),
  accept('html', 'img onerror', `<img src=x onerror="window.${PWNED}=1">`),
  accept('html', 'style element with remote url', '<style>body{display:none;background:url(http://evil.example/s.png)}</style>'),
  accept('html', 'iframe javascript: src', `<iframe src="javascript:parent.${PWNED}=1"></iframe>`),
  accept('html', 'javascript: link', `<a href="javascript:window.${PWNED}=1">click</a> [md](javascript:window.${PWNED}=1)`),
  accept('html', 'SVG with script and onload', `<svg onload="window.${PWNED}=1"><script>window.${PWNED}=1</script></svg>`),
  accept('html', 'attribute breakout (double quote)', `"><img src=x onerror=window.${PWNED}=1>`),
  accept('html', 'attribute breakout (single quote, backtick)', `' onmouseover='window.${PWNED}=1' \` x=\``),
  accept('html', 'raw-text breakout', `</title></style></textarea></script><script>window.${PWNED}=1</script>`),
  accept('html', 'noscript mXSS', `<noscript><p title="</noscript><img src=x onerror=window.${PWNED}=1>">`),
  accept('html', 'CSS breakout', 'x;background:url(http://evil.example/c.png)} </style><style>*{color:red}'),
  accept('html', 'base and meta refresh', '<base href="http://evil.example/"><meta http-equiv="refresh" content="0;url=http://evil.example/">'),
  accept('html', 'CDATA and XML', ']]><![CDATA[<x>]]> <?xml version="1.0"?> <!DOCTYPE x>'),
  accept('html', 'link and object', '<link rel=stylesheet href=http://evil.example/x.css><object data=http://evil.example/o></object>'),

  // --- Handlebars -----------------------------------------------------------------------------
  accept('handlebars', 'double stash', '{{x}} {{title}} {{@root.title}}'),
  accept('handlebars', 'triple stash', '{{{x}}} {{{marpHtml}}}'),
  accept('handlebars', 'partial call', '{{> partial}} {{> deck/title}}'),
  accept('handlebars', '__proto__', '__proto__'),
  accept('handlebars', 'constructor', 'constructor'),
  accept('handlebars', 'prototype walk', '{{constructor.constructor "return process"}} {{lookup this "__proto__"}}'),
  accept('handlebars', 'block helpers and comments', '{{#each this}}{{@key}}{{/each}} {{!-- c --}} \\{{raw}}'),
  accept('handlebars', 'other template syntaxes', '${title} #{x} <%= x %> {% x %}'),

  // --- Unicode --------------------------------------------------------------------------------
  refuse('unicode', 'right-to-left override', 'abc\u202Eexe.pdf', CONTROL),
  refuse('unicode', 'bidi isolate', 'a\u2066b\u2069c', CONTROL),
  // UAX #9 / UTS #39: the implicit marks reorder text too ("\u061C5 10 mg" prints as "10 5 mg").
  refuse('unicode', 'arabic letter mark', 'The maximum dose is \u061C5 10 mg', CONTROL),
  refuse('unicode', 'left-to-right mark', 'dose\u200E 10 mg', CONTROL),
  refuse('unicode', 'right-to-left mark', 'dose\u200F 10 mg', CONTROL),
  accept('unicode', 'zero-width joiner', 'family 👩\u200D👩\u200D👧 and a\u200Db'),
  accept('unicode', 'zero-width space and non-joiner', 'a\u200Bb\u200Cc\u2060d'),
  accept('unicode', 'combining marks', 'Z\u0338\u0322\u031Ba\u0335l\u0337g\u0336o\u0334 e\u0301'),
  accept('unicode', 'emoji', '💉🩺 ✅ 🏳️‍🌈 🇹🇷'),
  accept('unicode', 'CJK', '介入疼痛管理 インターベンション 통증 관리'),
  accept('unicode', 'right-to-left script', 'מרפאה وعيادة الألم'),
  accept('unicode', 'line and paragraph separators', 'a\u2028b\u2029c'),
  accept('unicode', 'non-breaking and ideographic spaces', 'a\u00A0b\u3000c\u202Fd'),
  accept('unicode', 'astral letters', '𝐀𝐁𝐂 𝔘𝔫𝔦 𓀀'),
  refuse('unicode', 'noncharacters', 'a\uFFFEb\uFFFFc\uFDD0d', /invisible character U\+FFFE/),
  accept('unicode', 'long word within limits', 'W'.repeat(160)),
  refuse('unicode', '10 000-character word', 'w'.repeat(10_000), TOO_LONG),
  refuse('unicode', 'NUL', 'a\u0000b', CONTROL),
  refuse('unicode', 'ANSI escape', '\u001B[31mred\u001B[0m \u001B]0;title\u0007', CONTROL),
  refuse('unicode', 'C1 control', 'a\u009Bb\u0085c', CONTROL),
  refuse('unicode', 'byte-order mark inside text', 'a\uFEFFb', CONTROL),
  refuse('unicode', 'carriage return', 'a\rb', CONTROL),

  // --- YAML lookalikes as string values (the raw-YAML forms are in YAML_CASES) ---------------
  accept('yaml-lookalike', 'Norway', 'NO'),
  accept('yaml-lookalike', 'number-like', '1e3'),
  accept('yaml-lookalike', 'tilde', '~'),
  accept('yaml-lookalike', 'anchors and aliases', '&a x *a <<: *a'),
  accept('yaml-lookalike', 'tags', '!!js/function "function () { window.__pwned = 1 }" !!python/object:os.system'),
  accept('yaml-lookalike', 'document markers', '---\n...\n%YAML 1.2'),

  // --- deckhand's own conventions: shell element ids, continuation headings ---------------------
  accept(
    'shell',
    'heading id "deckhand-notes"',
    'deckhand notes',
  ),
  accept('shell', 'continuation suffix', 'Results (1/2)'),
  accept('shell', 'FAQ continuation suffix', 'Question (continued)'),
  // Every placeholder and sentinel the code and the templates use: none may change the output.
  accept('shell', 'font placeholder', 'Pain /* deckhand:font-faces */ Management'),
  accept('shell', 'code sentinels', '/* deckhand:font-faces */ /* @theme clinical */ <!-- Notes: x --> urn:deckhand:xmp:1.0# <deckhand:course>x</deckhand:course> deckhand-notes'),
  accept('shell', 'replacement patterns', "$& $' $` $1 $$ $<name>"),
  ...chunks(templateExpressions(), 150).map((text, i) => accept('shell', `template expressions ${i + 1}`, text)),
  accept(
    'shell',
    'heading id "deckhand-live"',
    'Deckhand Live',
  ),
];

export const ACCEPTED = CORPUS.filter((e) => e.expect === 'accept');
export const REFUSED = CORPUS.filter((e) => e.expect === 'refuse');

/**
 * Raw YAML cases: `yaml` replaces the sample's `title:` line (or is appended as
 * a whole document part); the test runs the real loader on a temp workspace.
 */
export interface YamlCase {
  name: string;
  /** Edits the sample course.yaml text. */
  edit: (yaml: string) => string;
  expect: { ok: true; check?: (course: Record<string, unknown>) => void } | { ok: false; path: string | RegExp; message: RegExp };
}
