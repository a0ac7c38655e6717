// Loads dist/engine.js next to dist/extension.js on first use. The path is computed so esbuild
// leaves the require alone instead of inlining the engine into the activation bundle.
import path from 'node:path';

export type Engine = typeof import('./engine.js');

let engine: Engine | undefined;

export function loadEngine(): Engine {
  if (!engine) {
    const file = path.join(__dirname, ['engine', 'js'].join('.'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    engine = require(file) as Engine;
  }
  return engine;
}
