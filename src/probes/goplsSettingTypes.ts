// A gopls setting of the wrong JSON type ("build.buildFlags": "-tags=x" for a list): gopls refuses
// it when it starts ("Invalid settings: setting option "buildFlags": invalid type string (want JSON
// array of string)", measured with gopls v0.23.0) and runs without it. gopls says so only to a
// client that sent it: the doctor's own gopls gets the user's settings, never a checkout's, so a
// workspace's .vscode/settings.json is checked here against api-json's types instead.
import type { GoplsOption } from '../facts/goplsApi.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go's time.ParseDuration: "0", or signed decimal numbers each with a unit ("100ms", "1.5h", "1m30s"). */
const DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

/**
 * Pure: what gopls takes for this option, when value is not that; undefined when it is, or when
 * api-json's type is one this check does not know (nothing is guessed). Enums compare without case,
 * as gopls's asOneOf does.
 */
export function wrongSettingType(opt: Pick<GoplsOption, 'type' | 'enumValues'>, value: unknown): string | undefined {
  switch (opt.type) {
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'string':
      return typeof value === 'string' ? undefined : 'a string';
    case 'int64':
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'a whole number';
    case '[]string':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'a list of strings';
    case 'time.Duration':
      // Not trimmed: gopls v0.23.0 refuses " 1s" (time: invalid duration " 1s"), measured.
      return typeof value === 'string' && DURATION.test(value) ? undefined : 'a duration string such as "100ms" or "1s"';
    case 'enum': {
      // A string matches a string value in any case; a JSON false or true only itself (linksInHover:
      // gopls v0.23.0 takes false and refuses "false").
      const values = opt.enumValues ?? [];
      if (!values.length) return typeof value === 'string' ? undefined : 'a string';
      const same = (v: string | boolean | number) => (typeof v === 'string' && typeof value === 'string' ? v.toLowerCase() === value.toLowerCase() : v === value);
      return values.some(same) ? undefined : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    case 'map[string]string':
      return isObject(value) && Object.values(value).every((v) => typeof v === 'string') ? undefined : 'an object of strings';
    case 'map[string]bool':
    case 'map[enum]bool':
      return isObject(value) && Object.values(value).every((v) => typeof v === 'boolean') ? undefined : 'an object of true/false values';
    default:
      return opt.type?.startsWith('map[') && !isObject(value) ? 'an object' : undefined;
  }
}
