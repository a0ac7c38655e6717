import { describe, expect, it } from 'vitest';
import { execRunsProgram, shellEndingLines } from '../../../src/facts/shellEndingLines.js';

describe('shellEndingLines: start-up file lines that end the shell reading them', () => {
  it.each([
    ['exec of another shell, guarded', '[ -x /usr/bin/zsh ] && exec /usr/bin/zsh\n', [1]],
    ['exec with options, inside if/then', 'if [ -t 1 ]; then\n  exec -l fish\nfi\n', [2]],
    ['exec after then on one line', 'if command -v tmux >/dev/null; then exec tmux; fi\n', [1]],
    ['exit alone and after ||', 'exit\nsource ~/.x || exit 1\n', [1, 2]],
    ['not: exec that only redirects', 'exec >~/.log 2>&1\nexec 3<> /tmp/f\nexec 2> /dev/null\nexec &>/dev/null\n', []],
    ['not: comments, words that contain exec or exit', '# exec zsh\necho done # exit\nexport EXIT_CODE=1\nexecutable=1\nalias x="exit_now"\n', []],
    ['not: return, a case pattern named exit', '[ -z "$PS1" ] && return\ncase $1 in exit) echo bye;; esac\n', []],
  ])('%s', (_, text, lines) => {
    expect(shellEndingLines(text).map((l) => l.line)).toEqual(lines);
  });

  it.each([
    ['zsh', true],
    ['-l zsh', true],
    ['>log 2>&1', false],
    ['> log', false],
    ['2>/dev/null tmux', true],
    ['1>&2; echo', false],
  ])('execRunsProgram(%j) = %s', (rest, want) => {
    expect(execRunsProgram(rest)).toBe(want);
  });
});
