/**
 * The "clinical" theme (templates/themes/clinical.css) in PowerPoint units.
 * The slide is the deck's 1280×720 px page at 96 px per inch (13.333×7.5 in),
 * so every size below is the CSS size converted: inches = px / 96,
 * points = px × 0.75. Keeping the deck's geometry is what lets the PowerPoint
 * reuse the deck's slide plan and still fit every slide.
 */
export const FONT = 'Noto Sans';

/** Colours without '#', as pptxgenjs wants them. */
export const COLOURS = {
  text: '1F2933',
  accent: '0B5563',
  accentAlt: '0E6A7A',
  accentLight: '5EB1BF',
  strong: '0B3A44',
  muted: '374151',
  footer: '4B5563',
  rule: 'D5E5E8',
  tableRule: 'D1D5DB',
  calloutFill: 'EEF6F7',
  onAccent: 'FFFFFF',
  onAccentSoft: 'D9F0F3',
  onAccentText: 'E6F2F4',
  stepNumber: 'BFE3E8',
  draft: '8A1C1C',
  white: 'FFFFFF',
} as const;

export const px = (v: number): number => v / 96;
export const pt = (v: number): number => v * 0.75;

export const SLIDE = { w: px(1280), h: px(720) } as const;

/** Content box of an ordinary slide: `padding: 48px 72px 86px`. */
export const CONTENT = { x: px(72), y: px(48), w: px(1280 - 144), bottom: px(720 - 86) } as const;

/**
 * The h2 heading: 42px, line-height 1.2, then 10px padding, a 2px rule and
 * 22px margin. Its box reaches 22px into the top padding, room for a long
 * heading set smaller on two or three lines (anchored at the bottom).
 */
export const HEADING = { size: pt(42), y: px(48 - 22), h: px(42 * 1.2 + 4 + 22), ruleY: px(48 + 42 * 1.2 + 10), bodyY: px(48 + 42 * 1.2 + 10 + 2 + 22) } as const;

/** Body text: 26px at line-height 1.38. */
export const BODY = { size: pt(26), lineHeight: 1.38 } as const;

/** The footer band: 15px text, 40px above the bottom edge. */
export const FOOTER = { size: pt(15), y: px(720 - 40 - 24), h: px(24), rightX: px(1280 - 160) } as const;
