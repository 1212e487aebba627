/**
 * sha256 over everything a viewer draws or does when the file is opened:
 * every page's dictionary (all boxes, Rotate, UserUnit, Group, annotations
 * with their appearance streams, resources with fonts, images and form
 * XObjects followed recursively, decoded content streams) and the catalog
 * entries that change what is shown (OpenAction, AA, Names, AcroForm,
 * Outlines, PageLabels, OCProperties, ViewerPreferences, ...).
 *
 * Left out, because the seal, the archive and the signature phases write them
 * after the hash is taken and none of them is drawn: the XMP /Metadata, the
 * Info dictionary, the trailer /ID, /OutputIntents, the structure tree and
 * its indices (StructTreeRoot, MarkInfo, StructParent(s)), DSS, and an
 * invisible (zero-area) signature field with its widget and /SigFlags.
 *
 * Given bytes, it hashes the document as the cross-reference resolves it
 * (see xref-view.ts), never pdf-lib's sequential parse.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from '../pdf-lib.js';
import { CanonicalWriter, decodedContents } from './canonical.js';
import { xrefView } from './xref-view.js';


export interface DrawnSource {
  context: PDFContext;
  catalog: PDFDict;
}

const CATALOG_SKIP = new Set(['Type', 'Pages', 'Metadata', 'OutputIntents', 'StructTreeRoot', 'MarkInfo', 'DSS']);
const PAGE_SKIP = new Set(['Parent', 'Contents', 'Annots', 'PieceInfo', 'LastModified', 'Metadata', 'Thumb', 'B', 'ID', 'PZ']);
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;
const VERSION = 'deckhand-drawn-content-v1';

export function drawnContentHash(input: Uint8Array | PDFDocument | DrawnSource): string {
  const source: DrawnSource = input instanceof Uint8Array ? xrefView(input) : 'getPages' in input ? { context: input.context, catalog: input.catalog } : input;
  const { context, catalog } = source;
  const out = new CanonicalWriter(context);
  out.text(`${VERSION}\n`);
  const pages = pageLeaves(context, catalog);
  pages.forEach((page, i) => page.ref && out.alias(page.ref, `page${i}`));
  pages.forEach((page, i) => {
    out.text(`\npage ${i} `);
    const inherited = new Set(INHERITED.filter((key) => !page.dict.has(PDFName.of(key)) && page.inherited.has(key)));
    out.dict(page.dict, PAGE_SKIP);
    for (const key of inherited) {
      out.text(`/inherited:${key} `);
      out.object(page.inherited.get(key));
    }
    out.text('contents ');
    out.bytes(pageContents(context, page.dict));
    out.text('annots [');
    for (const annot of asList(context, page.dict.get(PDFName.of('Annots')))) {
      if (!isInvisibleSignature(context, annot)) out.object(annot);
    }
    out.text('] ');
  });
  out.text('\ncatalog ');
  const acroForm = context.lookup(catalog.get(PDFName.of('AcroForm')));
  out.dict(catalog, new Set([...CATALOG_SKIP, 'AcroForm']));
  if (acroForm instanceof PDFDict) {
    // An AcroForm holding only an invisible signature field (what the sign phase adds) counts as none.
    const fields = asList(context, acroForm.get(PDFName.of('Fields'))).filter((f) => !isInvisibleSignature(context, f));
    const rest = acroForm.keys().filter((k) => !['Fields', 'SigFlags'].includes(k.decodeText()));
    if (fields.length || rest.length) {
      out.text('acroform ');
      out.dict(acroForm, new Set(['Fields', 'SigFlags']));
      out.text('fields [');
      for (const field of fields) out.object(field);
      out.text('] ');
    }
  }
  return out.digest();
}

interface PageLeaf {
  ref: PDFRef | undefined;
  dict: PDFDict;
  inherited: Map<string, PDFObject>;
}

/** Page leaves in order, with the attributes they inherit from the page tree; a cycle in the tree is cut. */
function pageLeaves(context: PDFContext, catalog: PDFDict): PageLeaf[] {
  const leaves: PageLeaf[] = [];
  const seen = new Set<string>();
  const walk = (node: PDFObject | undefined, inherited: Map<string, PDFObject>) => {
    const ref = node instanceof PDFRef ? node : undefined;
    if (ref) {
      if (seen.has(ref.toString())) return;
      seen.add(ref.toString());
    }
    const dict = context.lookup(node);
    if (!(dict instanceof PDFDict)) return;
    const kids = context.lookup(dict.get(PDFName.of('Kids')));
    if (dict.get(PDFName.of('Type')) === PDFName.of('Pages') || kids instanceof PDFArray) {
      const next = new Map(inherited);
      for (const key of INHERITED) {
        const value = dict.get(PDFName.of(key));
        if (value !== undefined) next.set(key, value);
      }
      if (kids instanceof PDFArray) for (const kid of kids.asArray()) walk(kid, next);
      return;
    }
    leaves.push({ ref, dict, inherited });
  };
  walk(catalog.get(PDFName.of('Pages')), new Map());
  return leaves;
}

/** A page's content streams decoded and joined, as a viewer concatenates them. */
function pageContents(context: PDFContext, page: PDFDict): Uint8Array {
  const parts = asList(context, page.get(PDFName.of('Contents')))
    .map((s) => context.lookup(s))
    .filter((s): s is PDFStream => s instanceof PDFStream)
    .map((s) => decodedContents(s) ?? s.getContents());
  // Joined by a newline, as one buffer (not byte by byte: that was most of the hash's time).
  const newline = Uint8Array.of(0x0a);
  return new Uint8Array(Buffer.concat(parts.flatMap((p, i) => (i ? [newline, p] : [p]))));
}

const asList = (context: PDFContext, value: PDFObject | undefined): PDFObject[] => {
  const resolved = context.lookup(value);
  if (resolved instanceof PDFArray) return resolved.asArray();
  return value === undefined ? [] : [value];
};

/** A signature field whose widget has no area and no action draws and does nothing; the sign phase adds one after the seal. */
function isInvisibleSignature(context: PDFContext, object: PDFObject): boolean {
  const dict = context.lookup(object);
  if (!(dict instanceof PDFDict)) return false;
  const parent = context.lookup(dict.get(PDFName.of('Parent')));
  const ft = dict.get(PDFName.of('FT')) ?? (parent instanceof PDFDict ? parent.get(PDFName.of('FT')) : undefined);
  if (ft !== PDFName.of('Sig') || dict.has(PDFName.of('A')) || dict.has(PDFName.of('AA'))) return false;
  const rect = context.lookup(dict.get(PDFName.of('Rect')));
  if (!(rect instanceof PDFArray) || rect.size() !== 4) return false;
  const [x1, y1, x2, y2] = rect.asArray().map((n) => (context.lookup(n) instanceof PDFNumber ? (context.lookup(n) as PDFNumber).asNumber() : NaN));
  return x1 === x2 || y1 === y2;
}
