/**
 * Text drawing for the stamp, measured and encoded once per document.
 *
 * pdf-lib's page.drawText shapes the string through fontkit on every call;
 * the footer repeats the same lines on every page, so shaping them once and
 * pushing the encoded text as operators saves most of the stamp's time.
 */
import {
  degrees,
  type PDFName,
  drawText,
  type Color,
  type PDFDocument,
  type PDFFont,
  type PDFHexString,
  type PDFPage,
} from './pdf-lib.js';

export class StampText {
  private readonly encoded = new Map<string, PDFHexString>();
  private readonly widths = new Map<string, number>();
  private readonly glyphs: Set<number>;
  private readonly fontKeys = new WeakMap<PDFPage, PDFName>();
  private readonly alphaKeys = new WeakMap<PDFPage, Map<number, PDFName>>();

  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
  ) {
    this.glyphs = new Set(font.getCharacterSet());
  }

  /** Whitespace runs become one space; characters the font lacks become "?". */
  clean(text: string): string {
    return [...text.replace(/\s+/gu, ' ').trim()].map((c) => (this.glyphs.has(c.codePointAt(0) ?? 0) ? c : '?')).join('');
  }

  /** Width at `size` points. */
  width(text: string, size: number): number {
    let unit = this.widths.get(text);
    if (unit === undefined) {
      unit = this.font.widthOfTextAtSize(text, 1);
      this.widths.set(text, unit);
    }
    return unit * size;
  }

  draw(page: PDFPage, text: string, options: { x: number; y: number; size: number; color: Color; opacity?: number; rotate?: number }): void {
    let hex = this.encoded.get(text);
    if (!hex) {
      hex = this.font.encodeText(text);
      this.encoded.set(text, hex);
    }
    page.pushOperators(
      ...drawText(hex, {
        font: this.fontKey(page),
        size: options.size,
        color: options.color,
        x: options.x,
        y: options.y,
        rotate: degrees(options.rotate ?? 0),
        xSkew: degrees(0),
        ySkew: degrees(0),
        ...(options.opacity !== undefined ? { graphicsState: this.alphaKey(page, options.opacity) } : {}),
      }),
    );
  }

  private fontKey(page: PDFPage): PDFName {
    let key = this.fontKeys.get(page);
    if (!key) {
      key = page.node.newFontDictionary(this.font.name, this.font.ref);
      this.fontKeys.set(page, key);
    }
    return key;
  }

  private alphaKey(page: PDFPage, opacity: number): PDFName {
    let keys = this.alphaKeys.get(page);
    if (!keys) {
      keys = new Map();
      this.alphaKeys.set(page, keys);
    }
    let key = keys.get(opacity);
    if (!key) {
      const state = this.doc.context.obj({ Type: 'ExtGState', ca: opacity, CA: opacity });
      key = page.node.newExtGState('GS', this.doc.context.register(state));
      keys.set(opacity, key);
    }
    return key;
  }
}
