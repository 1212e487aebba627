/**
 * Generates the bad-input corpus: `tests/bad-input/cases/<case>/course.yaml` + `case.json`.
 *
 * Each case is the sample course (decks/interventional-pain-management/course.yaml)
 * with ONE deliberate defect, so that the diagnostics are about that defect only
 * (54-several-problems combines defects on purpose, to show that every problem is
 * reported at once). In every case the course `id` is set to the case folder name,
 * and the `$schema` line is re-pointed four levels up to the repository's
 * schema/course.schema.json, so that neither causes an error of its own, except in
 * the cases that test exactly that.
 *
 * `case.json` describes the case for bad-input.test.ts:
 *   about        what is broken, in one sentence
 *   fields       field paths the diagnostics must name (a diagnostic "names" a field
 *                when its path is that field or lies inside it)
 *   alsoFields   further fields that may legitimately be reported as a consequence
 *                (e.g. a misspelt key also makes the real key "required")
 *   line         a diagnostic must point at this line (where the defect is written)
 *   knownIssues  checks of bad-input.test.ts that currently fail because of a loader
 *                shortcoming, each with a description. Those checks run as
 *                `it.fails`: once the loader is fixed they start failing, and the entry
 *                must be removed here (and the golden refreshed).
 *
 * The generated files are committed fixtures; the test reads only the case folders,
 * never this script. Non-UTF-8 bytes and the BOM are real bytes in the files. After
 * changing a case (or the sample course), regenerate and refresh the golden files:
 *
 *   npx tsx tests/bad-input/make-cases.mts
 *   UPDATE_GOLDEN=1 npx vitest run tests/bad-input
 *
 * then review the diff of every `expected.txt` (that is what the goldens are for).
 * Case folders that are no longer listed below are deleted; `expected.txt` files of
 * existing cases are left alone.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const casesDir = join(here, 'cases');
const sample = readFileSync(join(repoRoot, 'decks/interventional-pain-management/course.yaml'), 'utf8');

/** Checks of bad-input.test.ts that a case can mark as currently failing (see README.md). */
type Check = 'field' | 'line' | 'unrelated' | 'repeated' | 'printable' | 'wording';

interface Case {
  name: string;
  about: string;
  fields: string[];
  alsoFields?: string[];
  /** Text whose first occurrence in the finished file marks the line a diagnostic must point at. */
  at: string;
  knownIssues?: Partial<Record<Check, string>>;
  /** Text edit applied to the prepared sample; return a Buffer for byte-level defects. */
  edit: (text: string) => string | Buffer;
  /** Skip the standard `id` / `$schema` preparation (for the cases about exactly that). */
  keepId?: boolean;
  keepSchemaLine?: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces `from` (which must occur exactly once) with `to`. */
function swap(text: string, from: string | RegExp, to: string): string {
  const pattern = typeof from === 'string' ? new RegExp(escapeRegExp(from), 'g') : new RegExp(from.source, `${from.flags.replace('g', '')}g`);
  const count = (text.match(pattern) ?? []).length;
  if (count !== 1) throw new Error(`expected exactly one match of ${String(from)}, found ${count}`);
  return text.replace(pattern, () => to);
}

/** Replaces the UTF-8 bytes of `from` (which must occur exactly once) with the raw bytes `to`. */
function swapBytes(text: string, from: string, to: Buffer): Buffer {
  swap(text, from, from); // checks "exactly once"
  const bytes = Buffer.from(text, 'utf8');
  const at = bytes.indexOf(Buffer.from(from, 'utf8'));
  return Buffer.concat([bytes.subarray(0, at), to, bytes.subarray(at + Buffer.byteLength(from, 'utf8'))]);
}

/** The first lines of the sample: the $schema line and the header comments. */
const header = (t: string) => `${t.split('\n').slice(0, 6).join('\n')}\n`;

const BILLION_LAUGHS = [
  'keywords:',
  '  - &a lol',
  ...'bcdefghi'.split('').map((name, i) => `  - &${name} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
  '',
].join('\n');

const SYNTAX_CASCADE = 'After this YAML syntax error the parser recovers into a different structure, and schema errors about that structure (fields "required", wrong types) are reported too, sorted before the real error.';

const CASES: Case[] = [
  // --- YAML syntax -----------------------------------------------------------
  {
    name: '01-syntax-unclosed-quote',
    about: 'A double quote that is never closed (title: "Interventional Pain Management).',
    fields: ['title'],
    at: 'title: "Interventional',
    edit: (t) => swap(t, 'title: Interventional Pain Management', 'title: "Interventional Pain Management'),
  },
  {
    name: '02-syntax-bad-indentation',
    about: 'document.version indented by 3 spaces where its siblings use 2.',
    fields: ['document.version'],
    at: '   version: "1.0"',
    knownIssues: {
      line: 'The errors point at line 18 (document.code), not at line 19 where the mis-indented key is.',
      unrelated: `${SYNTAX_CASCADE} Here: "document.prepared is required" (it is present on line 20), "document.code must be text, not a mapping", and the syntax errors carry the made-up path document.code."INV-PM-TRN-0142 version". Nothing says "indentation".`,
    },
    edit: (t) => swap(t, '  version: "1.0"', '   version: "1.0"'),
  },
  {
    name: '03-syntax-colon-in-plain-text',
    about: 'An unquoted value that contains ": " (subtitle: Chronic pain: a stepwise ...), which YAML reads as a nested mapping.',
    fields: ['subtitle'],
    at: 'subtitle: Chronic pain:',
    edit: (t) => swap(t, 'subtitle: A stepwise, multidisciplinary framework for chronic pain care', 'subtitle: Chronic pain: a stepwise, multidisciplinary framework'),
  },
  {
    name: '04-tab-indent',
    about: 'A tab instead of two spaces before document.code.',
    fields: ['document.code'],
    at: '\tcode:',
    knownIssues: {
      field: 'The tab error is reported with the field "(file)", not document.code; the other diagnostics name a top-level "code" key.',
      unrelated: `${SYNTAX_CASCADE} Here one tab gives 10 diagnostics: disclaimer/ladder/review/team "required" at 8:1, document "must be a mapping ... not nothing", an unknown top-level key "code" with the full list of allowed keys, and three more syntax errors with the made-up path code."INV-PM-TRN-0142 version".`,
    },
    edit: (t) => swap(t, '  code: INV-PM-TRN-0142', '\tcode: INV-PM-TRN-0142'),
  },
  {
    name: '05-unclosed-flow-list',
    about: 'A flow list that is never closed (markets: [GLOBAL, TR, DE).',
    fields: ['markets'],
    at: 'markets: [GLOBAL',
    knownIssues: {
      line: 'The error points at 15:1 (the organisation line, where the parser noticed), not at line 14 where the "[" is opened.',
    },
    edit: (t) => swap(t, 'markets: [GLOBAL, TR, DE]', 'markets: [GLOBAL, TR, DE'),
  },
  // --- duplicate keys --------------------------------------------------------
  {
    name: '06-duplicate-key',
    about: 'The top-level key title appears a second time, after audience.',
    fields: ['title'],
    at: 'title: Interventional Pain Management (HCP)',
    edit: (t) => swap(t, 'audience: hcp\n', 'audience: hcp\ntitle: Interventional Pain Management (HCP)\n'),
  },
  {
    name: '07-duplicate-key-nested',
    about: 'procedures[2] (joint-injection) has a second name: key, after step:.',
    fields: ['procedures[2].name'],
    at: '    name: Facet or peripheral joint injection',
    edit: (t) => swap(
      t,
      '    kind: diagnostic-therapeutic\n    step: injections\n    purpose: >-\n      Targets',
      '    kind: diagnostic-therapeutic\n    step: injections\n    name: Facet or peripheral joint injection\n    purpose: >-\n      Targets',
    ),
  },
  // --- wrong types -----------------------------------------------------------
  {
    name: '08-number-for-string',
    about: 'document.version written as an unquoted number (version: 1.0), which YAML reads as the number 1.',
    fields: ['document.version'],
    at: 'version: 1.0',
    edit: (t) => swap(t, 'version: "1.0"', 'version: 1.0'),
  },
  {
    name: '09-string-for-list',
    about: 'markets given as a single value (markets: DE) instead of a list.',
    fields: ['markets'],
    at: 'markets: DE',
    edit: (t) => swap(t, 'markets: [GLOBAL, TR, DE]', 'markets: DE'),
  },
  {
    name: '10-list-for-mapping',
    about: 'document written as a list instead of a mapping with code, version and prepared.',
    fields: ['document'],
    at: '  - INV-PM-TRN-0142',
    edit: (t) => swap(t, 'document:\n  code: INV-PM-TRN-0142\n  version: "1.0"\n  prepared: "2026-11-02"\n', 'document:\n  - INV-PM-TRN-0142\n  - "1.0"\n  - "2026-11-02"\n'),
  },
  {
    name: '11-null-value',
    about: 'title set to null (title: ~).',
    fields: ['title'],
    at: 'title: ~',
    edit: (t) => swap(t, 'title: Interventional Pain Management', 'title: ~'),
  },
  {
    name: '12-number-for-date',
    about: 'review.expires written as a bare number (expires: 20271130).',
    fields: ['review.expires'],
    at: 'expires: 20271130',
    edit: (t) => swap(t, 'expires: "2027-11-30"', 'expires: 20271130'),
  },
  {
    name: '13-wrong-schema-version',
    about: 'schemaVersion: 2 (only 1 exists).',
    fields: ['schemaVersion'],
    at: 'schemaVersion: 2',
    edit: (t) => swap(t, 'schemaVersion: 1', 'schemaVersion: 2'),
  },
  {
    name: '14-quoted-schema-version',
    about: 'schemaVersion: "1" (quoted, so text rather than the number 1).',
    fields: ['schemaVersion'],
    at: 'schemaVersion: "1"',
    edit: (t) => swap(t, 'schemaVersion: 1', 'schemaVersion: "1"'),
  },
  // --- missing fields --------------------------------------------------------
  {
    name: '15-missing-field',
    about: 'The required top-level field organisation is missing.',
    fields: ['organisation'],
    at: 'schemaVersion: 1',
    edit: (t) => swap(t, 'organisation: INVAMED\n', ''),
  },
  {
    name: '16-missing-nested-field',
    about: 'faq[1] (faq-who-performs) has a question but no answer.',
    fields: ['faq[1].answer'],
    at: '- id: faq-who-performs',
    edit: (t) => swap(t, /    answer: >-\n      Trained physicians[^\n]*\n[^\n]*\n      setting\.\n/, ''),
  },
  {
    name: '17-missing-section',
    about: 'The whole review: section is missing.',
    fields: ['review'],
    at: 'schemaVersion: 1',
    edit: (t) => swap(t, /# Review metadata[\s\S]*?(?=\ndisclaimer:)/, ''),
  },
  {
    name: '18-missing-enum-field',
    about: 'The required field audience (one of hcp, patient, internal) is missing.',
    fields: ['audience'],
    at: 'schemaVersion: 1',
    edit: (t) => swap(t, 'audience: hcp\n', ''),
  },
  // --- unknown keys ----------------------------------------------------------
  {
    name: '19-unknown-key-did-you-mean',
    about: 'title misspelt as titel (so title is also missing).',
    fields: ['titel', 'title'],
    at: 'titel:',
    edit: (t) => swap(t, 'title: Interventional Pain Management', 'titel: Interventional Pain Management'),
  },
  {
    name: '20-unknown-nested-key',
    about: 'procedures[1] has a key the schema does not know (duration), with no close match.',
    fields: ['procedures[1].duration'],
    at: 'duration: 20 minutes',
    edit: (t) => swap(t, '    step: injections\n    purpose: >-\n      May help clarify', '    step: injections\n    duration: 20 minutes\n    purpose: >-\n      May help clarify'),
  },
  {
    name: '21-merge-key',
    about: 'A YAML merge key (<<: *injection-defaults) used to share fields between procedures; merge keys are not supported.',
    fields: ['procedures[1]'],
    at: '<<: *injection-defaults',
    edit: (t) => swap(
      swap(t, '  - id: medial-branch-block\n', '  - &injection-defaults\n    id: medial-branch-block\n'),
      '  - id: epidural-injection\n    name: Epidural injection\n    kind: diagnostic-therapeutic\n    step: injections\n',
      '  - <<: *injection-defaults\n    id: epidural-injection\n    name: Epidural injection\n    kind: diagnostic-therapeutic\n',
    ),
  },
  // --- dates -----------------------------------------------------------------
  {
    name: '22-date-impossible',
    about: 'document.prepared is 2026-02-30, a day that does not exist.',
    fields: ['document.prepared'],
    at: 'prepared: "2026-02-30"',
    edit: (t) => swap(t, 'prepared: "2026-11-02"', 'prepared: "2026-02-30"'),
  },
  {
    name: '23-date-bad-format',
    about: 'document.prepared written as 02.11.2026 instead of YYYY-MM-DD.',
    fields: ['document.prepared'],
    at: 'prepared: "02.11.2026"',
    edit: (t) => swap(t, 'prepared: "2026-11-02"', 'prepared: "02.11.2026"'),
  },
  {
    name: '24-expiry-before-preparation',
    about: 'review.expires (2026-10-30) is before document.prepared (2026-11-02).',
    fields: ['review.expires'],
    at: 'expires: "2026-10-30"',
    edit: (t) => swap(t, 'expires: "2027-11-30"', 'expires: "2026-10-30"'),
  },
  {
    name: '25-reviewer-date-before-preparation',
    about: 'review.reviewers[0].date (2026-10-16) is before document.prepared (2026-11-02).',
    fields: ['review.reviewers[0].date'],
    at: 'date: "2026-10-16"',
    edit: (t) => swap(t, 'date: "2026-11-16"', 'date: "2026-10-16"'),
  },
  // --- enums, codes, ids -----------------------------------------------------
  {
    name: '26-unknown-audience',
    about: 'audience: HCP (upper case; the allowed values are hcp, patient, internal).',
    fields: ['audience'],
    at: 'audience: HCP',
    edit: (t) => swap(t, 'audience: hcp', 'audience: HCP'),
  },
  {
    name: '27-unknown-procedure-kind',
    about: 'procedures[4].kind is "treatment", not one of the three kinds.',
    fields: ['procedures[4].kind'],
    at: 'kind: treatment',
    edit: (t) => swap(t, '    name: Radiofrequency (RF) denervation\n    kind: therapeutic', '    name: Radiofrequency (RF) denervation\n    kind: treatment'),
  },
  {
    name: '28-bad-language-tag',
    about: 'language: en_GB (BCP 47 uses a hyphen: en-GB).',
    fields: ['language'],
    at: 'language: en_GB',
    edit: (t) => swap(t, 'language: en', 'language: en_GB'),
  },
  {
    name: '29-bad-market-code',
    about: 'markets[2] is "de" (lower case) instead of the ISO code DE.',
    fields: ['markets[2]'],
    at: 'markets: [GLOBAL, TR, de]',
    edit: (t) => swap(t, 'markets: [GLOBAL, TR, DE]', 'markets: [GLOBAL, TR, de]'),
  },
  {
    name: '30-bad-id-slug',
    about: 'procedures[0].id is Medial_Branch_Block (upper case and underscores).',
    fields: ['procedures[0].id'],
    at: '- id: Medial_Branch_Block',
    edit: (t) => swap(t, '- id: medial-branch-block', '- id: Medial_Branch_Block'),
  },
  {
    name: '31-id-folder-mismatch',
    about: 'id is interventional-pain-management but the folder is 31-id-folder-mismatch (a copied course whose id was not changed).',
    fields: ['id'],
    at: 'id: interventional-pain-management',
    keepId: true,
    edit: (t) => t,
  },
  // --- ladder and references -------------------------------------------------
  {
    name: '32-empty-ladder',
    about: 'ladder.steps is an empty list (so every procedure and technology step reference dangles too).',
    fields: ['ladder.steps'],
    alsoFields: ['procedures', 'technologies'],
    at: 'steps: []',
    edit: (t) => swap(t, /  steps:\n    - id: conservative-care[\s\S]*?(?=\n# Each procedure)/, '  steps: []\n'),
  },
  {
    name: '33-duplicate-step-ids',
    about: 'ladder.steps[1] reuses the id conservative-care of ladder.steps[0].',
    fields: ['ladder.steps[1].id'],
    at: '- id: conservative-care\n      title: Medication',
    edit: (t) => swap(t, '- id: medication-management', '- id: conservative-care'),
  },
  {
    name: '34-duplicate-procedure-ids',
    about: 'procedures[2] reuses the id epidural-injection of procedures[1].',
    fields: ['procedures[2].id'],
    at: '- id: epidural-injection\n    name: Joint',
    edit: (t) => swap(t, '- id: joint-injection', '- id: epidural-injection'),
  },
  {
    name: '35-procedure-unknown-step',
    about: 'procedures[4].step is radio-frequency; the ladder step id is radiofrequency.',
    fields: ['procedures[4].step'],
    at: 'step: radio-frequency',
    edit: (t) => swap(t, '    step: radiofrequency\n', '    step: radio-frequency\n'),
  },
  {
    name: '36-technology-unknown-step',
    about: 'technologies[1].steps[1] refers to a ladder step "ablation" that does not exist.',
    fields: ['technologies[1].steps[1]'],
    at: 'steps: [radiofrequency, ablation]',
    edit: (t) => swap(t, 'steps: [radiofrequency]', 'steps: [radiofrequency, ablation]'),
  },
  // --- text content ----------------------------------------------------------
  {
    name: '37-empty-string',
    about: 'organisation is an empty string.',
    fields: ['organisation'],
    at: 'organisation: ""',
    edit: (t) => swap(t, 'organisation: INVAMED', 'organisation: ""'),
  },
  {
    name: '38-text-too-long',
    about: 'disclaimer.short is 185 characters (the footer limit is 160).',
    fields: ['disclaimer.short'],
    at: '  short: For educational use',
    edit: (t) => swap(
      t,
      'short: For educational use by healthcare professionals only. Not medical advice. Refer to the IFU.',
      'short: For educational use by healthcare professionals only. Not medical advice. Refer to the IFU for each device and consult a licensed physician before any individual treatment decision.',
    ),
  },
  {
    name: '39-control-character',
    about: 'A raw BEL control character (U+0007, byte 0x07) pasted into the title.',
    fields: ['title'],
    at: 'title: Interventional\u0007',
    edit: (t) => swap(t, 'title: Interventional Pain Management', 'title: Interventional\u0007 Pain Management'),
  },
  {
    name: '40-control-character-escape',
    about: 'A control character written as a YAML escape ("\\a", U+0007) in ladder.steps[0].title.',
    fields: ['ladder.steps[0].title'],
    at: 'title: "Conservative care\\a"',
    edit: (t) => swap(t, 'title: Conservative care', 'title: "Conservative care\\a"'),
  },
  {
    name: '41-bidi-override',
    about: 'A right-to-left override (U+202E) hidden in faq[0].question.',
    fields: ['faq[0].question'],
    at: '\u202Ereplace',
    edit: (t) => swap(t, 'question: Does interventional pain management replace', 'question: Does interventional pain management \u202Ereplace'),
  },
  {
    name: '42-bidi-override-in-key',
    about: 'A right-to-left override (U+202E) inside a key (sub<U+202E>title), which therefore is an unknown key that looks exactly like "subtitle".',
    fields: ['subtitle'],
    at: 'sub\u202Etitle:',
    edit: (t) => swap(t, 'subtitle: A stepwise', 'sub\u202Etitle: A stepwise'),
  },
  // --- file-level problems ---------------------------------------------------
  {
    name: '43-multi-document',
    about: 'A second YAML document (after a second "---") appended to the course.',
    fields: ['(file)'],
    at: '---\nid: second-course',
    edit: (t) => `${t}---\nid: second-course\ntitle: Another course\n`,
  },
  {
    name: '44-yaml-tag',
    about: 'A language-specific YAML tag (title: !!js/function ...).',
    fields: ['title'],
    at: 'title: !!js/function',
    edit: (t) => swap(t, 'title: Interventional Pain Management', 'title: !!js/function "function () { return process.exit(1) }"'),
  },
  {
    name: '45-alias-bomb',
    about: 'A "billion laughs" list in keywords: nested aliases that would expand to 10^8 strings. Must be refused fast, not hang.',
    fields: ['keywords'],
    at: '  - &b [',
    edit: (t) => swap(t, /keywords:\n(?: {2}[^\n]*\n)+/, BILLION_LAUGHS),
  },
  {
    name: '46-empty-course',
    about: 'A course file holding only the $schema line and comments.',
    fields: ['(file)'],
    at: '# yaml-language-server',
    edit: (t) => header(t),
  },
  {
    name: '47-top-level-list',
    about: 'The course is a YAML list instead of a mapping.',
    fields: ['(file)'],
    at: '- schemaVersion: 1',
    edit: (t) => `${header(t)}- schemaVersion: 1\n- title: Interventional Pain Management\n`,
  },
  // --- encoding --------------------------------------------------------------
  {
    name: '48-non-utf8-bytes',
    about: 'keywords[6] holds a Windows-1252 byte (0xDF for the "ß" of "Maßnahmen"), as written by an editor that does not save UTF-8.',
    fields: ['keywords[6]'],
    at: 'Interventionelle Schmerztherapie',
    edit: (t) => swapBytes(t, 'Maßnahmen', Buffer.from('Ma\xdfnahmen', 'latin1')),
  },
  {
    name: '49-utf8-bom',
    about: 'The file starts with a UTF-8 byte-order mark (EF BB BF).',
    fields: ['(file)'],
    at: '# yaml-language-server',
    edit: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
  },
  {
    name: '50-crlf-line-endings',
    about: 'A file saved with Windows (CRLF) line endings, itself fine, with document.version written as a number; the position must still be right.',
    fields: ['document.version'],
    at: 'version: 1.0',
    edit: (t) => swap(t, 'version: "1.0"', 'version: 1.0').replace(/\n/g, '\r\n'),
  },
  // --- $schema line ----------------------------------------------------------
  {
    name: '51-schema-line-missing-file',
    about: 'The $schema line still says ../../schema/course.schema.json (copied from decks/), which does not exist from this folder.',
    fields: ['$schema'],
    at: '# yaml-language-server',
    keepSchemaLine: true,
    edit: (t) => t,
  },
  {
    name: '52-schema-line-url',
    about: 'The $schema line points to a URL instead of the local schema file.',
    fields: ['$schema'],
    at: '# yaml-language-server',
    keepSchemaLine: true,
    edit: (t) => swap(t, '$schema=../../schema/course.schema.json', '$schema=https://example.com/course.schema.json'),
  },
  {
    name: '53-schema-line-empty',
    about: 'The $schema line names no file ($schema= with nothing after it).',
    fields: ['$schema'],
    at: '# yaml-language-server',
    keepSchemaLine: true,
    edit: (t) => swap(t, '$schema=../../schema/course.schema.json', '$schema='),
  },
  // --- several problems at once ----------------------------------------------
  {
    name: '54-several-problems',
    about: 'Four unrelated problems at once (audience, document.version, a misspelt key in faq[2], a dangling procedure step); all must be reported, in file order.',
    fields: ['audience', 'document.version', 'procedures[5].step', 'faq[2].anwser'],
    alsoFields: ['faq[2].answer'],
    at: 'audience: physicians',
    edit: (t) => {
      let out = swap(t, 'audience: hcp', 'audience: physicians');
      out = swap(out, 'version: "1.0"', 'version: 1.0');
      out = swap(out, '    answer: >-\n      A qualified', '    anwser: >-\n      A qualified');
      return swap(out, '    step: neuromodulation\n', '    step: neuro-modulation\n');
    },
  },
  // --- added later (kept in number order) ------------------------------------
  {
    name: '55-escape-sequence-in-value',
    about: 'A terminal escape sequence (ESC [2J, "clear screen", written as the YAML escape \\e) in an enum value: audience: "\\e[2Jhcp".',
    fields: ['audience'],
    at: 'audience: "\\e[2Jhcp"',
    edit: (t) => swap(t, 'audience: hcp', 'audience: "\\e[2Jhcp"'),
  },
  {
    name: '56-bidi-mark',
    about: 'An Arabic letter mark (U+061C, a UAX #9 bidi control) in the subtitle: "\u061C5 10 mg" prints as "10 5 mg".',
    fields: ['subtitle'],
    at: 'subtitle: The maximum dose',
    edit: (t) => swap(t, 'subtitle: A stepwise, multidisciplinary framework', 'subtitle: The maximum dose is \u061C5 10 mg, a framework'),
  },
  {
    name: '57-alias-before-anchor',
    about: 'An alias (*later) used before its anchor (&later) is defined: the YAML reader cannot resolve it.',
    fields: ['keywords[0]'],
    at: '  - *later',
    edit: (t) => swap(t, '  - interventional pain management\n  - pain management ladder', '  - *later\n  - &later pain management ladder'),
  },
];

function prepare(c: Case): string | Buffer {
  let text = sample;
  if (!c.keepSchemaLine) text = swap(text, '$schema=../../schema/course.schema.json', '$schema=../../../../schema/course.schema.json');
  if (!c.keepId) text = swap(text, 'id: interventional-pain-management', `id: ${c.name}`);
  return c.edit(text);
}

function lineOf(content: string | Buffer, needle: string, name: string): number {
  const text = typeof content === 'string' ? content : content.toString('latin1');
  const index = text.indexOf(typeof content === 'string' ? needle : Buffer.from(needle, 'utf8').toString('latin1'));
  if (index < 0) throw new Error(`${name}: "at" text ${JSON.stringify(needle)} not found`);
  return text.slice(0, index).split('\n').length;
}

const names = new Set<string>();
for (const c of CASES) {
  if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
  if (!/^\d\d-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(c.name)) throw new Error(`bad case name ${c.name}`);
  names.add(c.name);
  const dir = join(casesDir, c.name);
  mkdirSync(dir, { recursive: true });
  const content = prepare(c);
  writeFileSync(join(dir, 'course.yaml'), content);
  const meta = {
    about: c.about,
    fields: c.fields,
    ...(c.alsoFields ? { alsoFields: c.alsoFields } : {}),
    line: lineOf(content, c.at, c.name),
    ...(c.knownIssues ? { knownIssues: c.knownIssues } : {}),
  };
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify(meta, null, 2)}\n`);
}
for (const entry of readdirSync(casesDir, { withFileTypes: true })) {
  if (entry.isDirectory() && !names.has(entry.name)) rmSync(join(casesDir, entry.name), { recursive: true });
}
console.log(`wrote ${CASES.length} cases to ${casesDir}`);
