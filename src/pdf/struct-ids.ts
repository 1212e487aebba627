/**
 * Chromium tags structure elements with IDs such as `(node00000254)` taken from
 * a counter that keeps running across every document printed in the same page.
 * Reusing pages is much faster than a fresh page per document, so instead the
 * stamp renumbers the IDs in document order: the same document then has the
 * same bytes whatever was printed before it.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from './pdf-lib.js';

const NODE_ID = /^node\d+$/;

/**
 * Renumbers every `nodeNNN` string in document order: element /IDs and the
 * references to them (table cells' /Headers attributes). Returns how many
 * distinct IDs were renumbered.
 */
export function renumberStructIds(doc: PDFDocument): number {
  const map = new Map<string, string>();
  const rename = (old: string) => {
    let fresh = map.get(old);
    if (!fresh) {
      fresh = `node${String(map.size + 1).padStart(8, '0')}`;
      map.set(old, fresh);
    }
    return PDFString.of(fresh);
  };
  const visit = (object: PDFObject): PDFObject | undefined => {
    if (object instanceof PDFString) return NODE_ID.test(object.asString()) ? rename(object.asString()) : undefined;
    if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) {
        const replaced = visit(object.get(i));
        if (replaced) object.set(i, replaced);
      }
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const replaced = visit(value);
        if (replaced) object.set(key, replaced);
      }
    }
    return undefined;
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict || object instanceof PDFArray) visit(object);
  }
  if (map.size > 0) rebuildIdTree(doc, map);
  return map.size;
}

/** Rewrites the StructTreeRoot's /IDTree as one flat, sorted name tree with the new keys. */
function rebuildIdTree(doc: PDFDocument, map: Map<string, string>): void {
  const rootRef = doc.catalog.get(PDFName.of('StructTreeRoot'));
  const root = rootRef ? doc.context.lookup(rootRef) : undefined;
  if (!(root instanceof PDFDict)) return;
  const tree = root.get(PDFName.of('IDTree'));
  if (!tree) return;
  const entries: [string, PDFObject][] = [];
  const oldNodes: PDFRef[] = tree instanceof PDFRef ? [tree] : [];
  collectNames(doc, doc.context.lookup(tree), entries, oldNodes);
  // The old tree's objects still spell the old IDs; drop them so they are not written.
  for (const ref of oldNodes) doc.context.delete(ref);
  const renamed = entries
    .map(([key, value]): [string, PDFObject] => [map.get(key) ?? key, value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = PDFArray.withContext(doc.context);
  for (const [key, value] of renamed) {
    names.push(PDFString.of(key));
    names.push(value);
  }
  const dict = doc.context.obj({});
  dict.set(PDFName.of('Names'), names);
  root.set(PDFName.of('IDTree'), doc.context.register(dict));
}

function collectNames(doc: PDFDocument, node: PDFObject | undefined, out: [string, PDFObject][], refs: PDFRef[]): void {
  if (!(node instanceof PDFDict)) return;
  const names = node.lookup(PDFName.of('Names'));
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.get(i);
      const value = names.get(i + 1);
      if (key instanceof PDFString && value) out.push([key.asString(), value]);
    }
  }
  const kids = node.lookup(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.get(i);
      if (kid instanceof PDFRef) refs.push(kid);
      collectNames(doc, doc.context.lookup(kid), out, refs);
    }
  }
}
