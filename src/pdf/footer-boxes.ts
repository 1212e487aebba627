/** Where the stamp footer goes on each kind of page; the templates keep this band free. */
import type { FooterBox } from './footer.js';
import { MM } from '../render/paper.js';

export const FOOTER_BOXES = {
  /** Handouts: the page CSS keeps the bottom 16 mm free. */
  handout: { margin: 18 * MM, bottom: 6 * MM, height: 10 * MM, fontSize: 7 },
  /** Decks (960 × 540 pt): the theme keeps the bottom 86 px (64.5 pt) free. */
  deck: { margin: 54, bottom: 18, height: 30, fontSize: 9 },
} satisfies Record<string, FooterBox>;

/**
 * Where the certification block goes on the document-control page (the
 * handout's last page, the deck's last slide), in points from the trim's
 * bottom-left. The templates reserve exactly this area: the handout ends with
 * an empty .certification-slot of this height just above the bottom margin
 * (so the last page's lowest 32 mm of the content area are always free), the
 * deck's document-control slide keeps its lower part free (clinical.css).
 */
export const CERTIFICATION_BOXES = {
  handout: { x: 18 * MM, y: 22 * MM, height: 32 * MM, marginX: 18 * MM, size: 8.5 },
  /** Slides are read from a distance: larger type; the box is 70-190 pt from the bottom, well clear of the table above. */
  deck: { x: 54, y: 70, height: 120, marginX: 54, size: 12 },
} as const;
