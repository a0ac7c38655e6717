// fs-access: the words that say a file or directory could not be read, written or locked (modes,
// full or read-only file systems, network file systems). One file per class, so a family's rules
// read together; the order they are tried in is order.ts's.
import type { Rule } from './rule.js';
import { STD, STD_ADDED_IN, stdAddedLiteral } from './env.js';

/**
 * go1.20+'s "package P is not in std (DIR)" for a package every Go release has, where DIR is an
 * absolute path that names no release (/usr/local/go/src/unsafe): nothing in the line says another
 * GOROOT. cmd/go looks standard packages up through its module index, which it keeps in GOCACHE
 * (modindex.IsStandardPackage → openIndexPackage → cache.PutBytes): when that write fails the
 * package is reported missing and the write error is dropped. Measured with go1.26.8 and gopls
 * v0.23.0: GOCACHE on a full 1 MiB tmpfs, and a GOCACHE whose subdirectories nobody may write,
 * both give exactly this line for unsafe (gopls's load) or every std package (go list std), while
 * GOROOT/src/unsafe is there. A package a later release added (STD_ADDED_IN) is std-package-newer-than-go's.
 * go-toolchain-mismatch reads the same line as two installations mixed; which reading stands is
 * the log's to say (probes/goplsLogs.ts): this one only where gopls's own view says its go runs
 * from that very GOROOT (LogSummary.viewGoroots), the other where nothing says so.
 */
const STD_UNINDEXED = new RegExp(
  String.raw`package (?!(?:${Object.keys(STD_ADDED_IN).map(stdAddedLiteral).join('|')})\b)${STD} is not in std \(\/(?![^)\n]*\bgo[-/]?1\.\d)[^)\n]*\)`,
);

export const FS_ACCESS_RULES: readonly Rule[] = [
  {
    id: 'permission-denied',
    classId: 'fs-access',
    role: 'symptom',
    symptom: 'access-denied',
    severity: 'warning',
    confidence: 0.5,
    // Windows' ERROR_ACCESS_DENIED (5) as FormatMessage words it, "Access is denied.", is the same
    // refusal where Go on Windows (WSL interop, a remote's client side) reports a file it opens.
    // VS Code's save of a file the user may not write (textFileEditorModel, permissionDeniedSaveErrorSudo
    // and …Admin): "Failed to save 'x': Insufficient permissions. Select 'Retry as Sudo' to retry as
    // superuser." is the same EACCES in the editor's words.
    needles: ['ermission denied', 'Access is denied', "Insufficient permissions. Select 'Retry as"],
    yieldsTo: ['exec-permission-denied', 'work-exec-denied', 'exec-path-denied', 'exec-relative-denied', 'selinux-avc-denied', 'selinux-avc-denied-other', 'selinux-avc-permissive', 'apparmor-denied', 'apparmor-denied-other', 'build-cache-unusable', 'thread-create-eperm', 'shell-exec-denied', 'program-exec-denied', 'ownership-change-eacces', 'apparmor-profile-denied', 'sandbox-namespace-denied', 'system-exec-denied', 'exec-refused-more', 'shared-storage-exec', 'cwd-stat-denied', 'go-file-refused', 'go-work-dir-failed', 'runtime-eperm', 'container-path-denied', 'proc-self-denied', 'signal-eacces', 'ldso-text-reloc-denied', 'shared-object-map-eacces', 'chromium-sandbox-refused', 'shell-system-exec-denied', 'toolkit-spawn-refused', 'snap-cwd-refused', 'snap-void-cwd', 'pivot-root-denied', 'runc-sysctl-reopen-denied', 'vcs-auth-prompt', 'exec-refusal-words', 'systemd-exec-home-denied', 'systemd-exec-system-denied', 'snap-user-data-refused', 'android-app-home-exec', 'android-app-data-exec', 'gopls-remote-unreachable', 'gopls-exec-denied', 'git-home-config-refused', 'gopls-cache-unusable', 'environment-d-failed', 'toolchain-exec-denied', 'shared-object-open-denied'],
    says: 'a file operation was refused with "permission denied"',
  },
  {
    id: 'exec-refused-no-x-bit',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.85,
    // Not screened by needles: execListing.ts ties an exec refused with EACCES to an `ls -l` (or
    // stat) line in the same text that shows the same file with no execute bit for anyone
    // (-rw-r--r--): execve(2) refuses such a file on any mount, so the mode is the cause.
    needles: [],
    explains: ['noexec-mount'],
    says: 'a program was refused execution (EACCES) and its mode, listed in the same text, has no execute bit: chmod +x it (or rebuild it where it is written)',
  },
  {
    id: 'no-space-left',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.8,
    // Windows' ERROR_DISK_FULL (112) "There is not enough space on the disk." and
    // ERROR_HANDLE_DISK_FULL (39) "The disk is full." are the same condition in FormatMessage's words.
    needles: ['o space left on device', 'ENOSPC', 'not enough space on the disk', 'The disk is full'],
    test: /no space left on device|\bENOSPC\b|not enough space on the disk|The disk is full/i,
    yieldsTo: ['inotify-enospc'],
    says: 'a write failed with "no space left on device" (out of blocks or inodes)',
  },
  {
    id: 'read-only-fs',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.8,
    needles: ['ead-only file system'],
    says: 'a write failed with "read-only file system"',
  },
  {
    id: 'nfs-no-locks',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.8,
    // ENOLCK from flock/fcntl on NFS without lockd (the go command locks the module and build caches),
    // and the kernel's lockd when rpc.statd does not answer (fs/lockd/mon.c nsm_monitor: "lockd:
    // cannot monitor HOST"), after which NFSv3 locks fail.
    needles: ['o locks available', 'ENOLCK', 'lockd: cannot monitor'],
    test: /no locks available|\bENOLCK\b|lockd: cannot monitor\b/i,
    says: 'a file lock was refused with "no locks available" (ENOLCK): the cache or module directory is on a network file system without working locks',
  },
  {
    id: 'stale-file-handle',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.7,
    needles: ['tale file handle', 'tale NFS file handle', 'ESTALE'],
    test: /stale (?:NFS )?file handle|\bESTALE\b/i,
    says: 'a file operation failed with "stale file handle" (ESTALE): a network file system lost the file under the tools',
  },
  {
    id: 'quota-exceeded',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // EDQUOT, EFBIG and other "full" file systems: "disk quota exceeded", "file system is full".
    needles: ['quota exceeded', 'EDQUOT', 'ystem is full', 'ystem full'],
    test: /disk quota exceeded|\bEDQUOT\b|file ?system (?:is )?full/i,
    says: 'a write failed because the file system or the user\'s quota is full',
  },
  {
    id: 'std-package-unindexed',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.55,
    needles: ['is not in std'],
    test: STD_UNINDEXED,
    explains: ['module-resolution', 'gopls-launch'],
    says: 'go reports a standard package every Go release has as "not in std", in the GOROOT it runs from: go finds standard packages through an index it writes into its build cache (GOCACHE), and when that write fails (the disk or quota is full, or the cache is not writable) it says "not in std" and drops the write error; a Go installation whose src directory is incomplete says the same. Check `df -h "$(go env GOCACHE)"` and `ls "$(go env GOROOT)/src/unsafe"`',
  },
  {
    id: 'build-cache-unusable',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.85,
    // go: "failed to initialize build cache at /x: mkdir /x: permission denied", "go: disabling
    // cache (/x) due to initialization failure: …". Without HOME it is home-unset's.
    needles: ['failed to initialize build cache', 'due to initialization failure'],
    yieldsTo: ['read-only-fs', 'no-space-left', 'go-dir-through-file'],
    says: 'the go command cannot use its build cache (GOCACHE is not writable; unset, it is $XDG_CACHE_HOME/go-build, else ~/.cache/go-build)',
  },
  {
    id: 'module-cache-create',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    needles: ['could not create module cache'],
    yieldsTo: ['go-dir-through-file'],
    says: 'the go command could not create the module cache',
  },
  {
    id: 'gopls-cache-unusable',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.9,
    // gopls's main (v0.16 on) opens its file cache before anything else and stops if it cannot:
    // log.Fatalf("gopls cannot access its persistent index (disk full?): %v"), where the error is
    // filecache.getCacheDir's "can't create cache: mkdir $GOPLSCACHE-or-UserCacheDir/gopls/<hash>: …".
    // An existing gopls directory it cannot write is used anyway (MkdirAll succeeds on it); only
    // one it cannot create sends it to $TMPDIR/gopls, which another user's 0700 copy blocks. The
    // other cause its main names, "can't hash gopls executable", is the binary's, not a directory's.
    needles: ['persistent index'],
    test: /gopls cannot access its persistent index \(disk full\?\): can't create cache: \w+ \S+: (?:permission denied|read-only file system|no space left on device|disk quota exceeded|not a directory|operation not permitted)/,
    explains: ['gopls-launch'],
    says: 'gopls cannot create its cache directory ($GOPLSCACHE or ~/.cache, + /gopls; else $TMPDIR/gopls) and exits at start: the editor has no language server until that directory is writable',
  },
  {
    id: 'file-lock-unsupported',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // cmd/go's lockedfile (internal/filelock) wraps a failed flock/LockFileEx as an fs.PathError
    // whose Op is the lock type: "go: RLock /x/go.mod: Incorrect function." (Windows
    // ERROR_INVALID_FUNCTION on a network share or WSL's 9P), "Lock …: function not implemented"
    // (ENOSYS), "…: operation not supported" (EOPNOTSUPP). ENOLCK is nfs-no-locks'.
    needles: ['Lock '],
    test: /\b(?:R?Lock|Unlock) \S+: (?:Incorrect function|function not implemented|operation not supported|not supported|The request is not supported)/,
    yieldsTo: ['nfs-no-locks'],
    says: 'the go command could not lock go.mod or a cache file: the file system (a network share, WSL\'s 9P, FUSE) does not support file locks',
  },
  {
    id: 'go-work-dir-failed',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // cmd/go/internal/work: os.MkdirTemp(GOTMPDIR, "go-build") failing is base.Fatalf("go: creating
    // work dir: %v"): GOTMPDIR (or TMPDIR) does not exist, is not writable, or is full.
    needles: ['creating work dir'],
    test: /\bgo: creating work dir: /,
    says: 'the go command could not create its work directory in GOTMPDIR (or TMPDIR): it is missing, not writable or full',
  },
  {
    id: 'go-file-refused',
    classId: 'fs-access',
    role: 'symptom',
    symptom: 'access-denied',
    severity: 'warning',
    // Stronger than a bare "permission denied": it names the operation and the directory that is
    // not writable, so a tool install it broke comes after it; a policy named beside it still
    // explains it (SELinux on a bind mount).
    confidence: 0.7,
    // A Go program's fs.PathError for a file operation, as the go command prints it when GOPATH, GOCACHE,
    // GOMODCACHE or GOROOT is not writable: "mkdir /go: permission denied", "open
    // /usr/lib/go/pkg/linux_amd64/runtime/cgo.a: permission denied". Go's errno text is lower-case
    // ("permission denied"); C's strerror is "Permission denied".
    needles: ['ermission denied'],
    test: /\b(?:mkdir|open|create|rename|remove|unlinkat|symlink|link|chmod|chtimes|truncate|write) (?:\/|\$WORK|[A-Za-z]:\\)[^:\n]*: permission denied/,
    yieldsTo: ['build-cache-unusable', 'module-cache-create', 'go-work-dir-failed', 'exec-permission-denied', 'exec-path-denied', 'exec-relative-denied', 'system-exec-denied', 'exec-refused-more', 'program-exec-denied', 'shared-storage-exec', 'selinux-avc-denied', 'selinux-avc-denied-other', 'selinux-avc-permissive', 'apparmor-denied', 'apparmor-denied-other', 'container-path-denied', 'proc-self-denied'],
    says: 'the go command (or another Go program) was refused a file or directory it creates or opens (mkdir, open, rename … : permission denied): a directory is not writable by this user',
  },
  {
    id: 'read-only-root-named',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.45,
    // Kubernetes' securityContext `readOnlyRootFilesystem: true` and Docker's `--read-only`: the
    // container's own file system cannot be written, so the go command's default GOCACHE, GOPATH
    // and TMPDIR there fail unless a writable volume is mounted for them.
    needles: ['readOnlyRootFilesystem', '--read-only', 'read_only:'],
    test: /\breadOnlyRootFilesystem"?:\s*true\b|\bdocker (?:run|create)\b[^\n]{0,200}\s--read-only\b|^\s*read_only:\s*true\b/m,
    says: 'the container\'s root file system is read-only (readOnlyRootFilesystem, --read-only): the Go caches and temporary files need a writable volume',
  },
  {
    id: 'snap-cwd-refused',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.6,
    // snap-confine (setuid root) opens the working directory before it confines the snap:
    // die("cannot open path of the current working directory") with EACCES. Root is refused there by
    // an NFS export's root_squash or a FUSE mount without allow_other (sshfs, gcsfuse): a snap (VS
    // Code, a snapped go) started from a directory on a network or FUSE file system. The file
    // system's access rule, not a policy's.
    needles: ['cannot open path of the current working directory'],
    test: /cannot open path of the current working directory: Permission denied/,
    says: 'a snap could not start from this directory: snap-confine runs as root, which an NFS root_squash export or a FUSE mount without allow_other refuses (start it from a local directory)',
  },
  {
    id: 'fs-io-error',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.5,
    // EIO and EUCLEAN on a path, in Go's errno words ("mkdir /x: input/output error") and C's
    // strerror ("Input/output error", "Structure needs cleaning"): the storage under the Go
    // directories failed or its file system is corrupt, or a network or FUSE mount (NFS, sshfs,
    // 9p) lost its server. Not a terminal or a pipe gone (creack/pty's "read /dev/ptmx:
    // input/output error" when a shell exits, a read of stdin after the parent died).
    // Python's OSError ("[Errno 5] Input/output error: '/x'") and node's ("EIO: i/o error, read '/x'").
    needles: ['nput/output error', 'tructure needs cleaning', 'EIO: i/o error'],
    test: /^(?![^\n]*(?:\/dev\/|\|[0-2]\b|\bstd(?:in|out|err)\b|\btty\b|\bpty\b|ptmx))(?=[^\n]*[\/\\])(?=[^\n]*(?:(?:: |\[Errno \d+\] )(?:[Ii]nput\/output error|[Ss]tructure needs cleaning)|\bEIO: i\/o error, \w+ '))/,
    says: 'a file operation failed with an I/O error (EIO) or a corrupt file system (EUCLEAN): the disk, or the network or FUSE mount the path is on, failed',
  },
  {
    id: 'fs-remounted-read-only',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // The kernel turning a file system read-only after an error (mount option errors=remount-ro):
    // ext4's and nilfs2's "EXT4-fs (sda1): Remounting filesystem read-only", btrfs's "BTRFS info
    // (device sda1): forced readonly", XFS's forced shutdown "XFS (sda1): … Shutting down
    // filesystem". Every write under it then fails with EROFS.
    needles: ['Remounting filesystem read-only', 'forced readonly', 'Shutting down filesystem'],
    test: /Remounting filesystem read-only|\bforced readonly\b|\bShutting down filesystem\b/,
    says: 'the kernel remounted a file system read-only after an error (ext4 errors=remount-ro, btrfs forced readonly, an XFS shutdown): writes there fail until it is repaired',
  },
  {
    id: 'fuse-endpoint-gone',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // ENOTCONN on a path: a FUSE file system whose daemon died or lost its server (sshfs, rclone,
    // gcsfuse, s3fs) answers every access with "Transport endpoint is not connected" (glibc
    // strerror; Go's errno text in lower case) until it is unmounted (fusermount -u). Not a socket's
    // ENOTCONN (shutdown, getpeername, a tcp/unix conn), which is a connection's, not a mount's.
    // Node's libuv names ENOTCONN "socket is not connected" whatever the file descriptor: a file
    // operation on a path ("ENOTCONN: socket is not connected, stat '/mnt/x'") is the mount's.
    needles: ['ransport endpoint is not connected', 'ENOTCONN: socket is not connected'],
    // Also the go command's getwd in a folder on such a mount (cmd/go/internal/base/path.go: "cannot
    // determine current directory: stat .: transport endpoint is not connected", no path on the line).
    test: /^(?![^\n]*\b(?:tcp[46]?|udp[46]?|unix|socket|getpeername|getsockopt|shutdown|sendmsg|recvmsg|sendto|dial|conn)\b)(?=[^\n]*\/)(?=[^\n]*ransport endpoint is not connected)|\bcannot determine current directory: [^\n]{0,40}ransport endpoint is not connected|\bENOTCONN: socket is not connected, (?:l?stat|open|opendir|scandir|readdir|access|mkdir|rmdir|realpath|readlink|unlink|rename|copyfile|utime|chmod|watch) '/,
    says: 'a path is on a FUSE mount whose daemon is gone ("transport endpoint is not connected": sshfs, rclone, a network file system): unmount and remount it',
  },
  {
    id: 'nfs-server-unresponsive',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.7,
    // The kernel's NFS client when its server stops answering (fs/nfs: "nfs: server HOST not
    // responding, still trying" on a hard mount, "…, timed out" on a soft one): every process
    // touching the mount hangs in uninterruptible sleep, gopls and the go command included; and
    // rpc.statd not answering lockd ("statd: server rpc.statd not responding, timed out").
    needles: ['not responding, still trying', 'not responding, timed out'],
    test: /\bnfs: server \S+ not responding, (?:still trying|timed out)|\bstatd: server rpc\.statd not responding\b/i,
    says: 'an NFS server stopped answering: processes using the mount (gopls, the go command) hang until it returns',
  },
  {
    id: 'fs-name-or-size-limit',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.45,
    // A path a file system cannot hold: ENAMETOOLONG ("file name too long": eCryptfs home
    // directories allow 143-byte names, shorter than the module cache's escaped paths) and EFBIG
    // ("file too large": FAT32's 4 GiB, or RLIMIT_FSIZE), on a path, in Go's and C's words.
    // Python's OSError ("[Errno 36] File name too long: '/x'") and node's ("ENAMETOOLONG: name too
    // long, open '/x'", "EFBIG: file too large, write").
    needles: ['ile name too long', 'ile too large', 'ENAMETOOLONG: name too long', 'EFBIG: file too large'],
    test: /^(?=[^\n]*\/)(?=[^\n]*(?:(?:: |\[Errno \d+\] )(?:[Ff]ile name too long|[Ff]ile too large)\b|\bENAMETOOLONG: name too long\b|\bEFBIG: file too large\b))/,
    says: 'a file system or a limit refused a name or a size (ENAMETOOLONG on eCryptfs\'s short names; EFBIG on FAT32, or past the file-size limit RLIMIT_FSIZE, ulimit -f): the Go directories need another file system, or the limit must go',
  },
  {
    id: 'file-size-limit-signal',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.6,
    // SIGXFSZ, sent to a process that writes past RLIMIT_FSIZE (`ulimit -f`) and does not ignore
    // it, as the shell reports the death (bash's strsignal, siglist.c: "File size limit exceeded",
    // "(core dumped)" after it) and as a Go program reports a child's (os/exec ProcessState.String,
    // the runtime's signal table: "signal: file size limit exceeded").
    needles: ['ile size limit exceeded'],
    test: /(?:^|: |\d )File size limit exceeded\b|\bsignal: file size limit exceeded\b/m,
    says: 'a program was killed for writing past the file-size limit (SIGXFSZ: RLIMIT_FSIZE, ulimit -f): what Go tooling links and caches needs files of tens of MB',
  },
  {
    id: 'repo-owner-refused',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.55,
    // git (setup.c, 2.35.2+) refuses a repository whose directory another user owns: "fatal:
    // detected dubious ownership in repository at '/src/x'" (2.36+; 2.35.2's words were "unsafe
    // repository ('/src/x' is owned by someone else)"), libgit2's "repository path '/src/x' is not
    // owned by current user". A bind mount into a container, a WSL drive or a checkout made with
    // sudo; the go command's VCS stamping and its git fetches fail with it. Also git's object store
    // written by another user (object-file.c, EACCES: "insufficient permission for adding an object
    // to repository database .git/objects"), a fetch once run as root.
    needles: ['detected dubious ownership in repository at', 'is owned by someone else', 'is not owned by current user', 'insufficient permission for adding an object'],
    test: /detected dubious ownership in repository at|unsafe repository \([^\n]{0,300} is owned by someone else\)|repository path [^\n]{0,300} is not owned by current user|insufficient permission for adding an object to repository database/,
    says: 'git could not use the repository because another user owns it or its object files (safe.directory, .git/objects written as root): a bind mount, a WSL drive or a checkout or fetch made as root',
  },
  {
    id: 'vcs-stamp-git-refused',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.5,
    // The go command (1.18+, cmd/go/internal/load pkg.go setBuildInfo) stamps a main package with
    // its repository's state by running git, and when git fails says only "error obtaining VCS
    // status: exit status 128" with "Use -buildvcs=false to disable VCS stamping.": 128 is git's
    // fatal exit (usage.c die), its words swallowed. Where go found a .git to stamp from, the common
    // fatal since git 2.35.2 is a repository another user owns (repo-owner-refused's words, unseen
    // here): a source tree bind-mounted into a container or copied into an image as another user,
    // a checkout made with sudo. The tuning texts ipfs-cluster/ipfs-cluster#1824 (a Docker build)
    // and golangci/golangci-lint#4034 (a bind mount) were both that, fixed with safe.directory.
    needles: ['error obtaining VCS status: exit status 128'],
    says: 'the go command could not stamp VCS information because git failed (exit status 128, its own words hidden): most often git refusing a repository another user owns, as a bind mount into a container or a checkout made with sudo leaves it (git config --global --add safe.directory <dir>, or build with -buildvcs=false)',
  },
  {
    id: 'storage-limit-exceeded',
    classId: 'fs-access',
    severity: 'error',
    confidence: 0.75,
    // kubelet's eviction manager enforcing a disk limit (pkg/kubelet/eviction/helpers.go): "Container
    // x exceeded its local ephemeral storage limit \"1Gi\".", "Pod ephemeral local storage usage
    // exceeds the total limit of containers 2Gi.", "Usage of EmptyDir volume \"cache\" exceeds the
    // limit \"500Mi\".", "The node was low on resource: ephemeral-storage." The Go build and
    // module caches in a pod's writable layer or an emptyDir count against it.
    // The same manager's node-level disk signals: nodefs/imagefs inodes (the resource "inodes",
    // "The node was low on resource: inodes. ") and the DiskPressure node condition they all map to
    // ("The node had condition: [DiskPressure]. "), and the node status setter's DiskPressure=True
    // words, "KubeletHasDiskPressure kubelet has disk pressure" (nodestatus/setters.go; the
    // healthy state says "kubelet has no disk pressure").
    needles: ['exceeded its local ephemeral storage limit', 'ephemeral local storage usage exceeds the total limit', 'Usage of EmptyDir volume', 'low on resource: ephemeral-storage', 'low on resource: inodes', 'DiskPressure', 'kubelet has disk pressure'],
    test: /exceeded its local ephemeral storage limit|ephemeral local storage usage exceeds the total limit|Usage of EmptyDir volume \S+ exceeds the limit|low on resource: (?:ephemeral-storage|inodes)\b|The node had condition: \[[^\]\n]*\bDiskPressure\b|\bkubelet has disk pressure\b|\bKubeletHasDiskPressure\b/,
    says: 'the pod was evicted for its disk use (an ephemeral-storage or emptyDir limit, or the node low on disk): the Go build and module caches count against it',
  },
  {
    id: 'runner-disk-low',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.6,
    // GitHub Actions' runner (actions/runner, JobExtension's disk-space check): "You are running out
    // of disk space. The runner will stop working when the machine runs out of disk space. Free
    // space left: 12 MB" — the build and module caches are what fills a hosted runner's disk.
    needles: ['runner will stop working when the machine runs out of disk space'],
    says: 'the CI runner reported its disk nearly full: the Go build and module caches (and anything else written) will fail with ENOSPC',
  },
  {
    id: 'manager-shims-unwritable',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.55,
    // Lane managers: goenv libexec/goenv-rehash "goenv: cannot rehash: /home/u/.goenv/shims isn't
    // writable" (rbenv's words, which pyenv and nodenv share): the shims directory cannot be written,
    // so a newly installed go, gofmt or gopls gets no shim on the PATH. Its twin "cannot rehash: …
    // .goenv-shim exists" is a stale lock, not a permission: not read.
    needles: ["isn't writable"],
    test: /\b\w+env: cannot rehash: \S+ isn't writable/,
    says: "the version manager cannot write its shims directory (owner or mode), so tools installed since have no shim on the PATH",
  },
  {
    id: 'ownership-change-eperm',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.55,
    // chmod(2), chown(2) and utimensat(2) with explicit times answer EPERM when the caller does not own
    // the file (and lacks CAP_FOWNER/CAP_CHOWN): the file's owner, not a policy (a security module
    // answers EACCES, ownership-change-eacces). Each tool's words for it: coreutils' "chmod: changing
    // permissions of 'x': Operation not permitted" (and chown's "changing ownership of", chgrp's
    // "changing group of", touch's "setting times of"; toybox and busybox "chmod: x: Operation not
    // permitted"), cp -p's "preserving permissions for" / "failed to preserve ownership for", GNU
    // tar's "Cannot change ownership to uid N, gid N" / "Cannot change mode to" / "Cannot utime",
    // rsync's 'chown "x" failed' / 'failed to set permissions on "x"', a Go program's os.Chmod /
    // os.Chown PathError ("chmod /x: operation not permitted", dockerd's "failed to chmod on /x:
    // chmod /x: operation not permitted") and node's "EPERM: operation not permitted, chmod '/x'".
    // The usual case is a bind mount or volume whose files belong to another uid than the
    // container's user (Wind-River/vxworks7-ros2-build#4, huginn/huginn#3018,
    // openvar/rest_variantValidator#95), or an NFS export squashing root (trajano/docker-volume-plugins#8).
    // Beside a chmod that adds execute it is chmod-x-refused's (a file system that fixes modes).
    needles: ['ot permitted'],
    test: /\b(?:chmod|chown|chgrp): (?:changing (?:permissions|ownership|group) of )?[^\n]{1,300}: Operation not permitted|\btouch: setting times of [^\n]{1,300}: Operation not permitted|\b(?:preserving (?:permissions|times) for|failed to preserve ownership for) [^\n]{1,300}: Operation not permitted|\bCannot (?:change ownership to uid \d+, gid \d+|change mode to \S+|utime): Operation not permitted|\brsync:(?: \[\w+\])? (?:ch(?:own|grp) "[^"\n]+" failed|failed to set (?:permissions|times) on "[^"\n]+"): Operation not permitted|\b(?:chmod|chown|lchown|fchmod|fchown|chtimes) \/[^:\n]*: operation not permitted|\bEPERM: operation not permitted, (?:chmod|chown|lchown|fchmod|fchown|utime|futime|lutime) '/,
    yieldsTo: ['chmod-x-refused'],
    says: "changing a file's mode, owner or times was refused with EPERM: the file belongs to another user (a bind mount or volume owned by another uid, an NFS export squashing root), which only its owner or root may change",
  },
  {
    id: 'lockfile-chmod-eperm',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.6,
    // git giving its config's lock file the config's mode (config.c
    // git_config_set_multivar_in_file_gently: error_errno("chmod on %s failed",
    // get_lock_file_path(lock))), as `git init` and every `git config` write do, under cmd/go's
    // codehost cache (GOMODCACHE/cache/vcs) too. git created the lock file a moment before and owns
    // it, so chmod(2)'s EPERM is not ownership: the file system does not keep Unix modes (WSL's
    // drvfs without metadata under /mnt/c, a CIFS or SMB share, vfat/exFAT, some FUSE file systems).
    needles: ['ot permitted'],
    test: /\bchmod on \S+\.lock failed: Operation not permitted/,
    says: 'git could not set the mode of a lock file it had just created (chmod … EPERM): the directory is on a file system that does not keep Unix modes (WSL\'s /mnt/c drvfs, a CIFS/SMB share, FAT), so git (and the go command\'s module downloads) cannot work there',
  },
  {
    id: 'shared-object-open-denied',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.55,
    // glibc's ld.so (elf/dl-load.c _dl_map_object: _dl_signal_error(errno, name, NULL, "cannot
    // open shared object file"), printed by rtld as "%s: error while loading shared libraries: %s:
    // %s", and by dlerror(3) as "%s: cannot open shared object file: %s") with EACCES: the library
    // was found, its open(2) refused: the file's mode or owner, or a directory on the way the user
    // may not search. A noexec mount would pass the open and fail the mapping ("failed to map
    // segment from shared object"), a missing library says "No such file or directory".
    needles: ['cannot open shared object file: Permission denied'],
    says: 'the dynamic loader was refused opening a shared library (EACCES): the library or a directory on its path is not readable or searchable by this user (owner or mode)',
  },
  {
    id: 'git-home-config-refused',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.55,
    // git reading or locking its per-user configuration under a HOME it may not enter (wrapper.c
    // access_or_warn / access_or_die: "warning: unable to access '%s': %s", "fatal: unable to
    // access '%s'"; config.c: "could not lock config file %s: %s"): the process runs as one user
    // with another's HOME (sudo without -H, a container's --user with HOME=/root, a service started
    // by root; linuxserver/docker-mods#382, kohkimakimoto/altax#50, intersystems/git-source-control#231
    // and #259) or ~/.config was created by root (microsoft/MCW-Cloud-native-applications#113). The
    // go command's git fetches print it. Only git's own files under a home: ~/.gitconfig and
    // ~/.config/git/{attributes,ignore,config,credentials}.
    needles: ['unable to access', 'could not lock config file'],
    test: /unable to access '[^'\n]*\/(?:\.gitconfig|\.config\/git\/(?:attributes|ignore|config|credentials))': Permission denied|could not lock config file [^\n:]*\/\.(?:gitconfig|config\/git\/config): Permission denied/,
    says: "git could not read or write its per-user configuration: the process runs with another user's HOME (sudo without -H, a container's --user with HOME=/root) or ~/.config belongs to root",
  },
  {
    id: 'file-in-use',
    classId: 'fs-access',
    severity: 'warning',
    confidence: 0.55,
    // Windows' ERROR_SHARING_VIOLATION (32) and ERROR_LOCK_VIOLATION (33) in FormatMessage's words,
    // "The process cannot access the file because it is being used by another process." and "…
    // because another process has locked a portion of the file.", as the go command relays them
    // ("open C:\…\a.out.exe: …" golang/go#29093 and #46919, link.exe's "chdir .: …" golang/go#15355,
    // go.mod in google/wire#180, a running server's exe in cortesi/modd#13), and libuv's translation of
    // both to EBUSY ("EBUSY: resource busy or locked, unlink 'C:\…'", src/win/error.c): another process
    // (the program still running, an editor, a virus scanner, an indexer) holds the file open.
    needles: ['because it is being used by another process', 'another process has locked a portion of the file', 'EBUSY: resource busy or locked'],
    test: /The process cannot access the file because (?:it is being used by another process|another process has locked a portion of the file)|\bEBUSY: resource busy or locked, \w+ '[A-Za-z]:\\/,
    says: 'a file could not be opened, replaced or removed because another process holds it (Windows sharing or lock violation): the program still running, an editor, a virus scanner or an indexer',
  },
];
