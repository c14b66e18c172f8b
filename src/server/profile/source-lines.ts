import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';

/** Where each path of a parsed file sits in its text, for 'file:line' in problem reports. */
export interface SourceLines {
  lineOf(path: string): number | undefined;
}

/** 'departments[3].phone' → ['departments', 3, 'phone'] */
export function parsePath(path: string): Array<string | number> {
  const segs: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) segs.push(Number(m[2]));
    else if (m[1] !== undefined) segs.push(m[1]);
  }
  return segs;
}

function child(node: unknown, seg: string | number): { node: unknown; keyStart?: number } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
    if (pair === undefined) return undefined;
    const keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    // a key with an empty value still has a line: its key's
    return { node: pair.value ?? undefined, keyStart };
  }
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg];
    return item === undefined ? undefined : { node: item };
  }
  return undefined;
}

/** Line lookup over a YAML (or JSON, which YAML 1.2 reads too) document; the deepest existing node wins. */
export function yamlLines(doc: Document, counter: LineCounter): SourceLines {
  return {
    lineOf(path: string): number | undefined {
      let node: unknown = doc.contents;
      let offset = (node as Node | null)?.range?.[0];
      for (const seg of parsePath(path)) {
        const next = child(node, seg);
        if (next === undefined) break;
        node = next.node;
        const start = (node as Node | undefined)?.range?.[0] ?? next.keyStart;
        if (start !== undefined) offset = start;
        if (node === undefined) break;
      }
      return offset === undefined ? undefined : counter.linePos(offset).line;
    },
  };
}

/**
 * Line lookup for a JSON text, built only when a problem needs it: big GeoJSON files are parsed
 * with JSON.parse, and the slower YAML parse (which keeps positions) runs only on demand.
 */
export function lazyJsonLines(text: string): SourceLines {
  let lines: SourceLines | undefined;
  return {
    lineOf(path: string): number | undefined {
      if (lines === undefined) {
        const counter = new LineCounter();
        lines = yamlLines(parseDocument(text, { lineCounter: counter }), counter);
      }
      return lines.lineOf(path);
    },
  };
}

/** 1-based line of a character offset. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
