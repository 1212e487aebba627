/** Where the stamp footer goes on each kind of page; the templates keep this band free. */
import type { FooterBox } from './footer.js';
import { MM } from '../render/paper.js';

export const FOOTER_BOXES = {
  /** Handouts: the page CSS keeps the bottom 16 mm free. */
  handout: { margin: 18 * MM, bottom: 6 * MM, height: 10 * MM, fontSize: 7 },
  /** Decks (960 × 540 pt): the theme keeps the bottom 86 px (64.5 pt) free. */
  deck: { margin: 54, bottom: 18, height: 30, fontSize: 9 },
} satisfies Record<string, FooterBox>;
