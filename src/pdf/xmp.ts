/**
 * The XMP metadata packet deckhand writes into every PDF, and a reader for the
 * `deckhand:` fields that `deckhand verify` needs. The packet carries the same
 * fields as the Info dictionary plus document control and provenance.
 */

export const DECKHAND_NS = 'urn:deckhand:xmp:1.0#';

export interface ReviewerRecord {
  name: string;
  role: string;
  date: string;
}

export interface DeckhandRecord {
  course: string;
  /** The edition id; absent for a course's base edition. */
  edition?: string;
  kind: string;
  documentCode: string;
  version: string;
  reviewers: ReviewerRecord[];
  reviewExpires: string;
  approvalStatus: 'approved' | 'draft';
  /** sha256 of the course.yaml bytes the PDF was built from. */
  sourceSha256: string;
  /** Content fingerprint (sha256: canonical content) the PDF was built from. */
  contentFingerprint: string;
  /** sha256 over the pages' content streams, as written. */
  pagesSha256: string;
  generator: string;
}

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  producer: string;
  date: Date;
  record: DeckhandRecord;
}

/** XML-escapes, and drops what XML 1.0 cannot hold at all (controls, noncharacters, lone surrogates). */
const esc = (s: string) =>
  s
    .toWellFormed()
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${esc(s)}</rdf:li></rdf:Alt>`;

export function xmpPacket(f: XmpFields): string {
  const r = f.record;
  const simple = (name: keyof DeckhandRecord) => `   <deckhand:${name}>${esc(String(r[name]))}</deckhand:${name}>`;
  const reviewers = r.reviewers
    .map((v) => `<rdf:li rdf:parseType="Resource"><deckhand:name>${esc(v.name)}</deckhand:name><deckhand:role>${esc(v.role)}</deckhand:role><deckhand:date>${esc(v.date)}</deckhand:date></rdf:li>`)
    .join('');
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:deckhand="${DECKHAND_NS}">`,
    `   <dc:format>application/pdf</dc:format>`,
    `   <dc:title>${alt(f.title)}</dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${esc(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description>${alt(f.subject)}</dc:description>`,
    `   <dc:subject><rdf:Bag>${f.keywords.map((k) => `<rdf:li>${esc(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `   <dc:language><rdf:Bag><rdf:li>${esc(f.language)}</rdf:li></rdf:Bag></dc:language>`,
    `   <pdf:Keywords>${esc(f.keywords.join('; '))}</pdf:Keywords>`,
    `   <pdf:Producer>${esc(f.producer)}</pdf:Producer>`,
    `   <xmp:CreatorTool>${esc(f.producer)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${iso(f.date)}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${iso(f.date)}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${iso(f.date)}</xmp:MetadataDate>`,
    simple('course'),
    ...(r.edition ? [simple('edition')] : []),
    simple('kind'),
    simple('documentCode'),
    simple('version'),
    `   <deckhand:reviewers><rdf:Seq>${reviewers}</rdf:Seq></deckhand:reviewers>`,
    simple('reviewExpires'),
    simple('approvalStatus'),
    simple('sourceSha256'),
    simple('contentFingerprint'),
    simple('pagesSha256'),
    simple('generator'),
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}

/** Reads the deckhand record back from an XMP packet; undefined if it is not deckhand's. */
export function readDeckhandRecord(xmp: string): DeckhandRecord | undefined {
  if (!xmp.includes(DECKHAND_NS)) return undefined;
  const field = (name: string) => {
    const m = new RegExp(`<deckhand:${name}>([^<]*)</deckhand:${name}>`).exec(xmp);
    return m ? unesc(m[1] ?? '') : undefined;
  };
  const reviewersBlock = /<deckhand:reviewers>([\s\S]*?)<\/deckhand:reviewers>/.exec(xmp)?.[1] ?? '';
  const reviewers = [...reviewersBlock.matchAll(/<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/g)].map((m) => {
    const inner = m[1] ?? '';
    const get = (n: string) => unesc(new RegExp(`<deckhand:${n}>([^<]*)</deckhand:${n}>`).exec(inner)?.[1] ?? '');
    return { name: get('name'), role: get('role'), date: get('date') };
  });
  const required = ['course', 'kind', 'documentCode', 'version', 'reviewExpires', 'approvalStatus', 'sourceSha256', 'contentFingerprint', 'pagesSha256', 'generator'] as const;
  const values = Object.fromEntries(required.map((n) => [n, field(n)]));
  if (required.some((n) => values[n] === undefined)) return undefined;
  const edition = field('edition');
  return { ...(values as Record<(typeof required)[number], string>), ...(edition ? { edition } : {}), approvalStatus: values.approvalStatus === 'approved' ? 'approved' : 'draft', reviewers };
}
