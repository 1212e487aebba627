/**
 * The personalisation record in a copy's XMP: the base packet unchanged, plus
 * one `deckhand:personalisation` block (slot, rep id, fields, date, sha256 of
 * the base revision). Nothing else in the packet may differ from the base's,
 * which is how `inspectPersonalization` proves the update relabelled nothing.
 */

export const PERSONALISATION_NS = 'urn:deckhand:xmp:1.0#';

export interface PersonalisationRecord {
  slot: string;
  rep: string;
  /** The box's label as drawn (interface text in the edition's language). */
  label: string;
  /** ISO 8601, UTC, seconds. */
  date: string;
  baseSha256: string;
  fields: Record<string, string>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const BLOCK = /\n {3}<deckhand:personalisation rdf:parseType="Resource">[\s\S]*?<\/deckhand:personalisation>/;
const DESCRIPTION_END = '\n  </rdf:Description>';

export function personalisationBlock(r: PersonalisationRecord): string {
  const el = (name: string, value: string) => `<deckhand:${name}>${esc(value)}</deckhand:${name}>`;
  const fields = Object.entries(r.fields)
    .map(([k, v]) => `<rdf:li rdf:parseType="Resource">${el('field', k)}${el('value', v)}</rdf:li>`)
    .join('');
  return [
    '\n   <deckhand:personalisation rdf:parseType="Resource">',
    `    ${el('slot', r.slot)}`,
    `    ${el('rep', r.rep)}`,
    `    ${el('label', r.label)}`,
    `    ${el('date', r.date)}`,
    `    ${el('baseSha256', r.baseSha256)}`,
    `    <deckhand:fields><rdf:Bag>${fields}</rdf:Bag></deckhand:fields>`,
    '   </deckhand:personalisation>',
  ].join('\n');
}

/**
 * Splits the base packet where the block goes, so a batch writes
 * `head + block + tail` per rep without searching the packet again.
 */
export function splitBasePacket(xmp: string): { head: string; tail: string } | undefined {
  if (!xmp.includes(PERSONALISATION_NS) || BLOCK.test(xmp)) return undefined;
  const at = xmp.lastIndexOf(DESCRIPTION_END);
  if (at < 0) return undefined;
  return { head: xmp.slice(0, at), tail: xmp.slice(at) };
}

export function readPersonalisation(xmp: string): PersonalisationRecord | undefined {
  const block = BLOCK.exec(xmp)?.[0];
  if (!block) return undefined;
  const get = (name: string, within = block) => {
    const m = new RegExp(`<deckhand:${name}>([^<]*)</deckhand:${name}>`).exec(within);
    return m ? unesc(m[1] ?? '') : undefined;
  };
  const fields: Record<string, string> = {};
  for (const m of block.matchAll(/<rdf:li rdf:parseType="Resource">([\s\S]*?)<\/rdf:li>/g)) {
    const key = get('field', m[1]);
    if (key !== undefined) fields[key] = get('value', m[1]) ?? '';
  }
  const slot = get('slot');
  const rep = get('rep');
  const label = get('label');
  const date = get('date');
  const baseSha256 = get('baseSha256');
  if (slot === undefined || rep === undefined || label === undefined || date === undefined || baseSha256 === undefined) return undefined;
  return { slot, rep, label, date, baseSha256, fields };
}

/** The packet without its personalisation block: equal to the base packet for an honest copy. */
export const withoutPersonalisation = (xmp: string) => xmp.replace(BLOCK, '');
