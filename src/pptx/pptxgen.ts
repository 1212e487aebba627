/**
 * pptxgenjs 4 ships ESM code but CommonJS-style typings (`export default` in a
 * .d.ts of a package without "type": "module"), so under NodeNext TypeScript
 * sees the default import as the module object. At run time the ESM build's
 * default export is the class itself. This file is the one place that knows.
 */
import pptxgen from 'pptxgenjs';

type PptxClass = typeof pptxgen.default;
export type Pptx = InstanceType<PptxClass>;
export type TextProps = pptxgen.default.TextProps;
export type TextPropsOptions = pptxgen.default.TextPropsOptions;
export type Slide = pptxgen.default.Slide;
export type TableRow = pptxgen.default.TableRow;
export type TableCell = pptxgen.default.TableCell;
export type SlideMasterProps = pptxgen.default.SlideMasterProps;
export type SlideNumberProps = pptxgen.default.SlideNumberProps;

const runtime = pptxgen as unknown as PptxClass & { default?: PptxClass };
export const PptxGenJS: PptxClass = runtime.default ?? runtime;
