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
    // Soft hyphens and word joiners are for line breaking on the page, not for bookmark titles.
    .replace(/[\u00AD\u2060]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** `slideTitle(n)` names a slide without a heading (the catalogue's bookmark.slide). */
export function deckOutline(marpHtml: string, slideTitle: (number: number) => string = (n) => String(n)): OutlineEntry[] {
  const titles = marpHtml
    .split(/<section\b/)
    .slice(1)
    .map((section, page) => {
      const heading = /<h([12])\b[^>]*>([\s\S]*?)<\/h\1>/.exec(section);
      return heading ? decode(heading[2] ?? '') : slideTitle(page + 1);
    });
  // "FAQ (2/3)" is a continuation only if the deck really has the other parts of
  // the series; a heading that merely ends in "(1/2)" keeps its text.
  const SUFFIX = /^(.*) \((\d+)\/(\d+)\)$/;
  const series = new Map<string, number>();
  for (const title of titles) {
    const m = SUFFIX.exec(title);
    if (m) series.set(`${m[1]}|${m[3]}`, (series.get(`${m[1]}|${m[3]}`) ?? 0) + 1);
  }
  const base = (title: string) => {
    const m = SUFFIX.exec(title);
    return m && (series.get(`${m[1]}|${m[3]}`) ?? 0) === Number(m[3]) && Number(m[3]) > 1 ? (m[1] ?? title) : title;
  };
  const entries: OutlineEntry[] = [];
  titles.forEach((title, page) => {
    const b = base(title);
    if (page === 0 || b !== base(titles[page - 1] ?? '')) entries.push({ title: b, page });
  });
  return entries;
}
