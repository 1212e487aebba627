/**
 * A brand's colours as the stylesheets and the ladder figure use them. A brand
 * file names two colours (primary, accent) and may name the rest; the others
 * are mixed from the primary here, so a new brand is a few lines. Every value
 * is a validated `#rrggbb` and the font one of the fonts deckhand ships, so
 * the CSS made from them cannot carry anything but those values.
 */

/** The colour roles, as written in brand.yaml, and the custom property each sets. */
export const COLOUR_ROLES = {
  primary: '--brand-primary',
  accent: '--brand-accent',
  text: '--brand-text',
  primaryDark: '--brand-primary-dark',
  tint: '--brand-tint',
  tintStrong: '--brand-tint-strong',
  onPrimary: '--brand-on-primary',
} as const;
export type ColourRole = keyof typeof COLOUR_ROLES;
export type BrandColours = Record<ColourRole, string>;

type Rgb = [number, number, number];

/** `#abc` or `#aabbcc` → [r, g, b]. */
export function parseHex(hex: string): Rgb {
  const h = hex.slice(1);
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** `a` moved towards `b` by `t` (0..1), in sRGB. */
export function mixHex(a: string, b: string, t: number): string {
  const [x, y] = [parseHex(a), parseHex(b)];
  return toHex([0, 1, 2].map((i) => (x[i] ?? 0) + ((y[i] ?? 0) - (x[i] ?? 0)) * t) as Rgb);
}

/** The full set of roles: those the brand names (normalised to #rrggbb), the rest mixed from its primary. */
export function brandColours(given: Partial<BrandColours> & Pick<BrandColours, 'primary' | 'accent'>): BrandColours {
  const norm = (hex: string) => toHex(parseHex(hex));
  const primary = norm(given.primary);
  return {
    primary,
    accent: norm(given.accent),
    text: norm(given.text ?? '#1c2329'),
    primaryDark: norm(given.primaryDark ?? mixHex(primary, '#000000', 0.3)),
    tint: norm(given.tint ?? mixHex(primary, '#ffffff', 0.9)),
    tintStrong: norm(given.tintStrong ?? mixHex(primary, '#ffffff', 0.8)),
    onPrimary: norm(given.onPrimary ?? mixHex(primary, '#ffffff', 0.85)),
  };
}

/** The rule that sets a brand's custom properties on `selector` (`:root` for the handout, `section` for Marp). */
export function brandCss(colours: BrandColours, font: string, selector: string, logoDataUri?: string): string {
  const props = (Object.keys(COLOUR_ROLES) as ColourRole[]).map((role) => `${COLOUR_ROLES[role]}: ${colours[role]};`);
  // A data: URL made by deckhand (base64, no quotes or parentheses), so it cannot end the url().
  if (logoDataUri && /^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(logoDataUri)) props.push(`--brand-logo: url("${logoDataUri}"); --brand-logo-plate: #fff;`);
  // The font name comes from a closed list (brand.ts SHIPPED_FONTS); quoting it is all CSS needs.
  return `\n/* brand (templates/brand.yaml or presentation.brand) */\n${selector} { ${props.join(' ')} --brand-font: '${font}'; }\n`;
}

/** The ladder figure's palette from the brand (src/handout/ladder-svg.ts). */
export function ladderColours(colours: BrandColours): { ink: string; rampLight: string; rampDark: string; tread: string } {
  return { ink: colours.text, rampLight: colours.tintStrong, rampDark: colours.primary, tread: colours.primaryDark };
}
