// How an argument is shown in a command line a person reads or types. Pure and free of Node, so
// the panel's browser bundle renders fix instructions with the same quoting as the CLI.
export function quoteForDisplay(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
