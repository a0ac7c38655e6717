// gopls announces each view it builds in a window/logMessage:
//   2026/11/24 18:14:48 Created View (#1)
//   	directory=/tmp/ok
//   	view_type="GoMod"
//   	root_dir="file:///tmp/ok"
//   	go_version="go version go1.26.8 linux/amd64"
// The view type says how gopls placed the folder: GoMod, GoWork, GOPATH, or AdHoc (no module).

export type ViewType = 'GoMod' | 'GoWork' | 'GOPATH' | 'AdHoc' | string;

export interface CreatedView {
  id?: number;
  directory: string;
  viewType: ViewType;
  rootDir?: string;
  goVersion?: string;
}

/** Pure: a logMessage text → the view it announces, or undefined for any other message. */
export function parseCreatedView(message: string): CreatedView | undefined {
  const head = /Created View \(#(\d+)\)/.exec(message);
  if (!head) return undefined;
  const field = (name: string) => {
    const m = new RegExp(`^\\s*${name}=(.*)$`, 'm').exec(message);
    if (!m) return undefined;
    const v = m[1]!.trim();
    return v.startsWith('"') && v.endsWith('"') ? unquote(v) : v;
  };
  const directory = field('directory');
  const viewType = field('view_type');
  if (!directory || !viewType) return undefined;
  return { id: Number(head[1]), directory, viewType, rootDir: field('root_dir'), goVersion: field('go_version') };
}

function unquote(v: string): string {
  try {
    return JSON.parse(v) as string;
  } catch {
    return v.slice(1, -1);
  }
}
