// A real watcher for the file-watch scenario, built with the real Go toolchain: `hold N DIR`
// creates N files and keeps an inotify watch on each (as an editor's file watcher does);
// `add DIR` tries one more inotify_add_watch and prints what the kernel said; `watchtree DIR`
// watches DIR and every folder under it, one watch per folder, as a recursive editor watcher
// (fsnotify users, VS Code's) does, and says where the kernel refused.
import { writeFileSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { GO, runCmd, userEnv } from './harness.js';

const SOURCE = `package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

func main() {
	switch os.Args[1] {
	case "hold":
		n, _ := strconv.Atoi(os.Args[2])
		dir := os.Args[3]
		fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC)
		if err != nil {
			fmt.Println("inotify_init1:", err)
			os.Exit(1)
		}
		for i := 0; i < n; i++ {
			p := filepath.Join(dir, "w"+strconv.Itoa(i))
			if f, err := os.Create(p); err == nil {
				f.Close()
			}
			if _, err := syscall.InotifyAddWatch(fd, p, syscall.IN_MODIFY|syscall.IN_ATTRIB); err != nil {
				fmt.Printf("inotify_add_watch %s: %v\\n", p, err)
				os.Exit(1)
			}
		}
		fmt.Printf("holding %d\\n", n)
		// Until the test closes stdin.
		bufio.NewReader(os.Stdin).ReadString('\\n')
	case "add":
		fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC)
		if err != nil {
			fmt.Println("inotify_init1:", err)
			os.Exit(1)
		}
		if _, err := syscall.InotifyAddWatch(fd, os.Args[2], syscall.IN_MODIFY); err != nil {
			fmt.Printf("inotify_add_watch %s: %v\\n", os.Args[2], err)
			os.Exit(1)
		}
		fmt.Println("ok")
	case "watchtree":
		fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC)
		if err != nil {
			fmt.Println("inotify_init1:", err)
			os.Exit(1)
		}
		n := 0
		err = filepath.WalkDir(os.Args[2], func(p string, d os.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if _, err := syscall.InotifyAddWatch(fd, p, syscall.IN_CREATE|syscall.IN_DELETE|syscall.IN_MODIFY); err != nil {
				return fmt.Errorf("inotify_add_watch %s: %v (after %d watches)", p, err, n)
			}
			n++
			return nil
		})
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Printf("watching %d\\n", n)
	}
}
`;

export async function buildInotifyTool(dir: string): Promise<string> {
  const src = path.join(dir, 'inotifytool');
  mkdirSync(src, { recursive: true });
  writeFileSync(path.join(src, 'go.mod'), 'module example.com/inotifytool\n\ngo 1.22\n');
  writeFileSync(path.join(src, 'main.go'), SOURCE);
  const out = path.join(dir, 'inotifytool.bin');
  const r = await runCmd(GO, ['build', '-o', out, '.'], { cwd: src, env: userEnv() });
  if (r.code !== 0) throw new Error(`building the inotify tool failed: ${r.stderr}`);
  return out;
}

/** Watches held per uid right now, counted from every process's inotify fds (as the probe should). */
export function inotifyWatchesByUid(): Map<number, number> {
  const byUid = new Map<number, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const uid = statSync(`/proc/${pid}`).uid;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        try {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`) !== 'anon_inode:inotify') continue;
          const n = readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').split('\n').filter((l) => l.startsWith('inotify wd:')).length;
          byUid.set(uid, (byUid.get(uid) ?? 0) + n);
        } catch {
          /* fd closed meanwhile */
        }
      }
    } catch {
      /* process gone */
    }
  }
  return byUid;
}
