// go asked which installation it is, as the user and under sudo, answering twice (sudoTranscript.ts):
// the transcripts a report pastes to show that sudo runs another go. Through the real analyzer too.
import { describe, expect, it } from 'vitest';
import { SudoTranscript } from '../../../src/goplsLog/sudoTranscript.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

const differs = (text: string) => {
  const t = new SudoTranscript();
  return text.split('\n').map((line, i) => t.see(line, i + 1)).some(Boolean);
};

describe('SudoTranscript', () => {
  it.each([
    ['go version at a prompt, then under sudo', '$ go version\ngo version go1.19 linux/amd64\n\n$ sudo go version\ngo version go1.18.1 linux/amd64', true],
    ['under sudo first, then as the user', 'ann@box:~/app$ sudo go version\ngo version go1.18.1 linux/amd64\nann@box:~/app$ go version\ngo version go1.22.3 linux/amd64', true],
    ['set -x tracing go env GOROOT', '+ go env GOROOT\n/opt/hostedtoolcache/go/1.15.4/x64\n+ sudo go env GOROOT\n/opt/hostedtoolcache/go/1.14.11/x64', true],
    ['sudo -E and --preserve-env are still sudo', '$ go env GOROOT\n/usr/local/go\n$ sudo -E go env GOROOT\n/usr/lib/go-1.18', true],
    ['sudo --preserve-env=GOROOT', '$ go version\ngo version go1.21.0 linux/arm64\n$ sudo --preserve-env=GOROOT go version\ngo version go1.19.8 linux/arm64', true],
    ['a trailing slash is the same directory', '$ go env GOROOT\n/usr/local/go/\n$ sudo go env GOROOT\n/usr/local/go', false],
    ['the same answer both ways', '$ go version\ngo version go1.22.1 linux/amd64\n$ sudo go version\ngo version go1.22.1 linux/amd64', false],
    ['two answers without sudo (a go upgraded in between)', '$ go version\ngo version go1.21.0 linux/amd64\n$ go version\ngo version go1.22.0 linux/amd64', false],
    ['an answer too far from its question is not its answer', '$ sudo go version\n\n\nsomething else\ngo version go1.18.1 linux/amd64\n$ go version\ngo version go1.22.0 linux/amd64', false],
    ['sudo failing to find go answers nothing', '$ go version\ngo version go1.22.0 linux/amd64\n$ sudo go version\nsudo: go: command not found', false],
    // Two go env listings (an issue form's) are not this question.
    ['listings of go env', 'GOROOT="/usr/local/go"\nGOVERSION="go1.22.0"\nGOROOT="/usr/lib/go-1.18"', false],
  ])('%s', (_name, text, want) => {
    expect(differs(text)).toBe(want);
  });

  it('the analyzer names it with the line of the second answer', () => {
    const s = analyzeText('$ go version\ngo version go1.19 linux/amd64\n\n$ sudo go version\ngo version go1.18.1 linux/amd64\n');
    const e = s.events.filter((x) => x.ruleId === 'sudo-other-go');
    expect(e).toHaveLength(1);
    expect(e[0]!.line).toBe(5);
    expect(e[0]!.classId).toBe('env-inheritance');
  });
});

describe('SudoTranscript on long hostile lines', () => {
  // A line of sudo options that fails at its end: each option must match one way, or the
  // question's regex backtracks over every split (twenty "--a" took 60 ms, thirty would take a minute).
  it.each(['--a', '-E', '--preserve-env=GOROOT', 'env', 'A=b'])('a 4 KB line of sudo %j options reads in well under a second', (opt) => {
    const line = `sudo${` ${opt}`.repeat(Math.ceil(4000 / (opt.length + 1)))} go version x`;
    const t = performance.now();
    new SudoTranscript().see(line, 1);
    expect(performance.now() - t).toBeLessThan(500);
  });
});
