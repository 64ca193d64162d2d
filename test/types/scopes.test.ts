// Where names are visible: a parameter's scope is the function body, so the types of the
// other parameters and of the results still see the package it shadows.
import { describe, expect, it } from 'vitest';
import { analyzePackages } from '../../src/api.js';

const check = (src: string) =>
  analyzePackages([{ dir: '.', files: [{ filename: 'a.go', bytes: new TextEncoder().encode(src) }] }], { m: 1 }).errors;

describe('parameter scopes', () => {
  it('a parameter named like a package does not hide it from the signature', () => {
    expect(check('package p\n\nimport "net/url"\n\nfunc PostForm(url string, data url.Values) int { return len(url) + len(data) }\n')).toEqual([]);
  });
  it('nor does a receiver or a result', () => {
    expect(check('package p\n\nimport "time"\n\ntype T int\n\nfunc (time T) M(d time.Duration) (time2 time.Time) { return }\n')).toEqual([]);
  });
  it('inside the body the parameter does hide the package', () => {
    const errors = check('package p\n\nimport "net/url"\n\nfunc f(url string) { _ = url.Values{} }\n');
    expect(errors.some((e) => e.line === 5 && e.message.startsWith('url.Values '))).toBe(true);
  });
});
