/**
 * Makes pptxgenjs output reproducible and well-formed:
 * - every zip entry gets the build date and the entries a fixed order
 *   ([Content_Types].xml first, then by name), with no folder entries;
 * - docProps/core.xml gets the build date instead of "now";
 * - paragraphs keep only their first <a:pPr>: pptxgenjs 4.0.1 writes one per
 *   run, which the schema forbids (CT_TextParagraph allows one, first) and
 *   PowerPoint answers with a repair prompt (gitbrent/PptxGenJS#1083).
 * Hand-written because no option of pptxgenjs or jszip does either; the XML is
 * pptxgenjs' own output with all course text entity-escaped, so `<a:pPr` can
 * only be markup.
 */
import JSZip from 'jszip';

/** The earliest time a zip (DOS) timestamp can hold. */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

export async function repack(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const zipDate = new Date(Math.max(DOS_EPOCH, Math.floor(date.getTime() / 2000) * 2000));
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]?.dir)
    .sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out = new JSZip();
  for (const name of names) {
    const entry = source.file(name);
    if (!entry) continue;
    let data: Uint8Array | string = await entry.async('uint8array');
    if (name === 'docProps/core.xml') data = stampCoreDates(await entry.async('string'), date);
    else if (name.endsWith('.xml') && name.startsWith('ppt/')) data = onePPrPerParagraph(await entry.async('string'));
    out.file(name, data, { date: zipDate, createFolders: false, binary: typeof data !== 'string' });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

function stampCoreDates(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`);
}

/** Drops every <a:pPr> of a paragraph but the one that opens it. */
export function onePPrPerParagraph(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_p, inner: string) => {
    const lead = /^<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/.exec(inner);
    const head = lead ? lead[0] : '';
    const rest = inner.slice(head.length).replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, '');
    return `<a:p>${head}${rest}</a:p>`;
  });
}
