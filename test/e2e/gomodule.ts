// A real Go module on disk for code-server to open: go.mod, main.go, main_test.go.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeGoModule(prefix = 'ged-e2e-mod-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  writeFileSync(path.join(dir, 'go.mod'), 'module example.com/hello\n\ngo 1.22\n');
  writeFileSync(
    path.join(dir, 'main.go'),
    'package main\n\nimport "fmt"\n\nfunc greeting(name string) string {\n\treturn "hello, " + name\n}\n\nfunc main() {\n\tfmt.Println(greeting("world"))\n}\n',
  );
  writeFileSync(
    path.join(dir, 'main_test.go'),
    'package main\n\nimport "testing"\n\nfunc TestGreeting(t *testing.T) {\n\tif got := greeting("go"); got != "hello, go" {\n\t\tt.Fatalf("greeting = %q", got)\n\t}\n}\n',
  );
  writeFileSync(path.join(dir, 'README.md'), '# hello\n\nA module for the go-env-doctor e2e suite.\n');
  return dir;
}
