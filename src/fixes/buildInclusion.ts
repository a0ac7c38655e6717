// The gopls setting that brings a file left out by its build constraints back into the build
// gopls loads: build.buildFlags -tags for a tag, build.env for a platform or cgo. Shared by the
// build-constraints probe (the editor's open file) and the gopls probe (gopls's own "No packages
// found for open file" about the file it opened), so both offer the same fix under one id.
import type { Fix } from '../doctor/model.js';
import type { BuildContext, Inclusion } from '../lsp/buildConstraint.js';
import { settingFix } from './catalog.js';

/** The gopls settings that include the file: build.buildFlags for tags, build.env for a platform. */
export function includingFixes(inc: Inclusion, ctx: BuildContext, keepFlags: readonly string[] = []): Fix[] {
  const fixes: Fix[] = [];
  if (inc.goos || inc.goarch || inc.cgo !== undefined) {
    const env: Record<string, string> = {};
    if (inc.goos) env.GOOS = inc.goos;
    if (inc.goarch) env.GOARCH = inc.goarch;
    if (inc.cgo !== undefined) env.CGO_ENABLED = inc.cgo ? '1' : '0';
    fixes.push(
      settingFix({
        id: 'gopls-build-env',
        title: `Have gopls build with ${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ')} in this workspace (gopls build.env)`,
        key: 'gopls',
        value: { 'build.env': env },
        merge: true,
        target: 'workspace',
        detail: inc.goos || inc.goarch
          ? `gopls then loads this workspace as ${inc.goos ?? ctx.goos}/${inc.goarch ?? ctx.goarch}: this file is checked, and files only built for ${ctx.goos}/${ctx.goarch} drop out instead. gopls restarts when the setting changes.`
          : `gopls then loads this workspace with cgo ${inc.cgo ? 'on' : 'off'}: this file is checked, and files that need cgo ${inc.cgo ? 'off' : 'on'} drop out instead.`,
      }),
    );
  }
  if (inc.addTags.length) {
    const tags = [...new Set([...ctx.tags, ...inc.addTags])];
    fixes.push(
      settingFix({
        id: 'gopls-build-tags',
        title: `Have gopls build with -tags=${tags.join(',')} in this workspace (gopls build.buildFlags)`,
        key: 'gopls',
        // The user's other build flags stay: the setting replaces the whole list.
        value: { 'build.buildFlags': [...keepFlags, `-tags=${tags.join(',')}`] },
        merge: true,
        target: 'workspace',
        detail: `${inc.addTags.join(', ')} ${inc.addTags.length > 1 ? 'are' : 'is'} then set for every package gopls loads here, as \`go build -tags=${tags.join(',')}\` would.${ctx.tags.length ? ` The tags GOFLAGS already sets (${ctx.tags.join(',')}) are kept: a -tags flag replaces them.` : ''}`,
      }),
    );
  }
  return fixes;
}

