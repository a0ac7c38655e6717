// Replaced at bundle time by esbuild's define; the fallback serves vitest, which runs sources.
declare const __GO_ENV_DOCTOR_VERSION__: string | undefined;
export const TOOL_VERSION: string = typeof __GO_ENV_DOCTOR_VERSION__ === 'string' ? __GO_ENV_DOCTOR_VERSION__ : '0.0.0-dev';
