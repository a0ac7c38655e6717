// go's refusal of a module whose hash differs from go.sum, read from go's own words. The texts are
// real: go1.26.8's stderr and gopls v0.23.0's go.mod diagnostic for a fresh clone whose go.sum line
// for golang.org/x/text v0.14.0 was edited (a tester's reproduction).
import { describe, expect, it } from 'vitest';
import { checksumMismatches } from '../../../src/probes/checksumMismatch.js';
import { classifyGoplsDiagnostic } from '../../../src/lsp/goplsDiagnostics.js';

const GO_BUILD = `go: downloading golang.org/x/text v0.14.0
verifying golang.org/x/text@v0.14.0: checksum mismatch
\tdownloaded: h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=
\tgo.sum:     h1:AAAAw1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=

SECURITY ERROR
This download does NOT match an earlier download recorded in go.sum.
The bits may have been replaced on the origin server, or an attacker may
have intercepted the download attempt.

For more information, see 'go help module-auth'.
`;

/** The same with the go.mod line edited instead. */
const GO_BUILD_GO_MOD = `go: downloading golang.org/x/text v0.14.0
verifying golang.org/x/text@v0.14.0/go.mod: checksum mismatch
\tdownloaded: h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=
\tgo.sum:     h1:AAAAQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=

SECURITY ERROR
`;

const GOPLS_GO_MOD = `packages.Load error: err: exit status 1: stderr: ${GO_BUILD.trimEnd()}`;

describe('checksumMismatches', () => {
  const rows: Array<{ name: string; in: string; want: Array<{ module: string; version: string; what: 'zip' | 'go.mod'; goSum: string; cached: string }> }> = [
    { name: 'go build on a fresh cache', in: GO_BUILD, want: [{ module: 'golang.org/x/text', version: 'v0.14.0', what: 'zip', goSum: 'h1:AAAAw1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=', cached: 'h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=' }] },
    { name: "gopls's diagnostic on go.mod (go list's stderr inside)", in: GOPLS_GO_MOD, want: [{ module: 'golang.org/x/text', version: 'v0.14.0', what: 'zip', goSum: 'h1:AAAAw1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=', cached: 'h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=' }] },
    { name: 'said twice (go list and gopls): once', in: `${GO_BUILD}\n${GO_BUILD}`, want: [{ module: 'golang.org/x/text', version: 'v0.14.0', what: 'zip', goSum: 'h1:AAAAw1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=', cached: 'h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=' }] },
    { name: 'a go.mod line', in: GO_BUILD_GO_MOD, want: [{ module: 'golang.org/x/text', version: 'v0.14.0', what: 'go.mod', goSum: 'h1:AAAAQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=', cached: 'h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=' }] },
    { name: 'another failure', in: 'go: golang.org/x/text@v0.14.0: Get "https://proxy.golang.org/golang.org/x/text/@v/v0.14.0.mod": Proxy Authentication Required', want: [] },
  ];
  for (const r of rows) it(r.name, () => expect(checksumMismatches(r.in).map((x) => x.mismatch)).toEqual(r.want));
  it("gopls's diagnostic is a failed load (the gopls probe reads the mismatch from it)", () => {
    expect(classifyGoplsDiagnostic(GOPLS_GO_MOD)?.kind).toBe('load-failed');
  });
});
