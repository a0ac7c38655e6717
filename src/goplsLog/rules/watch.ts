// file-watch: the words that say a file watcher ran out of inotify watches or instances. One file
// per class, so a family's rules read together; the order they are tried in is order.ts's.
import type { Rule } from './rule.js';

export const WATCH_RULES: readonly Rule[] = [
  {
    id: 'inotify-enospc',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.85,
    needles: ['o space left on device', 'ENOSPC', 'Inotify limit reached', 'file watchers reached', 'limit reached'],
    // inotify_add_watch (fsnotify, systemd, dune), node's fs.watch ("ENOSPC: System limit for
    // number of file watchers reached, watch '/x'", libuv's "watch /x ENOSPC"), "could not watch".
    // Also ENOSPC from a directory traversal ("error while traversing /x: no space left on device", a
    // sync or watch tool walking the tree to add a watch to each directory): reading a directory
    // never needs free blocks (getdents, stat and open without O_CREAT do not return ENOSPC), so the
    // ENOSPC is inotify_add_watch's. The same for a walk or a stat named as the failing step
    // (CompileDaemon's "filepath.Walk() no space left on device", "lstat /x: no space left on
    // device"), on a line that names no write (a copy, a download or an extraction can fill a disk
    // while it walks).
    test: /(?:inotify|watch|fsnotify)[^\n]*(?:no space left on device|ENOSPC)|(?:no space left on device|ENOSPC)[^\n]*\bwatch|\btravers(?:e|ing)\b[^\n]{0,300}: (?:no space left on device|ENOSPC)|^(?![^\n]*\b(?:writ\w*|copy\w*|cop(?:ied|ies)|creat\w*|mkdir|extract\w*|untar|unpack\w*|register\w*|pull\w*|download\w*|install\w*|sav\w*|cach\w*|build\w*|compil\w*|link\w*)\b)[^\n]*\b(?:walk(?:ing|Dir)?|filepath\.Walk\w*|lstat|stat|readdir\w*|scandir|opendir)\b[^\n]{0,300}?(?:no space left on device|ENOSPC)|limit for number of file watchers reached|Inotify limit reached|watch(?:er)?[^\n]*(?:system |user )?limit reached/i,
    nearWatcher: /no space left on device|ENOSPC/i,
    says: 'inotify_add_watch failed with ENOSPC: the inotify watch limit (fs.inotify.max_user_watches) was exhausted when this was logged',
  },
  {
    id: 'inotify-emfile',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.8,
    // Also journalctl --follow when sd_journal_get_fd answers EMFILE (its inotify instance):
    // "Insufficient watch descriptors available. Reverting to -n." (systemd journalctl.c).
    needles: ['oo many open files', 'EMFILE', 'Insufficient watch descriptors available'],
    // Not an open(2) that failed with EMFILE ("watch error: open /x: too many open files", gopls's
    // own watcher reading a directory, gopls/internal/cmd/mcp.go): that is the process's
    // descriptor limit (RLIMIT_NOFILE), not inotify's instances, and too-many-open-files reads it.
    test: /^(?![^\n]*\bopen(?:at)? [^\s:]+: too many open files)[^\n]*?(?:(?:inotify|watch|fsnotify)[^\n]*(?:too many open files|EMFILE)|(?:too many open files|EMFILE)[^\n]*\bwatch|Insufficient watch descriptors available)/i,
    nearWatcher: /^(?![^\n]*\bopen(?:at)? [^\s:]+: too many open files)[^\n]*?(?:too many open files|EMFILE)/i,
    headline: 'inotify-instances',
    says: 'inotify failed with EMFILE: the inotify instance limit (fs.inotify.max_user_instances) was exhausted when this was logged',
  },
  {
    id: 'watch-descriptors-exhausted',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.8,
    // A watcher's open(2) refused with EMFILE: gopls's own watcher (gopls/internal/cmd/mcp.go logs
    // its filewatcher's errors as "watch error: %v"; filewatcher.go reads each new directory with
    // os.ReadDir, and fsnotify's kqueue backend opens every watched path on macOS) and other
    // watchers ("Error while watching new path x: open x: too many open files"). Go's *PathError
    // "open <path>: too many open files" is the process's descriptor limit (RLIMIT_NOFILE, ulimit
    // -n) running out, not inotify's instances (inotify_init1's EMFILE, inotify-emfile).
    // entr (eradman/entr entr.c at b625342, one kqueue descriptor per file) refuses up front in its words:
    // "entr: Too many files listed; the hard limit for your login class is 256".
    needles: ['oo many open files', 'Too many files listed; the hard limit for your login class'],
    test: /(?:inotify|watch|fsnotify|kqueue)[^\n]*\bopen(?:at)? [^\s:]+: too many open files|Too many files listed; the hard limit for your login class is \d/i,
    nearWatcher: /\bopen(?:at)? [^\s:]+: too many open files/i,
    headline: 'watch-descriptors',
    says: 'a file watcher could not open a path it watches or reads ("open …: too many open files"): the process ran out of file descriptors (RLIMIT_NOFILE, ulimit -n), which watchers holding one per watched path use up',
  },
  {
    id: 'too-many-open-files',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.4,
    needles: ['oo many open files'],
    yieldsTo: ['inotify-emfile', 'watch-descriptors-exhausted', 'spawn-out-of-files'],
    headline: 'watch-descriptors',
    says: 'an open failed with "too many open files" (EMFILE), usually file watchers holding descriptors',
  },
  {
    id: 'watch-unable',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.6,
    // VS Code's two notifications: "…is unable to watch for file changes in this large workspace"
    // (ENOSPC) and the older "Visual Studio Code is running out of file handles" (EMFILE); the
    // newer "Unable to watch for file changes. Please follow the instructions link…" and Theia's
    // "Unable to watch for file changes in this large workspace." (capitalised: a needle is exact).
    needles: ['nable to watch for file changes', 'is running out of file handles'],
    says: 'the editor reported it is unable to watch for file changes in this workspace',
  },
  {
    id: 'watch-queue-overflow',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.45,
    // inotify(7): when more events are pending than fs.inotify.max_queued_events, the kernel drops
    // them and queues IN_Q_OVERFLOW; fsnotify reports it as ErrEventOverflow, "fsnotify: queue or
    // buffer overflow" (older: "fsnotify queue overflow"), and a watcher that misses events
    // misses edits. A limit of the machine's, like the watch count.
    // rb-inotify (lib/rb-inotify/event.rb) raises on IN_Q_OVERFLOW "inotify event queue has
    // overflowed." (guard/listen's INotify::QueueOverflowError, guard/rb-inotify#111).
    needles: ['queue or buffer overflow', 'fsnotify queue overflow', 'IN_Q_OVERFLOW', 'inotify event queue has overflowed'],
    test: /fsnotify: queue or buffer overflow|fsnotify queue overflow|\bIN_Q_OVERFLOW\b|inotify event queue has overflowed/,
    headline: 'inotify-queue',
    says: 'a file watcher lost events: the inotify event queue overflowed (fs.inotify.max_queued_events)',
  },
  {
    id: 'inotify-limit-reached',
    classId: 'file-watch',
    severity: 'error',
    confidence: 0.85,
    // inotify_add_watch(2)'s ENOSPC as libraries quote the man page: "The user limit on the total
    // number of inotify watches was reached" (watchman "…; increase the fs.inotify.max_user_watches
    // sysctl", rb-inotify, fsnotify wrappers); Java's LinuxWatchService "User limit of inotify
    // watches reached" / "User limit of inotify instances reached or too many open files"; .NET's
    // "The configured user limit (128) on the number of inotify instances has been reached";
    // MonoDevelop's "Inotify watch limit is too low (8192)", JetBrains' "The current inotify(7)
    // watch limit is too low"; coreutils tail's "inotify resources exhausted"; syncthing's
    // "Please increase inotify limits".
    needles: ['notify watch', 'notify instance', 'notify(7) watch', 'notify resources exhausted', 'notify limits'],
    test: /\blimit\b[^\n]{0,40}\binotify (?:watch|instance)[^\n]{0,60}\b(?:reached|exceeded|exhausted)|\binotify(?:\(7\))? (?:watch|instance)[^\n]{0,12} limit[^\n]{0,30}(?:too low|reached|exceeded|exhausted)|inotify resources exhausted|increas(?:e|ing) (?:the |your )?inotify limits/i,
    yieldsTo: ['inotify-enospc', 'inotify-emfile'],
    says: 'a file watcher hit the inotify limits (fs.inotify.max_user_watches or max_user_instances), as its own message says',
  },
  {
    id: 'inotify-limit-named',
    classId: 'file-watch',
    severity: 'warning',
    confidence: 0.5,
    // The sysctls by name (a watcher's advice, a `cat /proc/sys/fs/inotify/max_user_watches`, a
    // sysctl.conf line): the text is about the watch limits even when the error line is not in it.
    needles: ['max_user_watches', 'max_user_instances'],
    yieldsTo: ['inotify-limit-reached', 'inotify-enospc', 'inotify-emfile'],
    says: 'the inotify limits (fs.inotify.max_user_watches / max_user_instances) are named: file watchers are at or near them',
  },
];
