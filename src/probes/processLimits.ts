import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const processLimitsProbe: Probe = {
  id: 'process-limits',
  title: 'Kernel and rlimit process limits',
  classes: ['process-limit'],
  async run() {
    return skipped('not implemented yet');
  },
};
