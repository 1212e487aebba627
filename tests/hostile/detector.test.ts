/**
 * Checks the checks: with the escapers switched off (mocked to pass text
 * through), the comparisons the hostile suite relies on must notice. If this
 * file fails, the other hostile tests could be passing for the wrong reason.
 */
import { describe, expect, it, vi } from 'vitest';
import * as realEscape from '../../src/render/escape.js';

const broken = vi.hoisted(() => ({ markdown: false, html: false }));

vi.mock('../../src/render/escape.js', async (importOriginal) => {
  const real = await importOriginal<typeof realEscape>();
  return {
    ...real,
    escapeMarkdown: (s: string) => (broken.markdown ? s : real.escapeMarkdown(s)),
    escapeHtml: (s: string) => (broken.html ? s : real.escapeHtml(s)),
  };
});

const { benign, shownBenign, count, deckText, firstDifference, handoutText, loadSample, render, tagSignature, validate, withStrings } = await import('./harness.js');
type Path = import('./harness.js').Path;

function renderAll(text: string) {
  const s = loadSample();
  const v = validate(withStrings(s.course, s.freeText.map((p): [Path, string] => [p, text])));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return render(v.course);
}

describe('the hostile checks detect broken escaping', { timeout: 20_000 }, () => {
  it('an unescaped "---" changes the slide count', () => {
    broken.markdown = true;
    try {
      expect(renderAll('a\n\n---\n\nb').deck.slideCount).not.toBe(renderAll(benign('a\n\n---\n\nb')).deck.slideCount);
    } finally {
      broken.markdown = false;
    }
  });

  it('an unescaped heading or image changes the deck markup', () => {
    broken.markdown = true;
    try {
      for (const text of ['# heading', '![bg](http://evil.example/bg.png)', '**bold**']) {
        const hostile = renderAll(text);
        const base = renderAll(benign(text));
        expect(firstDifference(tagSignature(base.deck.html), tagSignature(hostile.deck.html)), text).toBeDefined();
      }
    } finally {
      broken.markdown = false;
    }
  });

  it('unescaped HTML in the handout changes its markup and hides the text', () => {
    broken.html = true;
    try {
      const text = '<img src=x onerror="window.__pwned=1">';
      const hostile = renderAll(text);
      const base = renderAll(benign(text));
      expect(firstDifference(tagSignature(base.handout), tagSignature(hostile.handout))).toBeDefined();
      expect(count(handoutText(hostile.handout), text)).toBeLessThan(count(handoutText(base.handout), shownBenign(text)));
    } finally {
      broken.html = false;
    }
  });

  it('with the real escapers the same inputs pass', () => {
    for (const text of ['a\n\n---\n\nb', '# heading', '<img src=x onerror="window.__pwned=1">']) {
      const hostile = renderAll(text);
      const base = renderAll(benign(text));
      expect(hostile.deck.slideCount).toBe(base.deck.slideCount);
      expect(firstDifference(tagSignature(base.deck.html), tagSignature(hostile.deck.html))).toBeUndefined();
      expect(count(deckText(hostile.deck), text.replace(/\s+/g, ' '))).toBe(count(deckText(base.deck), shownBenign(text)));
    }
  });
});
