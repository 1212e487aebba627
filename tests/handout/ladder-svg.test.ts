import { describe, it, expect } from 'vitest';
import { escapeXml, estimateWidthEm, ladderSvg, wrapTitle } from '../../src/handout/ladder-svg.js';

const SAMPLE_TITLES = [
  'Conservative care',
  'Medication management',
  'Diagnostic and therapeutic injections',
  'Radiofrequency nerve treatments',
  'Neuromodulation',
  'Surgical evaluation',
];

function steps(count: number, title = (i: number) => SAMPLE_TITLES[i % SAMPLE_TITLES.length] ?? `Step ${i + 1}`) {
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, title: title(i) }));
}

const count = (haystack: string, needle: string | RegExp): number =>
  typeof needle === 'string' ? haystack.split(needle).length - 1 : (haystack.match(needle) ?? []).length;

/**
 * A small well-formedness check, enough for generated SVG: tags balance,
 * attribute values are quoted and free of "<", text and attributes hold
 * no bare "&" and no raw "<" outside tags.
 */
function assertWellFormed(xml: string): void {
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  const stack: string[] = [];
  let roots = 0;
  let end = 0;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml)) !== null) {
    end = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text, stray] = m;
    if (stray !== undefined) throw new Error(`stray "<" at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    const checkEntities = (s: string) => {
      const bad = s.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
      if (bad) throw new Error(`bare "&" near ${s.slice(0, 60)}`);
    };
    if (text !== undefined) {
      if (stack.length === 0) throw new Error(`text outside the root element: ${text.slice(0, 40)}`);
      checkEntities(text);
      continue;
    }
    checkEntities(attrs ?? '');
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name ?? '');
    } else if (stack.length === 0) {
      roots++;
    }
  }
  if (end !== xml.length) throw new Error(`could not tokenise at ${end}: ${xml.slice(end, end + 40)}`);
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) throw new Error(`expected one root element, found ${roots}`);
}

function numbersIn(svg: string): number[] {
  return [...svg.matchAll(/\s(?:x|y|x1|y1|x2|y2|width|height)="([^"]*)"/g)].map((m) => Number(m[1]));
}

describe('assertWellFormed (the test helper itself)', () => {
  it('rejects broken markup', () => {
    expect(() => assertWellFormed('<svg><g></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><text>a < b</text></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><text>a & b</text></svg>')).toThrow();
    expect(() => assertWellFormed('<svg aria-label="a"b"></svg>')).toThrow();
    expect(() => assertWellFormed('<svg></svg><svg></svg>')).toThrow();
    expect(() => assertWellFormed('<svg><rect x="1"/><text>a &amp; b</text></svg>')).not.toThrow();
  });
});

describe('ladderSvg', () => {
  it('returns one well-formed, accessible, viewBox-scaled <svg> element', () => {
    const svg = ladderSvg(steps(6));
    assertWellFormed(svg);
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 640 [\d.]+"/);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toMatch(/^<svg [^>]*aria-label="1\. Conservative care, 2\. Medication management, [^"]*6\. Surgical evaluation"/);
    expect(count(svg, '<title>')).toBe(1);
    // Scales with its container: no fixed width/height attributes on the root.
    expect(svg).not.toMatch(/^<svg [^>]*\swidth="/);
    expect(svg).not.toMatch(/^<svg [^>]*\sheight="/);
  });

  it('draws one tread, one riser, one number and one title per step, for 1 to 12 steps', () => {
    for (let n = 1; n <= 12; n++) {
      const svg = ladderSvg(steps(n));
      assertWellFormed(svg);
      expect(count(svg, 'class="ladder-tread"')).toBe(n);
      expect(count(svg, 'class="ladder-riser"')).toBe(n);
      expect(count(svg, 'class="ladder-number"')).toBe(n);
      expect(count(svg, 'class="ladder-title"')).toBe(n);
      expect(count(svg, /<text[\s>]/g)).toBe(2 * n);
      for (const v of numbersIn(svg)) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('ascends from bottom-left to top-right', () => {
    const svg = ladderSvg(steps(12));
    const treads = [...svg.matchAll(/class="ladder-tread" x="([\d.]+)" y="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(treads).toHaveLength(12);
    for (let i = 1; i < treads.length; i++) {
      expect(treads[i]!.x).toBeGreaterThan(treads[i - 1]!.x);
      expect(treads[i]!.y).toBeLessThan(treads[i - 1]!.y);
    }
    const numbers = [...svg.matchAll(/class="ladder-number"[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('keeps every title line inside the viewBox', () => {
    for (const n of [1, 6, 12]) {
      const svg = ladderSvg(steps(n, (i) => `${SAMPLE_TITLES[i % 6]} with a rather long additional qualifier`));
      const [, , , , vbHeight] = svg.match(/viewBox="(0) (0) ([\d.]+) ([\d.]+)"/) ?? [];
      const ys = [...svg.matchAll(/<tspan x="[\d.]+" y="([\d.-]+)"/g)].map((m) => Number(m[1]));
      expect(ys.length).toBeGreaterThan(0);
      for (const y of ys) {
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(Number(vbHeight));
      }
      // At most three lines per title.
      for (const title of svg.match(/<text class="ladder-title"[^>]*>.*?<\/text>/g) ?? []) {
        expect(count(title, '<tspan')).toBeLessThanOrEqual(3);
      }
    }
  });

  it('escapes every string: a hostile title appears only escaped', () => {
    const hostile = '<script>&"\'';
    const svg = ladderSvg([
      { number: 1, title: hostile },
      { number: 2, title: 'Tom & Jerry <b>bold</b> "quoted" it\'s' },
    ]);
    assertWellFormed(svg);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;&amp;&quot;&#39;');
    expect(svg).toContain('Tom &amp; Jerry');
    // Only the entities we produce, never a raw special character inside text or attributes.
    const textContent = svg.replace(/<[^>]*>/g, '');
    expect(textContent).not.toMatch(/[<>"']/);
  });

  it('escapes a custom label and keeps non-Latin text intact', () => {
    const svg = ladderSvg([{ number: 1, title: 'Girişimsel ağrı – İleri basamak' }, { number: 2, title: 'Schmerztherapie für Fachkräfte – Maßnahmen' }], {
      label: 'Ağrı merdiveni <ladder> & "steps"',
    });
    assertWellFormed(svg);
    expect(svg).toContain('aria-label="Ağrı merdiveni &lt;ladder&gt; &amp; &quot;steps&quot;"');
    expect(svg).toContain('<title>Ağrı merdiveni &lt;ladder&gt; &amp; &quot;steps&quot;</title>');
    expect(svg).toContain('Girişimsel');
    expect(svg).toContain('Maßnahmen');
  });

  it('drops characters XML cannot carry', () => {
    const svg = ladderSvg([{ number: 1, title: 'Bad\u0001\u0008control\uFFFF' }]);
    assertWellFormed(svg);
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(svg).toContain('Badcontrol');
  });

  it('is deterministic', () => {
    expect(ladderSvg(steps(7))).toBe(ladderSvg(steps(7)));
    expect(ladderSvg(steps(6), { width: 800 })).toBe(ladderSvg(steps(6), { width: 800 }));
  });

  it('uses the requested width for the viewBox and ignores nonsense widths', () => {
    expect(ladderSvg(steps(6), { width: 800 })).toMatch(/viewBox="0 0 800 /);
    expect(ladderSvg(steps(6), { width: Number.NaN })).toMatch(/viewBox="0 0 640 /);
    expect(ladderSvg(steps(6), { width: 10 })).toMatch(/viewBox="0 0 240 /);
  });

  it('still returns a well-formed SVG for an empty list', () => {
    const svg = ladderSvg([]);
    assertWellFormed(svg);
    expect(count(svg, 'class="ladder-tread"')).toBe(0);
  });
});

describe('wrapTitle', () => {
  it('wraps on word boundaries within the width', () => {
    const lines = wrapTitle('Diagnostic and therapeutic injections', 8);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Diagnostic and therapeutic injections');
    for (const line of lines) expect(estimateWidthEm(line)).toBeLessThanOrEqual(8);
  });

  it('keeps at most maxLines and marks the cut with an ellipsis', () => {
    const lines = wrapTitle('one two three four five six seven eight nine ten eleven twelve', 4, 3);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(estimateWidthEm(line)).toBeLessThanOrEqual(4);
  });

  it('splits words wider than a line, preferring existing hyphens, and never drops text before the cut', () => {
    expect(wrapTitle('Follow-up', 4)).toEqual(['Follow-', 'up']);
    const long = 'Donaudampfschifffahrtsgesellschaft';
    const lines = wrapTitle(long, 6, 10);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('').replace(/-/g, '')).toBe(long);
    for (const line of lines) expect(estimateWidthEm(line)).toBeLessThanOrEqual(6);
  });

  it('returns no lines for an empty title', () => {
    expect(wrapTitle('   ', 10)).toEqual([]);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
    expect(escapeXml('plain İş ß')).toBe('plain İş ß');
  });
});
