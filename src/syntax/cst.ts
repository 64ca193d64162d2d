// Ohm's concrete syntax tree, read directly by the AST builder's actions.
//
// Ohm's own way to run actions, a Semantics, wraps every CST node in a Wrapper with a source
// Interval and dispatches through a generic operation: measured on a cold run over eleven
// modules (node --cpu-prof), that wrapping was a fifth of all parse time (Interval's
// constructor alone 6%). The builder needs only what the Wrapper offers it: a node's rule
// name, its children, where it starts and ends (token indices) and `ast()`, which calls the
// action named after the rule, Ohm's `_iter` for iterations, and passes a node with a single
// child on to that child, as Ohm's default action does. A CstNode is that, over Ohm's
// MatchResult tree (its `_cst`, `_cstOffset`: the same nodes a Semantics wraps).

import type * as ohm from 'ohm-js';

/** One node of a match, as the builder's actions see it. */
export interface CstNode {
  /** The rule (`type_named`), `_iter` for an iteration, `_terminal` for a terminal. */
  readonly ctorName: string;
  /** Its first token and the token after it, indices into the matched string. */
  readonly startIdx: number;
  readonly endIdx: number;
  readonly children: readonly CstNode[];
  /** The result of the action for this node. */
  ast(): unknown;
}

/**
 * Actions by rule name, called with the node's children as arguments (Ohm's convention);
 * `_terminal`, if given, is called with the terminal node itself (Ohm's default gives its text).
 */
export type Actions = Record<string, (...children: CstNode[]) => unknown>;

/** Ohm's raw CST node (nodes.js): not in its typings. */
interface RawNode {
  readonly ctorName: string;
  readonly matchLength: number;
  readonly children?: readonly RawNode[];
  /** Relative to the start of the closest nonterminal: the node itself, or its ancestor. */
  readonly childOffsets?: readonly number[];
  isNonterminal(): boolean;
}

class View implements CstNode {
  private kids: CstNode[] | undefined;

  constructor(
    private readonly node: RawNode,
    readonly startIdx: number,
    /** Where the closest nonterminal (this node or an ancestor) starts: see childOffsets. */
    private readonly base: number,
    private readonly actions: Actions,
    private readonly input: string,
  ) {}

  get ctorName(): string {
    return this.node.ctorName;
  }

  get endIdx(): number {
    return this.startIdx + this.node.matchLength;
  }

  get children(): readonly CstNode[] {
    if (this.kids === undefined) {
      const raw = this.node.children ?? [];
      const offsets = this.node.childOffsets ?? [];
      const kids = new Array<CstNode>(raw.length);
      for (let i = 0; i < raw.length; i++) {
        const child = raw[i]!;
        const at = this.base + offsets[i]!;
        kids[i] = new View(child, at, child.isNonterminal() ? at : this.base, this.actions, this.input);
      }
      this.kids = kids;
    }
    return this.kids;
  }

  ast(): unknown {
    const name = this.node.ctorName;
    const action = this.actions[name];
    if (name === '_terminal') return action !== undefined ? action(this) : this.input.slice(this.startIdx, this.endIdx);
    if (action !== undefined) return action(...this.children);
    const kids = this.children;
    if (name !== '_iter' && kids.length === 1) return kids[0]!.ast();
    throw new Error(`goesc: no AST action for ${name}`);
  }
}

/** The root of a successful match, its actions `actions`. */
export function cstRoot(match: ohm.MatchResult, actions: Actions): CstNode {
  const m = match as unknown as { _cst: RawNode | null; _cstOffset: number; input: string };
  if (!m._cst) throw new Error('goesc: no syntax tree in a failed match');
  return new View(m._cst, m._cstOffset, m._cstOffset, actions, m.input);
}
