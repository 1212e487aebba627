/**
 * Slides that are text and lists: agenda, ladder step, team, technologies,
 * FAQ and disclaimer. One text box per list; the "next step" call-out is its
 * own shape under the step's text.
 */
import { BODY_BOX, bodyText, fitsBody, heading, run, styles } from './layout-common.js';
import { largestFit, textShape, type ImageShape, type Shape, type TextShape } from './layout.js';
import type { ImageRef, PlannedSlide } from './slide-plan.js';
import type { Para } from './text-block.js';
import { BODY, COLOURS, pt, px } from './theme.js';

type Of<K extends PlannedSlide['kind']> = Extract<PlannedSlide, { kind: K }>;

/** Text that fills the body area from the top: the box is the whole body, the text measured against it. */
function bodyFill(paras: Para[], box: { x?: number; w?: number } = {}): TextShape {
  return textShape({ x: box.x ?? BODY_BOX.x, y: BODY_BOX.y, w: box.w ?? BODY_BOX.w, h: BODY_BOX.h }, paras);
}

const fitsBox = (shape: TextShape) => shape.needs <= shape.h + 1e-6;

export function agendaShapes(slide: Of<'agenda'>): Shape[] {
  const body = largestFit((s) => {
    const shape = bodyFill(slide.items.map((item) => ({ ...styles.item([run(item)], s, pt(30), pt(12)), bullet: 'number' as const })));
    return { result: shape, fits: fitsBox(shape) };
  });
  return [heading(slide.heading), body];
}

export function stepShapes(slide: Of<'step'>): Shape[] {
  const shapes = largestFit((s) => {
    const paras: Para[] = [
      ...slide.paragraphs.map((p) => styles.body([run(p)], s)),
      ...(slide.options.length ? [styles.label(slide.optionsLabel, s), ...slide.options.map((o) => styles.item([run(o)], s))] : []),
    ];
    const text = paras.length ? bodyText(paras) : undefined;
    const out: Shape[] = text ? [text] : [];
    let bottom = text ? text.y + text.h : BODY_BOX.y;
    if (slide.next) {
      const y = text ? bottom + px(24) : BODY_BOX.y;
      const inset = { l: px(22 + 8), r: px(22), t: px(14), b: px(14) };
      const para: Para = { runs: [run(slide.next.label, { bold: true, color: COLOURS.strong }), run(` ${slide.next.text}`)], size: pt(24) * s, lineHeight: BODY.lineHeight, color: COLOURS.text };
      const callout = textShape({ x: BODY_BOX.x, y, w: BODY_BOX.w, h: 0 }, [para], { inset, fill: COLOURS.calloutFill, valign: 'top' });
      const sized = { ...callout, h: callout.needs + inset.t + inset.b };
      out.push(sized, { kind: 'rect', x: BODY_BOX.x, y, w: px(8), h: sized.h, fill: COLOURS.accent });
      bottom = y + sized.h;
    }
    return { result: out, fits: fitsBody(bottom) };
  });
  return [heading(slide.heading), ...shapes];
}

export function teamShapes(slide: Of<'team'>): Shape[] {
  const body = largestFit((s) => {
    const shape = bodyFill([
      ...(slide.intro ? [styles.body([run(slide.intro)], s, pt(18))] : []),
      ...slide.members.map((m) => styles.item([run(m.discipline, { bold: true, color: COLOURS.strong }), run(`: ${m.role}`)], s)),
    ]);
    return { result: shape, fits: fitsBox(shape) };
  });
  return [heading(slide.heading), body];
}

/** Width of the picture column when a technologies slide has pictures. */
const IMAGE_COLUMN = px(340);

export function technologyShapes(slide: Of<'technologies'>, imageSize: (image: ImageRef) => { w: number; h: number }): Shape[] {
  const images = slide.items.flatMap((t) => (t.image ? [{ image: t.image, name: t.name }] : []));
  const textW = images.length ? BODY_BOX.w - IMAGE_COLUMN - px(32) : BODY_BOX.w;
  const body = largestFit((s) => {
    const shape = bodyFill(
      slide.items.map((t) =>
        styles.item(
          [run(t.name, { bold: true, color: COLOURS.strong }), run(` · ${t.meta}`, { color: COLOURS.accent }), run(t.description, { breakBefore: true })],
          s,
          pt(24),
          pt(12),
        ),
      ),
      { w: textW },
    );
    return { result: shape, fits: fitsBox(shape) };
  });
  return [heading(slide.heading), body, ...pictureColumn(images, imageSize)];
}

/** Pictures stacked in the right-hand column, each scaled to fit its slot, with the technology's name under it. */
function pictureColumn(images: { image: ImageRef; name: string }[], imageSize: (image: ImageRef) => { w: number; h: number }): Shape[] {
  if (!images.length) return [];
  const gap = px(16);
  const caption = px(30);
  const slot = Math.min(px(260), (BODY_BOX.h - gap * (images.length - 1)) / images.length);
  const x = BODY_BOX.x + BODY_BOX.w - IMAGE_COLUMN;
  return images.flatMap(({ image, name }, i) => {
    const y = BODY_BOX.y + i * (slot + gap);
    const natural = imageSize(image);
    const scale = Math.min(IMAGE_COLUMN / natural.w, (slot - caption) / natural.h);
    const w = natural.w * scale;
    const h = natural.h * scale;
    const picture: ImageShape = { kind: 'image', x: x + (IMAGE_COLUMN - w) / 2, y, w, h, data: image.data, alt: image.alt };
    const label = textShape({ x, y: y + h + px(4), w: IMAGE_COLUMN, h: caption - px(4) }, [
      { runs: [run(name)], size: pt(16), lineHeight: 1.2, color: COLOURS.muted, align: 'center' },
    ]);
    return [picture, label];
  });
}

export function faqShapes(slide: Of<'faq'>): Shape[] {
  const body = largestFit((s) => {
    const shape = bodyFill(
      slide.items.flatMap((f) => [
        { runs: [run(f.question, { bold: true })], size: pt(26) * s, lineHeight: 1.2, after: pt(4) * s, color: COLOURS.accent },
        styles.body([run(f.answer)], s, pt(24)),
      ]),
    );
    return { result: shape, fits: fitsBox(shape) };
  });
  return [heading(slide.heading), body];
}

export function disclaimerShapes(slide: Of<'disclaimer'>): Shape[] {
  const body = largestFit((s) => {
    const shape = bodyFill(slide.paragraphs.map((p) => ({ ...styles.body([run(p)], s), size: pt(23) * s })));
    return { result: shape, fits: fitsBox(shape) };
  });
  return [heading(slide.heading), body];
}
