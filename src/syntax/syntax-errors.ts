// gc's wording for syntax errors (cmd/compile/internal/syntax/parser.go, syntaxErrorAt):
// "syntax error: unexpected X, expected Y", "... at end of statement", "... in argument list;
// possibly missing comma or )", "non-declaration statement outside function body", ...
//
// Ohm reports only where the match failed and which tokens would have fit there. gc's
// message depends on what its recursive-descent parser was doing, so we reconstruct that
// context from the tokens before the failure (the innermost open bracket and what opened
// it) and from the set of tokens the grammar expected.

import type { TokenStream } from './scanner.js';

/** How gc names the token at index i (its `tok` in "unexpected tok"). */
export function describeToken(tokens: TokenStream, i: number): string {
  const c = tokens.chars[i];
  const text = tokens.texts[i] ?? 'EOF';
  if (c === undefined) return 'EOF';
  if (c === 'n') return `name ${text}`;
  if (c >= '1' && c <= '5') return `literal ${text}`;
  if (c === ';') return text; // semicolon | newline | EOF
  if (c === ',') return 'comma';
  if (/^[a-z]+$/.test(text)) return `keyword ${text}`;
  return text;
}

type Opener = {
  char: string;
  tok: number;
  kind: 'call' | 'params' | 'paren' | 'complit' | 'block' | 'index' | 'group' | 'typeParams' | 'arrayLen' | 'struct' | 'interface';
};

const endsOperand = (c: string) => c === 'n' || c === ')' || c === ']' || c === '}' || (c >= '1' && c <= '5');

/** Classify the innermost bracket still open before token `end`. */
function openBrackets(tokens: TokenStream, end: number): Opener[] {
  const s = tokens.chars;
  const stack: Opener[] = [];
  // `func` seen and its signature not yet closed: the next ( ... ) are parameter lists
  for (let i = 0; i < end; i++) {
    const c = s[i]!;
    const prev = i > 0 ? s[i - 1]! : '';
    if (c === '(') {
      let kind: Opener['kind'] = 'paren';
      if (prev === 'u' || (prev === 'n' && i >= 2 && s[i - 2] === 'u')) kind = 'params';
      else if (prev === ')' && isSignatureClose(s, stack, i - 1)) kind = 'params';
      else if (prev === 'I' || prev === 'k' || prev === 'v' || prev === 't') kind = 'group';
      else if (prev === 'n' || prev === ')' || prev === ']' || prev === '}' || prev === '5') kind = 'call';
      stack.push({ char: '(', tok: i, kind });
    } else if (c === '[') {
      const prev2 = i >= 2 ? s[i - 2]! : '';
      const kind: Opener['kind'] = prev === 'n' && (prev2 === 't' || prev2 === 'u') ? 'typeParams' : endsOperand(prev) ? 'index' : 'arrayLen';
      stack.push({ char: '[', tok: i, kind });
    } else if (c === '{' && (prev === 's' || prev === 'N')) {
      stack.push({ char: '{', tok: i, kind: prev === 's' ? 'struct' : 'interface' });
    } else if (c === '{') {
      // a block follows a signature, a statement header or another block; a literal
      // follows a type
      const kind: Opener['kind'] = prev === 'n' || prev === ']' || prev === '{' || prev === ',' || prev === ':' ? 'complit' : 'block';
      stack.push({ char: '{', tok: i, kind: prev === ')' || prev === ';' || prev === 'e' || prev === 'f' || prev === 'w' || prev === 'S' ? 'block' : kind });
    } else if (c === ')' || c === ']' || c === '}') {
      stack.pop();
    }
  }
  return stack;
}

function isSignatureClose(s: string, _stack: Opener[], close: number): boolean {
  // find the matching "(" of the ")" at `close` and see whether it follows `func` or a name after func
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = s[i]!;
    if (c === ')') depth++;
    else if (c === '(') {
      depth--;
      if (depth === 0) {
        const p = i > 0 ? s[i - 1] : '';
        return p === 'u' || (p === 'n' && i >= 2 && s[i - 2] === 'u');
      }
    }
  }
  return false;
}

/**
 * The message for a failed match at token `at`; `expected` holds the token characters the
 * grammar would have accepted there.
 */
export function syntaxErrorMessage(tokens: TokenStream, at: number, expected: ReadonlySet<string>): string {
  const tok = describeToken(tokens, at);
  const c = tokens.chars[at];
  const prev = at > 0 ? tokens.chars[at - 1]! : '';
  const stack = openBrackets(tokens, at);
  const inner = stack[stack.length - 1];

  if (c === undefined && inner) {
    return `syntax error: unexpected EOF, expected ${inner.char === '(' ? ')' : inner.char === '[' ? ']' : '}'}`;
  }
  if (expected.has('5') && expected.size === 1) return 'syntax error: missing import path';
  if (!inner) {
    // top level
    if (at <= 2 && tokens.chars[0] !== 'p') return 'syntax error: package statement must be first';
    if (c === '{' && prev === ';') return 'syntax error: unexpected semicolon or newline before {';
    if (prev === ';' || at === 0) {
      if (c === 'I') return 'syntax error: imports must appear before other declarations';
      if (c !== 'u' && c !== 'v' && c !== 'k' && c !== 't') return 'syntax error: non-declaration statement outside function body';
    }
    if (expected.has(';')) return `syntax error: unexpected ${tok} after top level declaration`;
    return `syntax error: unexpected ${tok}, ${expectedText(expected)}`;
  }
  if (inner.kind === 'call' && (expected.has(')') || expected.has(','))) {
    return `syntax error: unexpected ${tok} in argument list; possibly missing comma or )`;
  }
  if (inner.kind === 'params' && (expected.has(')') || expected.has(','))) {
    return `syntax error: unexpected ${tok} in parameter list; possibly missing comma or )`;
  }
  if (inner.kind === 'complit' && expected.has('}') && expected.has(',')) {
    return `syntax error: unexpected ${tok} in composite literal; possibly missing comma or }`;
  }
  if (inner.kind === 'group' && expected.has(')') && expected.has(';')) {
    return `syntax error: unexpected ${tok} in grouped declaration; possibly missing semicolon or newline or )`;
  }
  if (prev === 'e') return 'syntax error: else must be followed by if or statement block';
  if (inner.kind === 'typeParams' && expected.has(']')) {
    return `syntax error: unexpected ${tok} in parameter list; possibly missing comma or ]`;
  }
  if (inner.kind === 'arrayLen' && expected.has(']')) return `syntax error: unexpected ${tok}; expected ]`;
  if ((inner.kind === 'struct' || inner.kind === 'interface') && expected.has('}')) {
    return `syntax error: unexpected ${tok} in ${inner.kind} type; possibly missing semicolon or newline or }`;
  }
  if (inner.kind === 'index' && expected.has(']')) {
    return `syntax error: unexpected ${tok}, expected comma, : or ]`;
  }
  if (c === '{' && prev === ';') return 'syntax error: unexpected semicolon or newline before {';
  if (inner.char === '{' && expected.has('}')) {
    // gc's stmtList stops at a token that cannot start a statement; the block then wants
    // its "}". Mid-statement, the statement is over and a ";" was due.
    if (prev === ';' || prev === '{' || prev === ':') return `syntax error: unexpected ${tok}, expected }`;
    if (expected.has(';') && c !== '{') return `syntax error: unexpected ${tok} at end of statement`;
  }
  return `syntax error: unexpected ${tok}, ${expectedText(expected, prev === '.')}`;
}

/** Tokens that would continue an expression: not what gc names as "expected". */
const continuations: ReadonlySet<string> = new Set(['o', 'a', 'E', 'Q', '<', 'l', '>', 'q', '+', '-', '|', '^', '*', '/', '%', 'L', 'M', '&', 'A', '.', '[', '(', '{']);

function expectedText(all: ReadonlySet<string>, afterDot = false): string {
  if (all.has('n') && all.has('(') && all.has('1')) return 'expected expression';
  if (all.has('n') && all.has('(') && all.size === 2 && afterDot) return 'expected name or (';
  const expected = new Set([...all].filter((c) => !continuations.has(c)));
  if (expected.has(':')) return 'expected :';
  if (expected.size === 1) {
    const only = [...expected][0]!;
    return `expected ${only === 'n' ? 'name' : only === ',' ? 'comma' : only === ';' ? 'semicolon or newline' : only}`;
  }
  if (expected.has('n') && expected.size <= 2) return 'expected name';
  if (expected.has('{') && expected.size === 1) return 'expected {';
  if (expected.has(')')) return 'expected )';
  if (expected.has(']')) return 'expected ]';
  if (expected.has('}')) return 'expected }';
  if (expected.has('n')) return 'expected name';
  return 'expected ' + [...expected].join(' or ');
}
