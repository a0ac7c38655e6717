// This machine's CPU as the Go runtime's start-up check sees it: the flags every processor lists
// and the x86-64 level (GOAMD64) they allow. Read through the host, so a fixture tree's
// /proc/cpuinfo stands in for the real one.
import type { Host } from '../host/host.js';
import { amd64Level, parseCpuFlags, type CpuFlags } from '../procfs/cpuinfo.js';

export interface Amd64Cpu extends CpuFlags {
  /** The highest GOAMD64 level these flags allow, 1 to 4. */
  level: number;
}

/** /proc/cpuinfo with its level; undefined where it cannot be read or lists no x86 flags. */
export async function readAmd64Cpu(host: Host): Promise<Amd64Cpu | undefined> {
  const text = await host.readText('/proc/cpuinfo', 4 * 1024 * 1024);
  const cpu = text ? parseCpuFlags(text) : undefined;
  return cpu ? { ...cpu, level: amd64Level(cpu.flags).level } : undefined;
}
