// The Go tools the Go extension installs and runs, from golang/vscode-go's generated
// extension/src/goToolsInformation.ts (allToolsInformation: name, importPath, modulePath).
// vscgo is left out: the extension keeps it in its own directory, not where tools are looked up.

export interface GoToolInfo {
  name: string;
  /** What `go install <importPath>@<version>` builds. */
  importPath: string;
  modulePath: string;
  /** What it is for, as the Go extension describes it. */
  description: string;
}

export const GO_TOOLS: readonly GoToolInfo[] = [
  { name: 'gopls', importPath: 'golang.org/x/tools/gopls', modulePath: 'golang.org/x/tools/gopls', description: 'Language Server from Google' },
  { name: 'dlv', importPath: 'github.com/go-delve/delve/cmd/dlv', modulePath: 'github.com/go-delve/delve', description: 'Go debugger (Delve)' },
  { name: 'staticcheck', importPath: 'honnef.co/go/tools/cmd/staticcheck', modulePath: 'honnef.co/go/tools', description: 'Linter' },
  { name: 'golangci-lint', importPath: 'github.com/golangci/golangci-lint/cmd/golangci-lint', modulePath: 'github.com/golangci/golangci-lint', description: 'Linter' },
  { name: 'revive', importPath: 'github.com/mgechev/revive', modulePath: 'github.com/mgechev/revive', description: 'Linter' },
  { name: 'golint', importPath: 'golang.org/x/lint/golint', modulePath: 'golang.org/x/lint', description: 'Linter' },
  { name: 'goimports', importPath: 'golang.org/x/tools/cmd/goimports', modulePath: 'golang.org/x/tools', description: 'Formatter' },
  { name: 'gofumpt', importPath: 'mvdan.cc/gofumpt', modulePath: 'mvdan.cc/gofumpt', description: 'Formatter' },
  { name: 'gotests', importPath: 'github.com/cweill/gotests/gotests', modulePath: 'github.com/cweill/gotests', description: 'Generate unit tests' },
  { name: 'impl', importPath: 'github.com/josharian/impl', modulePath: 'github.com/josharian/impl', description: 'Stubs for interfaces' },
  { name: 'gomodifytags', importPath: 'github.com/fatih/gomodifytags', modulePath: 'github.com/fatih/gomodifytags', description: 'Modify tags on structs' },
  { name: 'goplay', importPath: 'github.com/haya14busa/goplay/cmd/goplay', modulePath: 'github.com/haya14busa/goplay', description: 'The Go playground' },
];
