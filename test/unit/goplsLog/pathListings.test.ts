// PATH listed twice with different Go directories, or asked for at a prompt and holding none
// (pathListings.ts), in the shapes shells, systemd, export -p and the Go extension print it; and
// the listing facts goEnvListing.ts adds beside them (a GOPATH inside GOROOT, a GOCACHE listed that
// the go which failed did not get). Through the real analyzer too.
import { describe, expect, it } from 'vitest';
import { isGoDir, PathListings } from '../../../src/goplsLog/pathListings.js';
import { GoEnvListing } from '../../../src/goplsLog/goEnvListing.js';
import { analyzeText } from '../../../src/goplsLog/analyzer.js';

const pathFacts = (text: string) => {
  const l = new PathListings();
  return text.split('\n').flatMap((line, i) => l.see(line, i + 1));
};
const listingFacts = (text: string) => {
  const l = new GoEnvListing();
  return text.split('\n').flatMap((line, i) => l.see(line, i + 1));
};

describe('PathListings', () => {
  const bare = '/usr/local/bin:/usr/bin:/bin';
  it.each([
    // Asked at a prompt: the answer on the next line, with or without Go.
    ['echo $PATH, no Go', `ann@box:~/src$ echo $PATH\n${bare}`, ['path-listed-without-go']],
    ['echo "${PATH}", traced', `+ echo "\${PATH}"\n/snap/bin:${bare}`, ['path-listed-without-go']],
    ['echo $PATH, Go there', `$ echo $PATH\n/usr/local/go/bin:${bare}`, []],
    ['echo $PATH, a version manager', `% echo $PATH\n/home/ann/.asdf/shims:${bare}`, []],
    ['echo $PATH, versioned install', `# echo $PATH\n/usr/lib/go-1.21/bin:${bare}`, []],
    // printenv answers each name in order; GOPATH's answer makes GOPATH/bin a Go directory by any name.
    ['printenv, two PATHs differing', `$ printenv PATH OLDPATH GOPATH\n${bare}\n/home/ann/Go/bin:${bare}\n/home/ann/Go`, ['path-listed-without-go', 'path-listings-differ']],
    ['printenv, GOPATH names its bin', `$ printenv GOPATH PATH\n/srv/work\n/srv/work/bin:${bare}`, []],
    // Listed: env's, show-environment's and export -p's shapes, the tools block's PATH:.
    ['env and show-environment', `PATH=/home/ann/go/bin:${bare}\n...\n$ systemctl --user show-environment\nPATH=${bare}`, ['path-listings-differ']],
    ['export -p beside the tools block', `declare -x PATH="/opt/go/bin:${bare}"\nChecking configured tools....\nPATH: ${bare}`, ['path-listings-differ']],
    ['a copy made to compare', `PATH1=/home/ann/sdk/go1.22.4/bin:${bare}\nPATH=${bare}`, ['path-listings-differ']],
    ['two listings that agree', `PATH=/usr/local/go/bin:${bare}\nPATH: /usr/local/go/bin:/usr/bin`, []],
    // Neither an instruction (a $ in the value) nor another variable's list is a PATH listing.
    ['an instruction', `export PATH=$PATH:/usr/local/go/bin\nPATH=${bare}`, []],
    ['LD_LIBRARY_PATH is no PATH', `LD_LIBRARY_PATH=/usr/lib:/lib\nPATH=/usr/local/go/bin:${bare}`, []],
    // A listing alone (not asked for) says nothing: it may be a distribution's go in /usr/bin.
    ['one listing, unasked', `PATH=${bare}`, []],
    // The answer must come within a few lines of the question.
    ['answer too far', `$ echo $PATH\n\n\n\nsome\nother text\n${bare}`, []],
  ])('%s', (_name, text, want) => {
    expect(pathFacts(text)).toEqual(want);
  });

  it('isGoDir: installations, GOPATH bins, version managers', () => {
    for (const d of ['/usr/local/go/bin', '/home/a/go/bin', '/opt/go1.22.3/bin', '/usr/lib/golang/bin', '/home/a/.goenv/shims', '/home/a/.gvm/gos/go1.12/bin']) expect(isGoDir(d), d).toBe(true);
    for (const d of ['/usr/bin', '/usr/local/bin', '/home/a/.cargo/bin', '/opt/google/chrome', '/home/a/gopher']) expect(isGoDir(d), d).toBe(false);
  });
});

describe('GoEnvListing: GOPATH inside GOROOT, GOCACHE not passed on', () => {
  it.each([
    ['distribution default', 'GOPATH="/usr/lib/go/site"\nGOROOT="/usr/lib/go"', ['gopath-inside-goroot']],
    ['GOROOT first, export shape', 'export GOROOT=/opt/go\nexport GOPATH=/opt/go/work', ['gopath-inside-goroot']],
    ['a list with one entry inside', 'GOPATH=/home/a/go:/usr/local/go/site\nGOROOT=/usr/local/go', ['gopath-inside-goroot']],
    ['beside, not inside', 'GOPATH="/usr/lib/gopath"\nGOROOT="/usr/lib/go"', []],
    ['the usual', "GOPATH='/home/a/go'\nGOROOT='/usr/local/go'", []],
  ])('%s', (_name, text, want) => {
    expect(listingFacts(text)).toEqual(want);
  });

  it.each([
    ['listed, then go at its default', 'GOCACHE=/projects/app/.cache\nfailed to initialize build cache at /home/u/.cache/go-build: mkdir /home/u/.cache: permission denied', ['gocache-not-inherited']],
    ['go first, go env after', 'failed to initialize build cache at /root/.cache/go-build/: permission denied\n$ go env\nGOCACHE="/tmp/gocache"', ['gocache-not-inherited']],
    // go got the GOCACHE listed: the directory it names is that one; the permissions are fs-access's.
    ['go used what was listed', 'GOCACHE=/srv/cache/go-build\nfailed to initialize build cache at /srv/cache/go-build: permission denied', []],
    // golangci-lint's copy of cmd/go's cache says the same words of its own directory.
    ["golangci-lint's cache", 'GOCACHE=/tmp/.cache/go\nfailed to initialize build cache at /.cache/golangci-lint: mkdir /.cache: permission denied', []],
    // go env lists GOCACHE set or not: a default (…/go-build) from another shell or user sets nothing.
    ['a default listed, another default used', 'GOCACHE="/home/ann/.cache/go-build"\nfailed to initialize build cache at /root/.cache/go-build: mkdir /root/.cache: permission denied', []],
    ['nothing listed', 'failed to initialize build cache at /home/u/.cache/go-build: permission denied', []],
  ])('%s', (_name, text, want) => {
    expect(listingFacts(text)).toEqual(want);
  });

  it('the analyzer names them as env-inheritance', () => {
    const ids = (text: string) => analyzeText(text).events.map((e) => e.ruleId);
    expect(ids(`$ printenv PATH PATH2\n/usr/bin:/bin\n/home/u/go/bin:/usr/bin:/bin\n`)).toContain('path-listings-differ');
    expect(ids('GOCACHE=/w/.cache\nfailed to initialize build cache at /home/u/.cache/go-build: mkdir /home/u/.cache: permission denied\n')).toContain('gocache-not-inherited');
  });
});
