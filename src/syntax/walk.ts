// A generic pre-order walk over the AST: every object with a `kind` field is a node, its
// fields (and arrays of them) its children, in declaration order of the fields. Good
// enough for inspections and cross-checks; later stages write typed visitors.

import type { Node } from './ast.js';

/** Visits every node; `visit` returning false skips that node's children. */
export function forEachNode(root: Node, visit: (n: Node) => boolean | void): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
      continue;
    }
    const obj = x as Record<string, unknown>;
    if (typeof obj.kind === 'string' && visit(obj as unknown as Node) === false) continue;
    const values = Object.values(obj);
    for (let i = values.length - 1; i >= 0; i--) {
      const v = values[i];
      if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
}

/** The goparser-check lines for a file: identifiers, calls, literals, func literals, `&`. */
export function crossCheckLines(root: Node): string[] {
  const out: string[] = [];
  forEachNode(root, (n) => {
    switch (n.kind) {
      case 'Name':
        out.push(`ident ${n.line}:${n.col} ${n.value}`);
        break;
      case 'CallExpr':
        out.push(`call ${n.line}:${n.col}`);
        break;
      case 'CompositeLit':
        out.push(`complit ${n.line}:${n.col}`);
        break;
      case 'FuncLit':
        out.push(`funclit ${n.line}:${n.col}`);
        break;
      case 'UnaryExpr':
        if (n.op === '&') out.push(`addr ${n.line}:${n.col}`);
        break;
    }
  });
  return out;
}
