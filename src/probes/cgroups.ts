import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const cgroupsProbe: Probe = {
  id: 'cgroups',
  title: 'cgroup memory and pids limits',
  classes: ['memory-limit', 'process-limit'],
  async run() {
    return skipped('not implemented yet');
  },
};
