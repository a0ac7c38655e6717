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
//
// The package count is a poor measure once packages differ in size (a tester's module of 676
// packages, aws-sdk-go-v2's ec2 and client-go among them, took 3.1 GB cold, the count said 1.3
// GB). The bytes of Go source gopls type-checks (GoFiles and CgoFiles of go list -deps ./...,
// the standard library's included) tell it better. `gopls check` of one file importing the graph,
// cold (an empty XDG_CACHE_HOME), max RSS, on 2026-12-05:
//
//   graph                         packages  source   cold RSS   warm RSS
//   fmt's deps .................... 62       5.1 MB    464 MB     264 MB
//   800 one-function packages ..... 831      3.3 MB    305 MB      84 MB
//   x/tools go/ssa/ssautil ........ 159      9.7 MB    440 MB      89 MB
//   every public std package ...... 318     17.9 MB    788 MB     238 MB
//   aws-sdk-go-v2 service/ec2 ..... 247     28.4 MB   1660 MB    1437 MB
//   client-go kubernetes .......... 577     43.0 MB   1805 MB    1150 MB
//   the tester's module ........... 676     62.6 MB   3171 MB    2325 MB
//
// Cold: 250 MB + 45 MB per MB of source is within 0.64–1.09 of each (least squares: 75 + 47). Warm
// is what the open file's own imports weigh (ec2 imported directly: 1.4 GB), which neither count
// tells: its estimate stays a floor, 90% of the package estimate or of a fifth of the cold one,
// whichever is lower, under every warm figure above, so a limit below it is an error only where gopls cannot work.

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
  /** Bytes of Go source the packages hold, when counted: the estimate is made from them. */
  sourceBytes?: number;
  /** gopls's first load with a cold cache (a new workspace, a cleared cache, a new Go version). */
  cold: number;
  /** gopls with a warm cache: below this it cannot work on these workspaces at all. */
  warm: number;
  method: string;
}

const MiB = 1024 * 1024;
const MB = 1000 * 1000;

export function goplsMemoryNeeds(packages: number, sourceBytes?: number): MemoryNeeds {
  const byCount = { cold: Math.round((255 + 1.6 * packages) * MiB), warm: Math.round((41 + 0.3 * packages) * MiB) };
  if (sourceBytes === undefined) {
    return {
      packages,
      ...byCount,
      method: `estimated from ${packages} packages (go list -deps of the workspaces): about 255 MB + 1.6 MB per package for gopls's first load with a cold cache, 41 MB + 0.3 MB warm (measured here: 62 packages 356/59 MB, 317 packages 770/133 MB)`,
    };
  }
  const srcMB = sourceBytes / MB;
  const cold = Math.round((250 + 45 * srcMB) * MB);
  // 10% under the lower of the two: repeated warm runs of one graph differ by about that much (280–300 MB for fmt's).
  const warm = Math.round(0.9 * Math.min(byCount.warm, cold / 5));
  return {
    packages,
    sourceBytes,
    cold,
    warm,
    method: `estimated from ${packages} packages holding ${srcMB.toFixed(1)} MB of Go source (go list -deps of the workspaces): about 250 MB + 45 MB per MB of source for gopls's first load with a cold cache, and at least ${Math.round(warm / MB)} MB warm (measured here: 5 MB of source 464 MB cold, 18 MB 788 MB, 43 MB 1.8 GB, 63 MB 3.2 GB)`,
  };
}

// Address space (RLIMIT_AS, `ulimit -v`) and data segment (RLIMIT_DATA, `ulimit -d`, which since
// Linux 4.7 counts every private writable mapping, the Go heap's among them). Measured here by
// bisecting the limit until the command succeeded (go1.26.8, the pinned gopls, RLIMIT_STACK 8 MiB):
//
//   go version ....................... 750 MB address space (GOMAXPROCS 2 and 64 alike); 79 MB data
//   go build, hello world ............ 856 MB
//   gopls version .................... 1.79 GB at 2 CPUs, 2.03 GB at GOMAXPROCS=16, 2.58 GB at 64; 235 MB data
//   gopls check, 62 packages ......... 1.98 GB; 360 MB data
//   gopls check, 185 / 319 packages .. 2.03 / 2.36 GB (std's net/http and cmd/go, warm cache)
//
// gopls reserves far more than it uses before it does anything (a cgo binary: glibc's malloc arena
// per thread, the Go heap's arena index), about 1.79 GB + 12.8 MB per CPU beyond two, then about
// 1.6 MB more per package loaded, the slope of its resident memory. Below its start it dies at once
// with "runtime: out of memory: cannot allocate …", "fatal error: failed to reserve page summary
// memory" or, misleadingly, "runtime/cgo: pthread_create failed: Resource temporarily unavailable".

export interface AddressSpaceNeeds {
  cpus: number;
  packages?: number;
  sourceBytes?: number;
  /** The go command itself: below this nothing Go builds or runs. */
  goCommand: number;
  /** gopls's start, before it loads anything. */
  goplsStart: number;
  /** gopls with these workspaces loaded (its start when the packages are not known). */
  gopls: number;
  /** RLIMIT_DATA: gopls's start, and gopls with these workspaces (its first, cold load). */
  dataStart: number;
  data: number;
  method: string;
}


export function addressSpaceNeeds(cpus: number, packages?: number, sourceBytes?: number): AddressSpaceNeeds {
  const goplsStart = Math.round((1790 + 12.8 * Math.max(0, cpus - 2)) * MB);
  // With the source's size: its reservation plus 1.2 times the cold load's resident memory (the
  // heap's arenas and GC headroom are mapped before they are touched). Bisected on 2026-12-05:
  // every public std package (17.9 MB, 788 MB resident) died at 2.56 GB and loaded at 3.07 GB
  // (estimate 3.06); the tester's module (62.6 MB, 3.2 GB resident) died at 5.12 GB and loaded at
  // 6.14 GB (estimate 5.47). The count alone said 2.87 GB for the second.
  const cold = packages === undefined ? undefined : goplsMemoryNeeds(packages, sourceBytes).cold;
  const gopls = sourceBytes !== undefined && cold !== undefined ? goplsStart + Math.round(1.2 * cold) : goplsStart + Math.round(1.6 * (packages ?? 0) * MB);
  const dataStart = 235 * MB;
  const data = cold === undefined ? dataStart : Math.max(dataStart, cold);
  return {
    cpus,
    ...(packages === undefined ? {} : { packages }),
    ...(sourceBytes === undefined ? {} : { sourceBytes }),
    goCommand: 860 * MB,
    goplsStart,
    gopls,
    dataStart,
    data,
    method: `estimated for ${cpus} CPU${cpus === 1 ? '' : 's'}${packages === undefined ? '' : ` and ${packages} packages (go list -deps of the workspaces)${sourceBytes === undefined ? '' : ` holding ${(sourceBytes / MB).toFixed(1)} MB of Go source`}`}: gopls reserves about 1.7 GiB of address space + 12 MiB per CPU beyond two to start, and ${sourceBytes === undefined ? 'about 1.5 MiB more per package it loads' : '1.2 times its cold load\'s resident memory more (250 MB + 45 MB per MB of source)'}; the go command about 820 MiB; gopls's heap (RLIMIT_DATA) about 224 MiB at start. Measured here by bisecting ulimit -v and ulimit -d: gopls version needs 1.7 GiB at 2 CPUs and 2.4 GiB at GOMAXPROCS=64, gopls check of 62 / 185 / 319 packages 1.8 / 1.9 / 2.2 GiB`,
  };
}

// The largest files Go tooling writes (RLIMIT_FSIZE, `ulimit -f`, refuses a write past it: the
// linker's "mapping output file failed: file too large", the compiler's "writing output: write
// $WORK/b009/_pkg_.a: file too large", or SIGXFSZ for a program that does not ignore it). Measured
// here (go1.26.8, linux/amd64): a hello-world binary 2.4 MB, but with a cold build cache its build
// first writes the runtime package's archive, 13.4 MB (the build failed under a 12 MB limit); the
// test binary of net/http 15.8 MB; gopls's own binary 42 MB (what `go install
// golang.org/x/tools/gopls` writes); gopls's cache files up to 5 MB.
export const FILE_SIZE_NEEDS = {
  /** go build of a hello world with a cold build cache: below this nothing builds. */
  trivial: 13.4 * MB,
  /** go install of gopls itself, the test binary of a large package. */
  normal: 48 * MB,
  method: 'measured here (go1.26.8, linux/amd64): a hello-world binary is 2.4 MB, but its build with a cold build cache first writes the runtime package\'s archive, 13.4 MB; the test binary of net/http is 15.8 MB, the gopls binary that `go install golang.org/x/tools/gopls` writes 42 MB',
} as const;

// Open files (RLIMIT_NOFILE, `ulimit -n`). Go programs and node raise their soft limit to the hard
// one at start, so the hard limit is what they get, per process. Measured here by bisecting
// `prlimit --nofile` with empty caches, by exit status: go build of a hello world needs 22
// descriptors at -p 2 and 35 at -p 8; of a module importing every public std package 25 at -p 2 and
// 37 at -p 8; gopls check of a two-file module 30 at GOMAXPROCS 2, 34 at 8 and 36 at 16, and gopls's
// peak while checking the std-wide module with a cold cache was 28 open. So: about 21 + 2 per
// parallel compile for the build (-p defaults to the CPU count), and 29 + 1 per two CPUs for
// gopls's start. gopls can hold more on a large workspace (it allows 128 parallel file
// reads and 128 parallel cache writes) and cgo's compilers open their own, so less than twice the
// need is a warning.
export interface OpenFileNeeds {
  cpus: number;
  /** go build at its default -p (the CPU count), or gopls on a small module: below this they fail. */
  need: number;
  /** Twice the need: the headroom a larger graph, cgo or a large workspace takes. */
  headroom: number;
  method: string;
}

export function openFileNeeds(cpus: number): OpenFileNeeds {
  const build = 21 + 2 * cpus;
  const goplsStart = 29 + Math.ceil(cpus / 2);
  const need = Math.max(build, goplsStart);
  return {
    cpus,
    need,
    headroom: 2 * need,
    method: `estimated for ${cpus} CPU${cpus === 1 ? '' : 's'}: go build -p ${cpus} keeps about 21 + 2 per parallel compile open (${build}), gopls on a small module about ${goplsStart}. Measured here by bisecting prlimit --nofile with empty caches: go build of every public std package 25 / 37 at -p 2 / 8, gopls check of a small module 30 / 34 / 36 at GOMAXPROCS 2 / 8 / 16`,
  };
}
