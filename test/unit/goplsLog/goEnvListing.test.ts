// Facts told by a listing of the environment, not by any one line: GOOS/GOARCH against the host's
// in `go env` (every shape go and gopls print), GOROOT/bin against the PATH in the Go extension's
// "Checking configured tools...." block. Through the real analyzer too.
import { describe, expect, it } from 'vitest';
import { GoEnvListing, goBinMissing } from '../../../src/goplsLog/goEnvListing.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

const facts = (text: string) => {
  const l = new GoEnvListing();
  return text.split('\n').flatMap((line, i) => l.see(line, i + 1));
};

describe('GoEnvListing', () => {
  it.each([
    ['unix go env, quoted', 'GOARCH="arm64"\nGOHOSTARCH="arm64"\nGOHOSTOS="linux"\nGOOS="windows"', ['foreign-target-env']],
    ['go1.22+ single quotes', "GOARCH='386'\nGOHOSTARCH='amd64'", ['foreign-target-env']],
    // Pasted through a page or a chat that curled the quotes (and, as UTF-8 read as latin1, the analyzer's bytes).
    ['curled quotes', 'GOARCH=\u201camd64\u201d\nGOHOSTARCH=\u201carm64\u201d', ['foreign-target-env']],
    ['curled quotes, as latin1 bytes', 'GOARCH=\u00e2\u0080\u009camd64\u00e2\u0080\u009d\nGOHOSTARCH=\u00e2\u0080\u009carm64\u00e2\u0080\u009d', ['foreign-target-env']],
    ['windows set', 'set GOHOSTOS=windows\nset GOOS=linux', ['foreign-target-env']],
    ['go env -json', '{\n\t"GOARCH": "riscv64",\n\t"GOHOSTARCH": "amd64",\n}', ['foreign-target-env']],
    ['gopls "go env for" lines', 'GOOS=linux\nGOHOSTOS=linux\nGOARCH=amd64\nGOHOSTARCH=amd64', []],
    ['said once per file', 'GOOS=js\nGOHOSTOS=linux\nGOOS=wasip1\nGOHOSTOS=linux', ['foreign-target-env']],
    ['a sentence that names GOOS', 'set GOOS to the target you want', []],
    // Inside WSL (a Windows drive under /mnt), go env saying GOHOSTOS=windows: the Windows go.exe ran.
    ['Windows go in WSL, the drive first', '$ pwd\n/mnt/c/Users/ann/src/app\n$ go env\nset GOARCH=amd64\nset GOHOSTOS=windows\nset GOOS=windows', ['windows-go-in-wsl']],
    ['Windows go in WSL, the drive after', 'set GOHOSTOS=windows\nset GOOS=windows\nann@pc:/mnt/d/src$ ls', ['windows-go-in-wsl']],
    // Windows go env alone (a Windows user), or a Linux go under /mnt: nothing.
    ['Windows go env, no WSL', 'set GOHOSTOS=windows\nset GOOS=windows', []],
    ['Linux go in WSL', '$ cd /mnt/c/src\nGOHOSTOS="linux"\nGOOS="linux"', []],
  ])('%s', (_name, text, want) => {
    expect(facts(text)).toEqual(want);
  });

  it('the Go extension tools block: GOROOT/bin missing from the PATH it gives the tools', () => {
    const block = (goroot: string, p: string) => `Checking configured tools....\nGOBIN: undefined\ntoolsGopath: \ngopath: /home/ann/go\nGOROOT: ${goroot}\nPATH: ${p}\n`;
    expect(facts(block('/opt/go1.23', '/usr/bin:/bin:/home/ann/go/bin'))).toEqual(['goroot-bin-not-on-path']);
    expect(facts(block('/opt/go1.23', '/usr/bin:/opt/go1.23/bin/:/bin'))).toEqual([]);
    // No GOROOT: nothing to find on the PATH; with no Go directory on it either, the extension ran
    // no go at all (go-unfound-listed, test/unit/goplsLog/envRules.test.ts).
    expect(facts(block('', '/usr/bin:/bin'))).toEqual(['go-unfound-listed']);
    // A PATH line far from the block is someone else's.
    expect(facts(`Checking configured tools....\nGOROOT: /opt/go\n${'x\n'.repeat(20)}PATH: /usr/bin`)).toEqual([]);
  });

  it('goBinMissing: a GOROOT that names the go binary is another fault', () => {
    expect(goBinMissing('/usr/local/go/bin/go', '/usr/bin')).toBe(false);
    expect(goBinMissing('relative/go', '/usr/bin')).toBe(false);
    expect(goBinMissing('/usr/lib/go-1.22/', '/usr/lib/go-1.22/bin')).toBe(false);
  });

  it('the analyzer turns them into events with the line that completed them', () => {
    const s = analyzeText('$ go env\nGO111MODULE=""\nGOARCH="amd64"\nGOHOSTARCH="arm64"\nGOHOSTOS="darwin"\nGOOS="darwin"\n');
    const e = s.events.filter((x) => x.ruleId === 'foreign-target-env');
    expect(e).toHaveLength(1);
    expect(e[0]!.line).toBe(4);
    expect(e[0]!.classId).toBe('env-inheritance');
  });
});
