/**
 * verify check: the drawn-content hash (every page's dictionary, boxes,
 * annotations, resources and the catalog entries a viewer acts on, read
 * through the xref), recomputed and compared with the one the seal recorded.
 * The recorded value is only useful against accidental edits: anyone can
 * recompute it, which is why the release record and the signature exist.
 */
import { drawnContentHash } from '../../pdf/structure/index.js';
import type { DeckhandRecord } from '../../pdf/xmp.js';

export interface DrawnHashCheck {
  actual?: string;
  recorded: string;
  intact: boolean;
  problems: string[];
}

export function checkDrawnHash(bytes: Uint8Array, record: DeckhandRecord): DrawnHashCheck {
  let actual: string;
  try {
    actual = drawnContentHash(bytes);
  } catch (error) {
    return { recorded: record.pagesSha256, intact: false, problems: [`what the pages draw cannot be read: ${(error as Error).message}`] };
  }
  const intact = actual === record.pagesSha256;
  return {
    actual,
    recorded: record.pagesSha256,
    intact,
    problems: intact ? [] : ['edited after deckhand wrote it: what the pages draw (content, boxes, annotations, fonts, images or document actions) no longer matches the hash recorded at sealing'],
  };
}
