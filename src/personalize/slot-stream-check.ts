/**
 * Checks a slot content stream: it must be what copy-writer writes and
 * nothing a viewer would draw outside the slot. It starts by closing the
 * guard's `q`, clips to one rectangle (the slot box) before drawing anything,
 * uses only path filling, colour and text with the slot font, and no images,
 * XObjects, shadings, graphics states or inline data.
 */
const ALLOWED = new Set(['q', 'Q', 'cm', 're', 'W', 'n', 'f', 'rg', 'BT', 'ET', 'Tf', 'Tm', 'Tj', 'BMC', 'EMC']);

export interface SlotStreamFacts {
  /** The clip rectangle in page space, as [x, y, width, height]. */
  clip?: [number, number, number, number];
  problems: string[];
}

type Token = { kind: 'num'; value: number } | { kind: 'name'; value: string } | { kind: 'hex' } | { kind: 'op'; value: string } | { kind: 'other'; value: string };

function tokens(source: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(-?\d*\.?\d+)|\/([^\s/<>[\]()%{}]+)|<([0-9A-Fa-f\s]*)>|([A-Za-z*'"]+)|(\S))/gy;
  for (let m = re.exec(source); m && m[0] !== ''; m = re.exec(source)) {
    if (m[1] !== undefined) out.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: 'name', value: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'hex' });
    else if (m[4] !== undefined) out.push({ kind: 'op', value: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'other', value: m[5] });
  }
  return out;
}

export function checkSlotStream(source: string, fontResource: string): SlotStreamFacts {
  const problems: string[] = [];
  const list = tokens(source);
  const ops = list.filter((t): t is Extract<Token, { kind: 'op' }> => t.kind === 'op');
  const seq = ops.slice(0, 6).map((t) => t.value).join(' ');
  if (seq !== 'Q BMC q cm re W') problems.push(`the slot content does not begin by clipping to the slot box (it begins "${seq}")`);
  const nums = list.filter((t, i) => t.kind === 'num' && i < 20).map((t) => (t as { value: number }).value);
  let clip: SlotStreamFacts['clip'];
  if (nums.length >= 10) {
    const [a, b, c, d, e, f, x, y, w, h] = nums as [number, number, number, number, number, number, number, number, number, number];
    if (a === 1 && b === 0 && c === 0 && d === 1) clip = [x + e, y + f, w, h];
    else problems.push('the slot content scales or rotates its clip');
  }
  const bad = [...new Set(ops.map((t) => t.value).filter((op) => !ALLOWED.has(op)))];
  if (bad.length) problems.push(`the slot content uses operators the slot never needs: ${bad.join(', ')}`);
  if (list.some((t) => t.kind === 'other')) problems.push('the slot content holds literal strings, arrays or dictionaries the slot never writes');
  list.forEach((t, i) => {
    if (t.kind === 'op' && t.value === 'Tf') {
      const name = list[i - 2];
      if (name?.kind !== 'name' || name.value !== fontResource) problems.push(`the slot content draws text in a font other than the slot font (${name?.kind === 'name' ? name.value : '?'})`);
    }
  });
  let depth = 0;
  for (const op of ops) {
    if (op.value === 'q') depth++;
    if (op.value === 'Q') depth--;
  }
  // The leading Q closes the guard's q, so a balanced slot stream ends one below zero.
  if (depth !== -1) problems.push('the slot content leaves the graphics state unbalanced');
  const clipAt = ops.findIndex((t) => t.value === 'W');
  const firstPaint = ops.findIndex((t) => t.value === 'f' || t.value === 'Tj');
  if (firstPaint >= 0 && (clipAt < 0 || firstPaint < clipAt)) problems.push('the slot content paints before clipping to the slot box');
  // After the clip, nothing may restore the state that had no clip, then paint.
  const restore = ops.findIndex((t, i) => i > clipAt && t.value === 'Q');
  const paintAfter = ops.findIndex((t, i) => i > restore && (t.value === 'f' || t.value === 'Tj' || t.value === 'BT'));
  if (restore >= 0 && paintAfter >= 0) problems.push('the slot content paints after leaving its clip');
  return { ...(clip ? { clip } : {}), problems };
}
