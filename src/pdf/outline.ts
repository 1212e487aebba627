/** Writes PDF bookmarks (/Outlines): a flat list, each entry opening its page fitted to the window. */
import { PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFRef } from './pdf-lib.js';

export interface Bookmark {
  title: string;
  /** 0-based page index. */
  page: number;
}

export function writeOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  const pages = doc.getPages();
  const valid = bookmarks.filter((b) => b.page >= 0 && b.page < pages.length);
  if (valid.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const refs: PDFRef[] = valid.map(() => context.nextRef());
  valid.forEach((bookmark, i) => {
    const page = pages[bookmark.page];
    if (!page) return;
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(bookmark.title));
    item.set(PDFName.of('Parent'), rootRef);
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    item.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('Fit')]));
    context.assign(refs[i] as PDFRef, item);
  });
  const root = context.obj({});
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  root.set(PDFName.of('Count'), PDFNumber.of(refs.length));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
