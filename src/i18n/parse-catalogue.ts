/**
 * Reads one catalogue file (templates/i18n/<lang>.yaml) into messages keyed by
 * dotted path, each with its source position. Nested maps are sections; a map
 * whose keys are all CLDR plural categories (one, other, …) is a plural message.
 * Every problem comes back at once, at file:line:column and key.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../content/diagnostic.js';
import { FORBIDDEN_CHARS } from '../content/schema.js';
import { SourceMap, type Position } from '../content/yaml-positions.js';
import { isPluralCategory, parseText, type Message, type Part, type PluralCategory } from './message.js';

/** A catalogue is a few KB; anything this large is not one. */
export const MAX_CATALOGUE_BYTES = 256 * 1024;

/** Private-use characters are reserved: the Handlebars helper uses them as placeholder markers. */
const RESERVED_CHARS = /[\uE000-\uF8FF]/u;
/** Segments are camelCase, or kebab-case so that enum values (in-review, diagnostic-therapeutic) are keys as they are. */
const KEY = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

export interface Entry {
  message: Message;
  /** Position of the value (for placeholder problems). */
  at: Position;
  /** Position of the key (for unknown-key warnings). */
  keyAt: Position;
}

export interface ParsedCatalogue {
  file: string;
  entries: Map<string, Entry>;
  /** Section keys (maps holding messages) with their key positions. */
  sections: Map<string, Position>;
  diagnostics: Diagnostic[];
  /** Keys written with a problem (reported already; not "missing" as well). */
  invalid: Set<string>;
  /** The file could not be read as a catalogue at all (size, encoding, syntax). */
  unreadable: boolean;
}

/**
 * Catalogues parsed in this process, by file and exact bytes: every course of a build reads the
 * same one or two catalogues, and parsing them again was a fifth of a no-op rebuild (about 20 ms
 * a course). An edited file has other bytes and is parsed afresh. Callers only read the result.
 */
const parsedFiles = new Map<string, ParsedCatalogue>();
const PARSED_LIMIT = 64;

export function parseCatalogueFile(path: string, file: string): ParsedCatalogue {
  let key: string;
  try {
    key = `${path}\u0000${file}\u0000${readFileSync(path, 'latin1')}`;
  } catch {
    return parseCatalogue(path, file); // it reports the unreadable file
  }
  let parsed = parsedFiles.get(key);
  if (!parsed) {
    parsed = parseCatalogue(path, file);
    if (parsedFiles.size >= PARSED_LIMIT) parsedFiles.clear();
    parsedFiles.set(key, parsed);
  }
  return parsed;
}

function parseCatalogue(path: string, file: string): ParsedCatalogue {
  const out: ParsedCatalogue = { file, entries: new Map(), sections: new Map(), diagnostics: [], invalid: new Set(), unreadable: false };
  const problem = (at: Position, key: string, message: string) => {
    out.diagnostics.push({ file, line: at.line, column: at.column, path: key || '(file)', message });
    if (key) out.invalid.add(key.replace(/\.(zero|one|two|few|many|other)$/, ''));
    else out.unreadable = true;
  };
  const size = statSync(path).size;
  if (size > MAX_CATALOGUE_BYTES) {
    problem({ line: 1, column: 1 }, '', `is ${size} bytes; a catalogue may be at most ${MAX_CATALOGUE_BYTES} bytes`);
    return out;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    problem({ line: 1, column: 1 }, '', 'is not valid UTF-8; save the catalogue as UTF-8');
    return out;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, merge: false, logLevel: 'silent' });
  const map = new SourceMap(doc, lines);
  for (const error of doc.errors) {
    problem(map.at(error.pos[0]), '', `YAML syntax error: ${error.message.split('\n')[0] ?? error.message}`);
  }
  if (doc.errors.length) return out;
  if (!isMap(doc.contents)) {
    problem({ line: 1, column: 1 }, '', 'must be a mapping of sections and texts, e.g. "faq:\\n  heading: Frequently asked questions"');
    return out;
  }
  const pos = (node: Node | null | undefined): Position => (node?.range ? map.at(node.range[0]) : { line: 1, column: 1 });

  const walk = (node: Node, prefix: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const name = isScalar(keyNode) ? String(keyNode.value) : '';
      const key = prefix ? `${prefix}.${name}` : name;
      const keyAt = pos(keyNode);
      if (!KEY.test(name)) {
        problem(keyAt, key, `key "${name}" must be letters and digits, starting with a letter (camelCase or kebab-case, e.g. pageOf, in-review)`);
        continue;
      }
      const value = pair.value as Node | null;
      if (isAlias(value)) {
        problem(pos(value), key, 'YAML aliases (*name) are not allowed in a catalogue; write the text out');
      } else if (isMap(value) && isPluralMap(value)) {
        const forms: Partial<Record<PluralCategory, Part[]>> = {};
        for (const form of value.items) {
          const category = String((form.key as { value: unknown }).value) as PluralCategory;
          const parts = textAt(form.value as Node | null, `${key}.${category}`);
          if (parts) forms[category] = parts;
        }
        if (forms.other) out.entries.set(key, { message: { kind: 'plural', forms: { ...forms, other: forms.other } }, at: pos(value), keyAt });
      } else if (isMap(value)) {
        out.sections.set(key, keyAt);
        walk(value, key);
      } else {
        const parts = textAt(value, key);
        if (parts) out.entries.set(key, { message: { kind: 'text', parts }, at: pos(value), keyAt });
      }
    }
  };

  const textAt = (node: Node | null, key: string): Part[] | undefined => {
    const at = pos(node);
    if (!isScalar(node) || typeof node.value !== 'string') {
      const written = isScalar(node) ? ` (${node.value === null ? 'empty' : JSON.stringify(node.value)})` : '';
      problem(at, key, `must be text${written}; put the text in quotes if YAML reads it as something else`);
      return undefined;
    }
    const source = node.value;
    if (source.trim() === '') return void problem(at, key, 'is empty; every interface text needs words');
    if (FORBIDDEN_CHARS.test(source)) return void problem(at, key, 'contains a control or bidirectional-override character');
    if (RESERVED_CHARS.test(source)) return void problem(at, key, 'contains a private-use character (U+E000–U+F8FF), which deckhand reserves');
    const parsed = parseText(source);
    if (!parsed.ok) return void problem(at, key, parsed.error);
    return parsed.parts;
  };

  walk(doc.contents, '');
  return out;
}

function isPluralMap(node: { items: { key: unknown }[] }): boolean {
  const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  return keys.length > 0 && keys.includes('other') && keys.every(isPluralCategory);
}
