import { describe, expect, it } from 'vitest';
import { assignmentLines } from '../../../src/facts/exportSites.js';
import { removeExportFix } from '../../../src/fixes/catalog.js';

describe('assignmentLines: where a start-up file sets a variable', () => {
  it.each([
    ['export', 'export PATH=/x:$PATH\nexport CC=/opt/cc\n', [{ line: 2, text: 'export CC=/opt/cc' }]],
    ['plain, declare -x, typeset -x, indented', 'CC=clang\n  declare -x CC="gcc -m32"\ntypeset -x CC=x\n', [{ line: 1, text: 'CC=clang' }, { line: 2, text: 'declare -x CC="gcc -m32"' }, { line: 3, text: 'typeset -x CC=x' }]],
    ['fish', 'set -gx CC /opt/cc\nset -x CCACHE 1\n', [{ line: 1, text: 'set -gx CC /opt/cc' }]],
    ['not: a comment, a read, another name', '# export CC=old\necho $CC\nFOO=$CC\nexport CCACHE_DIR=/c\nexport HOSTCC=gcc\n', []],
  ])('%s', (_, text, want) => {
    expect(assignmentLines(text, 'CC')).toEqual(want);
  });
});

describe('removeExportFix', () => {
  it('deletes that line only while it still names the variable; a file under HOME needs no root', () => {
    const fix = removeExportFix({ file: '/home/ann/.profile', line: 12, text: 'export CC=/opt/cc' }, 'CC', '/home/ann');
    expect(fix).toMatchObject({ kind: 'terminal', needsRoot: false, title: 'Remove the CC setting from ~/.profile (line 12)', text: "sed -i '12{/CC/d}' /home/ann/.profile" });
    expect(removeExportFix({ file: '/etc/profile.d/cc.sh', line: 1, text: 'export CC=x' }, 'CC', '/home/ann')).toMatchObject({ needsRoot: true, title: 'Remove the CC setting from /etc/profile.d/cc.sh (line 1)' });
  });
});
