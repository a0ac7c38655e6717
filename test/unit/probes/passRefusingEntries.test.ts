// GOPROXY's separators decide whether a refused connection stops go: past "|" it goes on, past ","
// only a 404/410 does. The refusal is injected here (which URLs refuse varies by row); the real
// connect is tested in test/real/moduleDownloads.test.ts.
import { describe, expect, it } from 'vitest';
import { parseGoproxy } from '../../../src/probes/goproxyConfig.js';
import { passRefusingEntries } from '../../../src/probes/moduleDownloads.js';

const refusing = (dead: readonly string[]) => async (url: string) => (dead.includes(url) ? { what: 'module proxy GOPROXY names', target: new URL(url).host, code: 'ECONNREFUSED' } : undefined);

describe('passRefusingEntries', () => {
  it.each([
    ['http://127.0.0.1:9|https://proxy.example', ['http://127.0.0.1:9'], 'https://proxy.example', false, 1],
    ['http://127.0.0.1:9,https://proxy.example', ['http://127.0.0.1:9'], 'http://127.0.0.1:9', true, 0],
    ['http://127.0.0.1:9|http://[::1]:8|https://proxy.example', ['http://127.0.0.1:9', 'http://[::1]:8'], 'https://proxy.example', false, 2],
    ['http://127.0.0.1:9|http://localhost:8,https://proxy.example', ['http://127.0.0.1:9', 'http://localhost:8'], 'http://localhost:8', true, 1],
    ['http://127.0.0.1:9|direct', ['http://127.0.0.1:9'], 'direct', false, 1],
    ['http://127.0.0.1:9|off', ['http://127.0.0.1:9'], 'off', false, 1],
    // The last entry has nowhere to go: its refusal stands, "|" or not.
    ['http://127.0.0.1:9|', ['http://127.0.0.1:9'], 'http://127.0.0.1:9', true, 0],
    ['http://127.0.0.1:7|https://proxy.example', [], 'http://127.0.0.1:7', false, 0],
  ])('%s', async (goproxy, dead, used, refused, passed) => {
    const entries = parseGoproxy(goproxy);
    const r = await passRefusingEntries(entries, 0, {}, refusing(dead));
    expect(r.entry.kind === 'url' ? r.entry.url : r.entry.kind).toBe(used);
    expect(!!r.refused).toBe(refused);
    expect(r.passed.length).toBe(passed);
  });
});
