import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const mountsProbe: Probe = {
  id: 'mounts',
  title: 'Mount options of Go paths and exec canary',
  classes: ['noexec-mount', 'fs-access'],
  async run() {
    return skipped('not implemented yet');
  },
};
