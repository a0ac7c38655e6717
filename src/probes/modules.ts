import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const modulesProbe: Probe = {
  id: 'modules',
  title: 'Module and workspace resolution',
  classes: ['module-resolution'],
  async run() {
    return skipped('not implemented yet');
  },
};
