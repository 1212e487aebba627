/**
 * Marp Markdown → slide HTML/CSS with marp-core, configured for offline use:
 * no twemoji images, no math (no MathJax/KaTeX fonts), no linkify, no runtime
 * script, and no raw HTML but the two tags the citation partials write
 * (`<sup class>` around citation links, `<span id>` as a link target). Course
 * text cannot produce them: it reaches Markdown with `<` as an entity. Only the theme CSS the course chose is registered.
 */
import { Marp } from '@marp-team/marp-core';

export interface MarpOutput {
  html: string;
  css: string;
  /** Speaker-note comments per slide, in slide order. */
  comments: string[][];
  slideCount: number;
}

/** One configured Marp per theme: building it runs the theme through postcss, which is not free. */
const instances = new Map<string, Marp>();

function marpFor(themeCss: string): Marp {
  let marp = instances.get(themeCss);
  if (!marp) {
    marp = new Marp({
      html: { sup: ['class'], span: ['id'] },
      math: false,
      emoji: { shortcode: false, unicode: false },
      script: false,
      inlineSVG: true,
      minifyCSS: false,
      // No heading ids: they could collide with the deck shell's element ids, and
      // Marp's slugger throws on some strings. The deck navigates by slide number.
      slug: false,
    });
    marp.markdown.set({ linkify: false, typographer: false });
    marp.themeSet.add(themeCss);
    instances.set(themeCss, marp);
  }
  return marp;
}

export function renderMarp(markdown: string, themeCss: string): MarpOutput {
  const { html, css, comments } = marpFor(themeCss).render(markdown);
  return { html, css: stripImports(css), comments, slideCount: comments.length };
}

/** Drops any `@import` (a theme could name a web font URL); deckhand documents never fetch. */
function stripImports(css: string): string {
  return css.replace(/@import\s+[^;]+;/g, '');
}
