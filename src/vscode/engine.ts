// The engine, as the extension loads it: a separate bundle (dist/engine.js) required on the first
// diagnosis or when the crash watcher starts, so activation parses only the thin VS Code layer.
export { diagnose } from '../doctor/diagnose.js';
export { Host } from '../host/host.js';
