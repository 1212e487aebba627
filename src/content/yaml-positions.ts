/** Maps field paths to source positions in a parsed YAML document, and back. */
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

export type FieldPath = (string | number)[];

export class SourceMap {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  /**
   * Position of the node at `path`. For a missing field, the nearest existing
   * ancestor (the map that should have held it). For `key: true`, the key itself.
   */
  positionOf(path: FieldPath, options: { key?: boolean } = {}): Position {
    for (let depth = path.length; depth >= 0; depth--) {
      const sub = path.slice(0, depth);
      if (options.key && depth === path.length && depth > 0) {
        const keyNode = this.keyNode(sub);
        if (keyNode?.range) return this.at(keyNode.range[0]);
      }
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(sub, true);
      if (isNode(node) && node.range) return this.at(node.range[0]);
    }
    return { line: 1, column: 1 };
  }

  /** Source text of the node at `path` as written (e.g. `1.0` for a number), if it is a scalar. */
  sourceOf(path: FieldPath, text: string): string | undefined {
    const node = this.doc.getIn(path, true);
    return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
  }

  /** The key node of the last path segment, e.g. the `titel` in `titel: x`. */
  keyNode(path: FieldPath): Node | undefined {
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
    return isNode(pair?.key) ? pair.key : undefined;
  }

  /** The deepest field path whose node spans `offset` (for naming the field of a syntax error). */
  pathAt(offset: number): FieldPath {
    const path: FieldPath = [];
    let node: unknown = this.doc.contents;
    for (;;) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && spans(p.key, p.value, offset));
        if (!pair) return path;
        path.push(isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
        node = pair.value;
      } else if (isSeq(node)) {
        const index = node.items.findIndex((item) => isNode(item) && item.range && item.range[0] <= offset && offset <= item.range[1]);
        if (index < 0) return path;
        path.push(index);
        node = node.items[index];
      } else {
        return path;
      }
    }
  }
}

function spans(key: unknown, value: unknown, offset: number): boolean {
  const start = isNode(key) && key.range ? key.range[0] : undefined;
  // range[1] is where the value ends; range[2] also covers the trailing newline,
  // which would make a pair "contain" the first character of the next line.
  const end = isNode(value) && value.range ? value.range[1] : isNode(key) && key.range ? key.range[1] : undefined;
  return start !== undefined && end !== undefined && start <= offset && offset <= end;
}
