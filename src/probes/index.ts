// Every probe the doctor runs, in display order. One file per concern.
import type { Probe } from '../doctor/probe.js';

export function allProbes(): Probe[] {
  return [];
}
