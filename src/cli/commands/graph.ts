// `goesc graph [--format dot|json|svg] [--func NAME] PATH...`: the escape flow graph of the
// analysed packages (locations and their derefs-weighted edges), drawn by src/report.

import { chooseModel } from '../model.js';
import type { Command } from './command.js';
import { pathsPositional } from './command.js';
import { analyzeFiles } from '../../api.js';
import { formatGoError, UserError } from '../../errors.js';
import { packageFlowGraph } from '../../report/locations.js';
import { formatGraph, type GraphFormat } from '../../report/graph.js';

interface GraphArgs {
  readonly paths?: string[];
  readonly format?: string;
  readonly func?: string;
  readonly smallframes?: boolean;
  readonly go?: string;
}

export const graphCommand: Command<GraphArgs> = {
  names: ['graph [paths..]'],
  describe: 'the escape flow graph (dot, json or svg)',
  builder: (y) =>
    pathsPositional(y)
      .option('format', { type: 'string', choices: ['dot', 'json', 'svg'], default: 'dot' })
      .option('func', { type: 'string', describe: 'only this function (p.f, f, (*T).M)' })
      .option('smallframes', { type: 'boolean' })
      .option('go', { type: 'string', describe: 'model version (models/)' })
      .example('$0 graph --format svg --func main.f main.go > f.svg', "one function's flow graph as SVG")
      .example('$0 graph . | dot -Tpng > g.png', 'the package as Graphviz dot'),
  run: async (args) => {
    const result = await analyzeFiles(args.paths && args.paths.length > 0 ? args.paths : ['.'], {
      // -m=2 keeps gc's reason on each edge (its notes), drawn as the edge label.
      m: 2,
      smallframes: !!args.smallframes,
      go: chooseModel(args.go),
    });
    if (result.errors.length > 0) throw new UserError(result.errors.map(formatGoError));
    const locations = result.packages.flatMap((p) => p.escape.locations);
    const g = packageFlowGraph(locations, args.func);
    if (args.func && g.nodes.length === 0) throw new UserError(`goesc: graph: no function ${args.func}`);
    process.stdout.write(await formatGraph(g, (args.format ?? 'dot') as GraphFormat));
    return 0;
  },
};
