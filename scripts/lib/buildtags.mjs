// Evaluates a `//go:build` expression (go/build/constraint syntax: identifiers, !, &&, ||,
// parentheses) for a set of satisfied tags, so the scoreboard skips Go tests that the
// testdir harness would skip on this platform.

export function evalBuildExpr(expr, tags) {
  const tokens = expr.match(/\(|\)|!|&&|\|\||[\w.]+/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const or = () => {
    let v = and();
    while (peek() === '||') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  const and = () => {
    let v = not();
    while (peek() === '&&') {
      i++;
      const r = not();
      v = v && r;
    }
    return v;
  };
  const not = () => {
    if (peek() === '!') {
      i++;
      return !not();
    }
    if (peek() === '(') {
      i++;
      const v = or();
      i++; // ')'
      return v;
    }
    return tags.has(tokens[i++]);
  };
  return or();
}

/** The constraint lines of a file's header (before `package`). */
export function buildConstraint(src) {
  const header = src.split('\npackage')[0];
  const m = /^\/\/go:build (.*)$/m.exec(header);
  return m ? m[1].trim() : undefined;
}
