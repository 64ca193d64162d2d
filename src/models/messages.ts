// Filling gc's message templates (rules.json `messages.*`): `$name` placeholders, so that the
// spellings, braces included (`{storage for $expr}`), stay data and read like gc's output.

/** Replace each `$word` in template by vars[word]; a missing variable is a programming error. */
export function formatMessage(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\$([A-Za-z]+)/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`message template ${JSON.stringify(template)} needs $${name}`);
    return String(v);
  });
}
