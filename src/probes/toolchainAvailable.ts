// Whether the Go toolchain a go.mod asks for can be downloaded at all. Under GOTOOLCHAIN=auto the
// editor's go and gopls fetch it on first use, and a release that does not exist (a tester's
// `toolchain go1.99.0`, `go 1.99`) fails every command with the proxy's "403 Forbidden … This module
// version is not available", while the doctor, which never switches toolchains, called it a
// possible future problem. Asked only with --online (the doctor contacts no server otherwise), and
// the way go asks: `go list -m golang.org/toolchain@v0.0.1-goX.linux-amd64` reads the version's
// .info and .mod through the user's GOPROXY, never the toolchain's zip, into a throwaway cache.
import os from 'node:os';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Evidence } from '../doctor/model.js';
import type { ProbeContext } from './probe.js';

/** Pure: the module version go downloads for a release (cmd/go/internal/toolchain). */
export function toolchainModuleVersion(release: string, goos: string, goarch: string): string {
  return `v0.0.1-${release}.${goos}-${goarch}`;
}

/**
 * Pure: what a failed lookup says. The proxy's "not available" (proxy.golang.org answers 403 with
 * "This module version is not available"), a 404/410, or go's own "invalid version" / "unknown
 * revision" mean the release is not there; anything else (DNS, TLS, a proxy refusing us) says
 * nothing about the release.
 */
export function releaseMissing(stderr: string): boolean {
  return /This module version is not available|: 404 Not Found|: 410 Gone|unknown revision|invalid version/.test(stderr);
}

export interface ToolchainLookup {
  /** True: the proxy has it; false: it does not; undefined: not asked, or the answer says nothing. */
  available?: boolean;
  evidence?: Evidence;
}

export async function lookUpToolchain(ctx: ProbeContext, goBinary: string, release: string, goos: string, goarch: string): Promise<ToolchainLookup> {
  if (!ctx.settings.online || !ctx.host.live || ctx.remainingMs() < 1500) return {};
  const mod = `golang.org/toolchain@${toolchainModuleVersion(release, goos, goarch)}`;
  // Outside any module, and with a cache of its own: the user's module cache gets nothing.
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'go-env-doctor-toolchain-'));
  try {
    const r = await ctx.host.exec(goBinary, ['list', '-m', '-json', mod], {
      timeoutMs: Math.min(6000, ctx.remainingMs() - 500),
      signal: ctx.signal,
      env: { ...ctx.env, GOTOOLCHAIN: 'local', GOFLAGS: '-mod=mod', GOMODCACHE: path.join(scratch, 'mod'), GOWORK: 'off' },
      cwd: scratch,
      maxBuffer: 64 * 1024,
    });
    if (r.timedOut || r.canceled || r.errorCode) return {};
    const evidence = { source: `${r.commandLine} (online check)`, excerpt: (r.failed ? r.stderr : r.stdout).trim().split('\n').slice(0, 4).join('\n') };
    if (!r.failed) return { available: true, evidence };
    return releaseMissing(r.stderr) ? { available: false, evidence } : { evidence };
  } finally {
    // go's module cache is read-only: make it writable again before removing it.
    await makeWritable(scratch);
    await fs.rm(scratch, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function makeWritable(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  await fs.chmod(dir, 0o755).catch(() => undefined);
  for (const e of entries) if (e.isDirectory()) await makeWritable(path.join(dir, e.name));
}
