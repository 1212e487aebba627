/**
 * PDF bookmarks for a deck: one entry for each run of slides that share a
 * heading ("FAQ (1/2)" and "FAQ (2/2)" are one entry), taken from the
 * rendered slides themselves so the outline always matches the pages.
 */
export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  page: number;
}

const decode = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

export function deckOutline(marpHtml: string): OutlineEntry[] {
  const sections = marpHtml.split(/<section\b/).slice(1);
  const entries: OutlineEntry[] = [];
  let previous = '';
  sections.forEach((section, page) => {
    const heading = /<h([12])\b[^>]*>([\s\S]*?)<\/h\1>/.exec(section);
    const title = heading ? decode(heading[2] ?? '') : `Slide ${page + 1}`;
    const base = title.replace(/\s*\(\d+\/\d+\)$/, '');
    if (base !== previous) entries.push({ title: base, page });
    previous = base;
  });
  return entries;
}
