// The names the linker gives types, as `-S` prints them in `LEAQ type:NAME(SB), AX`: gc's
// Type.LinkString (types/fmt.go fmtTypeID, rendered by src/types/gcfmt.ts). Every named type
// carries its full package path (`p.T` for the package being compiled, `net/http.Request`
// for an import), `byte`/`rune`/`any` are spelled `uint8`/`int32`/`interface {}`;
// compiler-built records such as a closure's are `noalg.struct { F uintptr; X0 int }`
// (reflectdata marks them no-alg, src/asm/predict.ts).

import type { Type } from '../types/index.js';
import { linkString } from '../types/gcfmt.js';
import type { IrType } from '../ir/ir.js';

/** The link name of an IR type; falls back to its -m text when the checker type is absent. */
export function linkTypeName(t: IrType, localPath: string): string {
  const src = t.source as Type | undefined;
  if (src && typeof src === 'object' && 'kind' in src) return linkString(src, localPath);
  return t.text.replace(/\bbyte\b/g, 'uint8').replace(/\brune\b/g, 'int32').replace(/\bany\b/g, 'interface {}');
}
