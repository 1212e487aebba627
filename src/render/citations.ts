/**
 * Citations, Vancouver style: references are numbered in the order a document
 * first cites them, each citing item gets its numbers (shown as superscripts
 * that link to the entry), and the reference list holds the cited entries in
 * number order. Numbering is per document, since deck and handout order their
 * sections differently. How an entry reads is the template's business
 * (partials/deck/reference.hbs, partials/handout/reference.hbs); this module
 * only prepares the fields, so a company can switch the style in templates.
 */
import type { Reference } from '../content/schema.js';
import { trusted, type Trusted } from './escape.js';

/** Labels the reference list needs (from compile/interface-text.ts). */
export interface ReferenceText {
  heading: string;
  /** A YYYY-MM-DD date as the style writes it ("2017 Apr 28" in Vancouver). */
  date(iso: string): string;
  /** "accessed 2026 Nov 2" for web sources, given the formatted date. */
  accessed(date: string): string;
  /** "Available from:" before a URL. */
  availableFrom: string;
  /** Marks a web source after its title ("[Internet]" in Vancouver). */
  internet: string;
  dataOnFile: string;
  /** After the sixth author: "et al" in Vancouver ("ve ark" in Turkish). */
  etAl: string;
}

export interface ReferenceEntry {
  number: number;
  /** Element id of the entry, the target of the citation links (`ref-3`). */
  anchor: Trusted;
  type: Reference['type'];
  isArticle: boolean;
  isBook: boolean;
  isWeb: boolean;
  isDataOnFile: boolean;
  /** Vancouver author list: up to six names, then "et al." */
  authors?: string;
  title: string;
  source?: string;
  year?: number;
  volume?: string;
  pages?: string;
  doi?: string;
  /** https://doi.org/<doi>, the DOI as a link. */
  doiUrl?: string;
  url?: string;
  accessed?: string;
  accessedText?: string;
  /** The date of publication as the style writes it, else the year. */
  dateText?: string;
  /** The entry as plain text, for estimating its height on a slide. */
  plain: string;
}

export interface Citation {
  /** "1,3–5" as plain text (for notes and alt text). */
  label: string;
  /** One link per number or range (Vancouver: three or more consecutive numbers become "3–5", linking to the first). */
  links: { text: string; number: number; anchor: Trusted; last: boolean }[];
}

/** [1, 3, 4, 5, 7, 8] → ["1", "3–5", "7", "8"] as {text, first}. */
function ranges(numbers: number[]): { text: string; first: number }[] {
  const out: { text: string; first: number }[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === (numbers[j] ?? 0) + 1) j++;
    const first = numbers[i] ?? 0;
    if (j - i >= 2) out.push({ text: `${first}\u2013${numbers[j]}`, first });
    else for (let k = i; k <= j; k++) out.push({ text: String(numbers[k]), first: numbers[k] ?? 0 });
    i = j + 1;
  }
  return out;
}

export interface Citations {
  entries: ReferenceEntry[];
  /** The citation for an item's ids, or undefined when it cites nothing known. */
  cite(ids: readonly string[] | undefined): Citation | undefined;
}

export const anchorFor = (number: number): string => `ref-${number}`;

/**
 * Numbers `references` by first citation in `order` (each item's cited ids, in
 * document order). References nothing cites are left out of the list (the
 * check warns about them).
 */
export function numberCitations(references: readonly Reference[], order: readonly (readonly string[] | undefined)[], text: ReferenceText): Citations {
  const byId = new Map(references.map((r) => [r.id, r]));
  const numbers = new Map<string, number>();
  for (const ids of order) for (const id of ids ?? []) if (byId.has(id) && !numbers.has(id)) numbers.set(id, numbers.size + 1);
  const entries = [...numbers.entries()].map(([id, number]) => entry(byId.get(id) as Reference, number, text));
  return {
    entries,
    cite(ids) {
      const cited = [...new Set((ids ?? []).map((id) => numbers.get(id)).filter((n): n is number => n !== undefined))].sort((a, b) => a - b);
      if (cited.length === 0) return undefined;
      const runs = ranges(cited);
      return {
        label: runs.map((r) => r.text).join(','),
        links: runs.map((r, i) => ({ text: r.text, number: r.first, anchor: trusted(anchorFor(r.first)), last: i === runs.length - 1 })),
      };
    },
  };
}

function entry(r: Reference, number: number, text: ReferenceText): ReferenceEntry {
  const authors = r.authors ? (r.authors.length > 6 ? `${r.authors.slice(0, 6).join(', ')}, ${text.etAl}` : r.authors.join(', ')) : undefined;
  const accessedText = r.accessed ? text.accessed(text.date(r.accessed)) : undefined;
  const dateText = r.published ? text.date(r.published) : r.year !== undefined ? String(r.year) : undefined;
  const doiUrl = r.doi ? `https://doi.org/${r.doi}` : undefined;
  const plain = [authors, r.title, r.source, dateText, r.volume, r.pages, r.doi, r.url, accessedText].filter((v) => v !== undefined).join('. ');
  return {
    number,
    anchor: trusted(anchorFor(number)),
    type: r.type,
    isArticle: r.type === 'article',
    isBook: r.type === 'book',
    isWeb: r.type === 'web',
    isDataOnFile: r.type === 'data-on-file',
    ...(authors ? { authors } : {}),
    title: r.title.replace(/[.\s]+$/, ''),
    ...(r.source ? { source: r.source } : {}),
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.volume ? { volume: r.volume } : {}),
    ...(r.pages ? { pages: r.pages } : {}),
    ...(r.doi ? { doi: r.doi } : {}),
    ...(doiUrl ? { doiUrl } : {}),
    ...(r.url ? { url: r.url } : {}),
    ...(r.accessed ? { accessed: r.accessed } : {}),
    ...(accessedText ? { accessedText } : {}),
    ...(dateText ? { dateText } : {}),
    plain,
  };
}
