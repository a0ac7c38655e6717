// `npm run test:faults`: breaks this machine for real, one class at a time (root, Linux).
// One worker, files in name order: 00-baseline first, 99-baseline last, so the untouched-machine
// check brackets every fault, and no two faults ever overlap.
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

class ByName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    // The run's own TMPDIR, removed at its end (ownTmpdir.ts: go's go-build* directories and gcc's
    // temporaries of the commands a scenario kills under a limit, gopls's crash reports); the run's
    // name and the removal of what its workers shared (globalSetup.ts).
    globalSetup: ['test/setup/ownTmpdir.ts', 'test/faults/globalSetup.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    maxWorkers: 1,
    minWorkers: 1,
    pool: 'forks',
    sequence: { sequencer: ByName, shuffle: false, concurrent: false },
    reporters: ['verbose'],
  },
});
