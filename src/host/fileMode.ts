// A file's permission bits as the messages print them ("0755", "1777"): st_mode's low 12 bits in
// octal, four digits. Pure.
export function octalMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}
