// What Go tooling will need on this machine, so a limit can be judged before it bites, not only
// against what is in use now. Estimates, each from a measurement stated here (this VM: 2 CPUs,
// go1.26, the pinned gopls; tasks sampled from a pids cgroup's pids.current every 5 ms, memory
// as /usr/bin/time's max RSS):
//
//   go build -p 1, hello world, empty GOCACHE ........ 10 tasks      go build -p 2, same ....... 16 tasks
//   go build -a -p 1 std ............................. 16 tasks      go build -a -p 2 std ...... 20 tasks
//   gopls check, 62 packages (fmt's deps) ............ 17 tasks;  356 MB with a cold gopls cache, 59 MB warm
//   gopls check, 317 packages (every public std pkg) . 38 tasks;  770 MB cold, 133 MB warm
//
// A Go process runs about GOMAXPROCS + 4 threads (its Ps, sysmon, the template thread, threads
// parked in syscalls): 6 at 2 CPUs, which fits the builds above as (1 + p) processes of 6. gopls
// is gopls plus the `go list` it runs, and its own blocked readers: 3 processes' worth (18 at 2
// CPUs; 17 and 38 measured). gopls's memory for its first load grows with the packages it loads:
// the two cold points give about 255 MB + 1.6 MB per package, the warm ones 41 MB + 0.3 MB.

/** Threads of one Go process at this CPU count. */
export function goProcessTasks(cpus: number): number {
  return cpus + 4;
}

/** `go build -p p` (default p = CPUs): the go command and p compiles or links at once. */
export function buildTasks(cpus: number, p = cpus): number {
  return goProcessTasks(cpus) * (p + 1);
}

/** gopls with the go list it runs. */
export function goplsTasks(cpus: number): number {
  return 3 * goProcessTasks(cpus);
}

export interface TaskNeeds {
  cpus: number;
  /** go build -p 1 of a trivial program: below this nothing builds. */
  trivial: number;
  /** gopls plus a default `go build` (-p = CPUs), beside what already runs. */
  normal: number;
  method: string;
}

export function taskNeeds(cpus: number): TaskNeeds {
  const trivial = buildTasks(cpus, 1);
  const normal = goplsTasks(cpus) + buildTasks(cpus);
  return {
    cpus,
    trivial,
    normal,
    method: `estimated for ${cpus} CPU${cpus === 1 ? '' : 's'}: a Go process runs about GOMAXPROCS+4 = ${goProcessTasks(cpus)} threads; go build -p ${cpus} is the go command and ${cpus} compiles (${buildTasks(cpus)}), gopls with its go list about ${goplsTasks(cpus)}; measured on 2 CPUs: go build -p 2 peaks at 16–20 tasks, gopls at 17–38`,
  };
}

export interface MemoryNeeds {
  packages: number;
  /** gopls's first load with a cold cache (a new workspace, a cleared cache, a new Go version). */
  cold: number;
  /** gopls with a warm cache: below this it cannot work on these workspaces at all. */
  warm: number;
  method: string;
}

const MiB = 1024 * 1024;

export function goplsMemoryNeeds(packages: number): MemoryNeeds {
  const cold = Math.round((255 + 1.6 * packages) * MiB);
  const warm = Math.round((41 + 0.3 * packages) * MiB);
  return {
    packages,
    cold,
    warm,
    method: `estimated from ${packages} packages (go list -deps of the workspaces): about 255 MB + 1.6 MB per package for gopls's first load with a cold cache, 41 MB + 0.3 MB warm (measured here: 62 packages 356/59 MB, 317 packages 770/133 MB)`,
  };
}
