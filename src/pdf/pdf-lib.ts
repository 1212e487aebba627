/**
 * pdf-lib's values, loaded once with require() instead of through the ESM
 * loader. pdf-lib is CommonJS; importing it from ESM makes Node scan its
 * hundreds of files with cjs-module-lexer for named exports first, which
 * costs about as much again as loading it (import of pdf-lib and fontkit
 * ~1000 ms CPU, require ~560 ms on this machine). A synchronous require is
 * also never seen half-loaded by a concurrent dynamic import. Every value
 * import of pdf-lib in src/ comes from here; `import type` from 'pdf-lib'
 * is fine anywhere (erased).
 */
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';

const lib = createRequire(import.meta.url)('pdf-lib') as typeof PdfLib;

export const {
  PDFArray,
  PDFBool,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFFlateStream,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFObjectParser,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  PDFXRefStreamParser,
  beginMarkedContent,
  breakTextIntoLines,
  decodePDFRawStream,
  degrees,
  drawPage,
  drawText,
  endMarkedContent,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
  setLineWidth,
  setStrokingColor,
  stroke,
} = lib;

// The classes are types too.
export type PDFArray = PdfLib.PDFArray;
export type PDFBool = PdfLib.PDFBool;
export type PDFContext = PdfLib.PDFContext;
export type PDFDict = PdfLib.PDFDict;
export type PDFDocument = PdfLib.PDFDocument;
export type PDFFlateStream = PdfLib.PDFFlateStream;
export type PDFHexString = PdfLib.PDFHexString;
export type PDFInvalidObject = PdfLib.PDFInvalidObject;
export type PDFName = PdfLib.PDFName;
export type PDFNumber = PdfLib.PDFNumber;
export type PDFObjectParser = PdfLib.PDFObjectParser;
export type PDFRawStream = PdfLib.PDFRawStream;
export type PDFRef = PdfLib.PDFRef;
export type PDFStream = PdfLib.PDFStream;
export type PDFString = PdfLib.PDFString;
export type PDFXRefStreamParser = PdfLib.PDFXRefStreamParser;
export type { Color, PDFEmbeddedPage, PDFFont, PDFObject, PDFPage } from 'pdf-lib';

/**
 * For `parseSpeed` (PDFDocument.load) and `objectsPerTick` (save): pdf-lib
 * otherwise waits a setTimeout(0) after every 100 objects it parses and every
 * 50 it writes, at least a millisecond each and far more on a busy machine
 * (opening a printed 20-page deck: 165-235 ms, 120-140 ms without). deckhand's
 * documents are its own and small; they are read and written in one go. The
 * bytes are the same.
 */
export const IN_ONE_GO = Infinity;
