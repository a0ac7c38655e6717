// Counters keyed by what a log says (method names, error messages): a hostile or broken trace can
// name a new method on every line (issue 9 finding 11: 288k unique names made a 22 MB report and
// 314 MB RSS). Each map keeps at most a fixed number of keys, the most frequent, and sums the rest
// under OTHER, so the memory and the report stay small whatever the log holds.

/** LSP has about 90 methods; gopls's own commands travel inside workspace/executeCommand. */
export const MAX_KEYS = 100;
/** The key that sums every count not kept. Parenthesised: no LSP method is spelt like it. */
export const OTHER = '(other)';

export class BoundedCounts {
  private readonly m = new Map<string, number>();
  private other = 0;

  constructor(private readonly keep = MAX_KEYS) {}

  add(key: string, n = 1): void {
    const v = this.m.get(key);
    if (v !== undefined) {
      this.m.set(key, v + n);
      return;
    }
    // Room for twice as many as kept, so a key on its way up is not dropped at its first sighting;
    // then the least frequent half is folded into OTHER (space-saving, amortised O(1) per add).
    if (this.m.size >= this.keep * 2) this.prune(this.keep);
    this.m.set(key, n);
  }

  get(key: string): number | undefined {
    return this.m.get(key);
  }

  get size(): number {
    return this.m.size;
  }

  private prune(to: number): void {
    const ranked = [...this.m].sort((a, b) => b[1] - a[1]);
    for (const [k, v] of ranked.slice(to)) {
      this.other += v;
      this.m.delete(k);
    }
  }

  /** The kept keys, most frequent first, and OTHER when anything was folded. */
  toRecord(): Record<string, number> {
    const ranked = [...this.m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const out: Record<string, number> = {};
    let other = this.other;
    ranked.forEach(([k, v], i) => {
      if (i < this.keep) out[k] = v;
      else other += v;
    });
    if (other > 0) out[OTHER] = (out[OTHER] ?? 0) + other;
    return out;
  }
}
