/** An XMP packet for a PDF that has none, matching its Info dictionary (PDF/A requires them to agree). */
export interface MinimalXmpFields {
  title: string;
  producer: string;
  date: Date;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function minimalXmp(f: MinimalXmpFields): string {
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(f.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <pdf:Producer>${esc(f.producer)}</pdf:Producer>`,
    `   <xmp:CreateDate>${iso(f.date)}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${iso(f.date)}</xmp:ModifyDate>`,
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}
