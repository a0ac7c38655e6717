import type { Probe } from '../doctor/probe.js';
import { skipped } from '../doctor/probe.js';

// Stub: replaced by the real probe.
export const inotifyProbe: Probe = {
  id: 'inotify',
  title: 'inotify watches and instances',
  classes: ['file-watch'],
  async run() {
    return skipped('not implemented yet');
  },
};
