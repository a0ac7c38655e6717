// A message hard-wrapped across two lines (a terminal's width, a mail client, a reporter breaking
// a long exception) is read whole: the line that goes on and the lower-case line that carries it
// on are joined when neither names a rule alone. The instances are the programs' own formats
// (.NET's System.IO inotify message, cmd/go's module-cache refusal), wrapped as pasted.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

const eventsOf = (text: string) => analyzeText(text).events.map((e) => ({ rule: e.ruleId, line: e.line, text: e.text }));

describe('hard-wrapped messages', () => {
  it(".NET's inotify message broken after the limit: the rule reads both lines, filed on the second", () => {
    const text = [
      'Unhandled exception. System.IO.IOException: The configured user limit (128)',
      'on the number of inotify instances has been reached, or the per-process',
      'limit on the number of open file descriptors has been reached.',
    ].join('\n');
    const ev = eventsOf(`${text}\n`);
    expect(ev.map((e) => e.line)).toEqual([2]);
    expect(ev[0]!.text).toContain('The configured user limit (128) on the number of inotify instances has been reached');
    // Each line alone says nothing a rule knows.
    for (const l of text.split('\n')) expect(eventsOf(`${l}\n`)).toEqual([]);
  });

  it('a line that ends a sentence is not joined to the next', () => {
    expect(eventsOf('Unhandled exception. System.IO.IOException: The configured user limit (128).\non the number of inotify instances has been reached, or the per-process\n')).toEqual([]);
  });

  it('a next line that starts a new message (upper case, a digit) is not a continuation', () => {
    expect(eventsOf('Unhandled exception. System.IO.IOException: The configured user limit (128)\nOn the number of inotify instances has been reached, or the per-process\n')).toEqual([]);
  });

  it('a short line is no wrapped one', () => {
    expect(eventsOf('The configured user limit\non the number of inotify instances has been reached\n')).toEqual([]);
  });

  it('a line a rule already named is read as it is, not joined again', () => {
    const ev = eventsOf('go: could not create module cache: mkdir /nonexistent/go: permission denied and more words here\nand this line carries on without saying anything\n');
    expect(ev.every((e) => e.line === 1)).toBe(true);
  });

  // A console that breaks lines where its window ends (Windows' conhost, GNU screen, a serial
  // console) cuts at its width, inside a word too: a line exactly that long goes on into the next.
  const NET = 'Unhandled exception. System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.';
  const cutAt = (t: string, w: number) => t.match(new RegExp(`.{1,${w}}`, 'g'))!.join('\n');

  it.each([80, 100, 120])('cut by a %i-column console, inside a word: read whole', (w) => {
    const text = cutAt(NET, w);
    expect(text.split('\n')[0]).toHaveLength(w);
    const ev = eventsOf(`${text}\n`);
    expect(ev.map((e) => e.rule)).toEqual(eventsOf(`${NET}\n`).map((e) => e.rule));
    expect(ev[0]!.text).toContain('The configured user limit (128) on the number of inotify instances has been reached');
  });

  it("a console's cut is told by the whole line, its indent and a collector's prefix included", () => {
    for (const line of [
      '        path_test.go:217: MkdirAll "/_go_os_test/dir": mkdir /_go_os_test: read-only file system',
      'ripper  | /etc/my_init.d/ripper.sh: line 45: /config/ripper.sh: Permission denied',
    ]) {
      const whole = eventsOf(`${line}\n`).map((e) => e.rule);
      expect(whole.length).toBeGreaterThan(0);
      expect(eventsOf(`${cutAt(line, 80)}\n`).map((e) => e.rule)).toEqual(whole);
    }
  });
});
