/** The XMP side of the PDF/A check: identification, the deckhand extension schema, and agreement with Info. */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFObject } from '../pdf-lib.js';
import { DECKHAND_NS, deckhandProperties } from './xmp-schema.js';

const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const element = (xmp: string, name: string) => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xmp);
  if (!m) return undefined;
  const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(m[1] ?? '');
  return unesc((li ? li[1] : m[1]) ?? '');
};

export function checkXmp(xmp: string, info: PDFObject | undefined): string[] {
  const problems: string[] = [];
  if (!/<pdfaid:part>2<\/pdfaid:part>|pdfaid:part="2"/.test(xmp)) problems.push('the XMP does not declare pdfaid:part 2');
  if (!/<pdfaid:conformance>B<\/pdfaid:conformance>|pdfaid:conformance="B"/.test(xmp)) problems.push('the XMP does not declare pdfaid:conformance B');

  const used = deckhandProperties(xmp);
  if (used.length) {
    const schema = [...xmp.matchAll(/<rdf:li rdf:parseType="Resource"><pdfaSchema:schema>[\s\S]*?<\/pdfaSchema:property>/g)].map((m) => m[0]).find((s) => s.includes(`<pdfaSchema:namespaceURI>${DECKHAND_NS}</pdfaSchema:namespaceURI>`));
    if (!schema) problems.push('the XMP uses deckhand: properties but has no PDF/A extension schema for them');
    else {
      const declared = new Set([...schema.matchAll(/<pdfaProperty:name>([^<]*)<\/pdfaProperty:name>/g)].map((m) => m[1]));
      for (const p of used) if (!declared.has(p.name)) problems.push(`the extension schema does not declare deckhand:${p.name}`);
      const fields = new Set([...xmp.matchAll(/<pdfaField:name>([^<]*)<\/pdfaField:name>/g)].map((m) => m[1]));
      for (const p of used) for (const f of p.fields ?? []) if (!fields.has(f)) problems.push(`the extension schema does not declare the field ${f} of deckhand:${p.name}`);
    }
  }

  if (info instanceof PDFDict) {
    const text = (key: string) => {
      const v = info.get(PDFName.of(key));
      return v instanceof PDFString || v instanceof PDFHexString ? v : undefined;
    };
    const pairs: [string, string][] = [
      ['Title', 'dc:title'],
      ['Author', 'dc:creator'],
      ['Subject', 'dc:description'],
      ['Keywords', 'pdf:Keywords'],
      ['Creator', 'xmp:CreatorTool'],
      ['Producer', 'pdf:Producer'],
    ];
    for (const [key, name] of pairs) {
      const v = text(key);
      if (v && v.decodeText() !== element(xmp, name)) problems.push(`Info /${key} and XMP ${name} differ`);
    }
    for (const [key, name] of [['CreationDate', 'xmp:CreateDate'], ['ModDate', 'xmp:ModifyDate']] as const) {
      const v = text(key);
      if (!v) continue;
      const xmpDate = element(xmp, name);
      let same = false;
      try {
        same = !!xmpDate && PDFString.of(v.decodeText()).decodeDate().getTime() === new Date(xmpDate).getTime();
      } catch {
        same = false;
      }
      if (!same) problems.push(`Info /${key} and XMP ${name} differ`);
    }
  }
  return problems;
}
