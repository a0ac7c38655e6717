import { describe, expect, it } from 'vitest';
import { distroOf } from '../../../src/fixes/catalog.js';
import { cCompilerInstallFix } from '../../../src/fixes/cgo.js';
import { gitInstallFix } from '../../../src/fixes/downloads.js';

// /etc/os-release lines as the distributions ship them.
describe('distroOf', () => {
  it.each([
    ['ID=debian\nVERSION_ID="12"\n', 'debian', false],
    ['ID=ubuntu\nID_LIKE=debian\n', 'debian', true],
    ['ID=linuxmint\nID_LIKE="ubuntu debian"\n', 'debian', false],
    ['ID="rhel"\nID_LIKE="fedora"\n', 'fedora', false],
    ['ID="centos"\nID_LIKE="rhel fedora"\n', 'fedora', false],
    ['ID=alpine\n', 'alpine', false],
    ['ID=arch\n', 'arch', false],
    ['ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n', 'suse', false],
    ['ID=nixos\n', undefined, false],
    [undefined, undefined, false],
  ])('%j', (text, family, ubuntu) => expect(distroOf(text)).toEqual({ family, ubuntu }));
  it('the install fixes type the family\'s package manager, apt-get when unknown', () => {
    expect(cCompilerInstallFix('ID=alpine\n')).toMatchObject({ text: 'apk add gcc musl-dev' });
    expect(cCompilerInstallFix('ID=nixos\n')).toMatchObject({ text: 'apt-get install -y gcc libc6-dev' });
    expect(gitInstallFix('ID="rhel"\nID_LIKE="fedora"\n')).toMatchObject({ text: 'dnf install -y git' });
    expect(gitInstallFix(undefined)).toMatchObject({ text: 'apt-get install -y git' });
  });
});
