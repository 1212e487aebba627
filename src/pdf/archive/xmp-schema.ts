/**
 * PDF/A identification and the extension schema that declares every
 * `deckhand:` property an XMP packet uses (ISO 19005-2 §6.6.2.3). The
 * property list is read from the packet itself with fast-xml-parser, so a
 * property added to the seal's XMP later is declared without a second list
 * to keep in step. Struct values (an rdf:Seq of rdf:li parseType="Resource",
 * like the reviewers) get a pdfaType with their fields.
 */
import { XMLParser } from 'fast-xml-parser';

export const DECKHAND_NS = 'urn:deckhand:xmp:1.0#';
export const PDFAID_NS = 'http://www.aiim.org/pdfa/ns/id/';

export interface DeckhandProperty {
  name: string;
  /** Field names when the value is a sequence of structs. */
  fields?: string[];
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: false });
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The `deckhand:` properties at the top level of the packet's descriptions. */
export function deckhandProperties(xmp: string): DeckhandProperty[] {
  const doc = parser.parse(xmp) as Record<string, any>;
  const descriptions = list(doc['x:xmpmeta']?.['rdf:RDF']?.['rdf:Description']) as Record<string, any>[];
  const props = new Map<string, DeckhandProperty>();
  for (const d of descriptions) {
    for (const [key, value] of Object.entries(d)) {
      if (!key.startsWith('deckhand:')) continue;
      const name = key.slice('deckhand:'.length);
      const items = list(value?.['rdf:Seq']?.['rdf:li'] ?? value?.['rdf:Bag']?.['rdf:li']) as Record<string, unknown>[];
      const fields = [...new Set(items.flatMap((li) => (li && typeof li === 'object' ? Object.keys(li).filter((k) => k.startsWith('deckhand:')).map((k) => k.slice(9)) : [])))];
      props.set(name, fields.length ? { name, fields } : { name });
    }
  }
  return [...props.values()];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const typeName = (property: string) => `${property[0]!.toUpperCase()}${property.slice(1)}Entry`;

export function pdfaDescriptions(properties: DeckhandProperty[]): string {
  const li = (inner: string) => `<rdf:li rdf:parseType="Resource">${inner}</rdf:li>`;
  const declared = properties
    .map((p) =>
      li(
        `<pdfaProperty:name>${esc(p.name)}</pdfaProperty:name><pdfaProperty:valueType>${p.fields ? `seq ${typeName(p.name)}` : 'Text'}</pdfaProperty:valueType>` +
          `<pdfaProperty:category>external</pdfaProperty:category><pdfaProperty:description>deckhand document-control property ${esc(p.name)}</pdfaProperty:description>`,
      ),
    )
    .join('');
  const types = properties
    .filter((p) => p.fields)
    .map((p) =>
      li(
        `<pdfaType:type>${typeName(p.name)}</pdfaType:type><pdfaType:namespaceURI>${DECKHAND_NS}</pdfaType:namespaceURI><pdfaType:prefix>deckhand</pdfaType:prefix>` +
          `<pdfaType:description>one entry of deckhand:${esc(p.name)}</pdfaType:description><pdfaType:field><rdf:Seq>` +
          (p.fields ?? []).map((f) => li(`<pdfaField:name>${esc(f)}</pdfaField:name><pdfaField:valueType>Text</pdfaField:valueType><pdfaField:description>${esc(f)}</pdfaField:description>`)).join('') +
          '</rdf:Seq></pdfaType:field>',
      ),
    )
    .join('');
  return [
    `  <rdf:Description rdf:about="" xmlns:pdfaid="${PDFAID_NS}">`,
    '   <pdfaid:part>2</pdfaid:part>',
    '   <pdfaid:conformance>B</pdfaid:conformance>',
    '  </rdf:Description>',
    '  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#" xmlns:pdfaType="http://www.aiim.org/pdfa/ns/type#" xmlns:pdfaField="http://www.aiim.org/pdfa/ns/field#">',
    '   <pdfaExtension:schemas><rdf:Bag>' +
      li(
        `<pdfaSchema:schema>deckhand document control</pdfaSchema:schema><pdfaSchema:namespaceURI>${DECKHAND_NS}</pdfaSchema:namespaceURI><pdfaSchema:prefix>deckhand</pdfaSchema:prefix>` +
          `<pdfaSchema:property><rdf:Seq>${declared}</rdf:Seq></pdfaSchema:property>${types ? `<pdfaSchema:valueType><rdf:Seq>${types}</rdf:Seq></pdfaSchema:valueType>` : ''}`,
      ) +
      '</rdf:Bag></pdfaExtension:schemas>',
    '  </rdf:Description>',
  ].join('\n');
}

/** The packet with PDF/A identification and the extension schema added (any earlier ones replaced). */
export function withPdfaSchema(xmp: string): string {
  const cleaned = xmp.replace(/\s*<rdf:Description rdf:about="" xmlns:pdfa(?:id|Extension)=[\s\S]*?<\/rdf:Description>/g, '');
  const at = cleaned.lastIndexOf('</rdf:RDF>');
  if (at < 0) throw new Error('the XMP packet has no rdf:RDF element');
  return `${cleaned.slice(0, at)}${pdfaDescriptions(deckhandProperties(cleaned))}\n ${cleaned.slice(at)}`;
}
