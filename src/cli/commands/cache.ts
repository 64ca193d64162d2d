// `goesc cache clean` / `goesc cache dir`: the per-package result cache
// (src/pipeline/cache.ts) at $GOESC_CACHE, else $XDG_CACHE_HOME/goesc, else ~/.cache/goesc.

import type { Command } from './command.js';
import { UserError } from '../../errors.js';
import { cacheDir, ResultCache } from '../../pipeline/cache.js';

interface CacheArgs {
  readonly action: string;
}

export const cacheCommand: Command<CacheArgs> = {
  names: ['cache <action>'],
  describe: 'the result cache: `clean` empties it, `dir` prints where it is',
  builder: (y) =>
    y
      .positional('action', { type: 'string', choices: ['clean', 'dir'], describe: 'clean or dir' })
      .example('$0 cache clean', 'remove every cached package result')
      .example('$0 cache dir', 'print the cache folder'),
  run: async (args) => {
    const dir = cacheDir(process.env);
    if (!dir) throw new UserError('goesc: cache: no cache folder ($GOESC_CACHE, $XDG_CACHE_HOME and $HOME are all unset)');
    if (args.action === 'dir') process.stdout.write(dir + '\n');
    else new ResultCache(dir).clean();
    return 0;
  },
};
