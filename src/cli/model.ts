// The model version a command runs under (src/pipeline/version.ts: --go, go.mod, the
// installed Go, the newest), its note, when there is one, on stderr. Shared by every command.

import { createContext, type AnalysisContext } from '../api.js';
import { modelVersionFor } from '../pipeline/version.js';

export function chooseModel(requested: string | undefined, context: AnalysisContext = createContext()): string {
  const choice = modelVersionFor(context, requested);
  if (choice.note) process.stderr.write(choice.note + '\n');
  return choice.version;
}
