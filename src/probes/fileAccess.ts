import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const fileAccessProbe: Probe = {
  id: 'file-access',
  title: 'Access, ownership and space of Go directories',
  classes: ['fs-access'],
  async run() {
    return skipped('not implemented yet');
  },
};
