// Long synchronous loops (a walk over every process in /proc) cut into slices, so the event loop
// still turns between them: the gopls session's messages and the other probes' callbacks wait at
// most one slice, not the whole walk.
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long one slice may hold the thread. */
const SLICE_MS = 4;

/**
 * Runs fn over items in order, synchronously within a slice, yielding between slices. Items may
 * be a generator, whose own work (a directory listing per step) then runs inside the slices too.
 */
export async function forEachSliced<T>(items: Iterable<T>, fn: (item: T) => void, sliceMs = SLICE_MS): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    fn(item);
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
