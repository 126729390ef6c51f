#!/usr/bin/env python3
"""Is the reader live while it analyses a large story? (README: the analysis worker.)

    python3 bench/reader-live.py FOLDER [SECONDS] [-- COMMAND ...]

Opens FOLDER in newsreader (default command: node dist/cli.js) under a 100x30 pseudo-terminal,
with a fresh cache and config, so the story is parsed and then analysed. From the first frame
on, for SECONDS (default 4), it presses a key 250 ms after the previous one was answered and
records the time from each key to the frame that shows it (the key toggles the help screen: frames redrawn for the progress spinner do
not count); at the end it reads the process's peak RSS (VmHWM) and quits. Prints one JSON line:
{"keys": n, "key_to_output_ms": {"median", "max"}, "peak_rss_mib"}. Linux only (/proc).

Make a 500-article folder with: npx tsx bench/corpus-folder.ts /tmp/u500 500 --unique
To compare with the in-process analysis, move dist/analysis-worker.js away for a run.
"""
import fcntl
import json
import os
import re
import pty
import select
import struct
import sys
import tempfile
import termios
import time


def main() -> None:
    args = sys.argv[1:]
    command = ["node", "dist/cli.js"]
    if "--" in args:
        command = args[args.index("--") + 1 :]
        args = args[: args.index("--")]
    folder = args[0]
    seconds = float(args[1]) if len(args) > 1 else 4.0
    env = {"CI": "false", "TERM": "xterm-256color", "NEWSREADER_CACHE_DIR": tempfile.mkdtemp(), "XDG_CONFIG_HOME": tempfile.mkdtemp()}
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(env)
        os.execvp(command[0], command + [folder])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    buf = b""
    t0 = time.time()
    # The overview's "N articles ·" line (not the loading line's "Reading articles").
    while not re.search(rb"\d+ articles? \xc2\xb7", buf) and time.time() - t0 < 60:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            buf += os.read(fd, 65536)
    first = time.time()
    latencies: list[float] = []
    help_open = False
    next_key = first + 0.1
    pending = None
    while time.time() - first < seconds or pending is not None:
        now = time.time()
        if pending is None and now >= next_key:
            os.write(fd, b"?")  # help on, then off: every press changes the screen
            pending = now
        r, _, _ = select.select([fd], [], [], 0.002)
        if not r:
            if pending is not None and now - pending > 10:
                break
            continue
        chunk = os.read(fd, 65536)
        if pending is None:
            continue
        shows_help = "Keys —".encode() in chunk
        if shows_help != help_open and (shows_help or b"articles" in chunk):
            latencies.append((time.time() - pending) * 1000)
            if os.environ.get("LIVE_TRACE"):  # each key: when it was sent, how long it took
                print(f"{pending - first:6.2f}s {latencies[-1]:7.1f} ms", file=sys.stderr)
            help_open = shows_help
            pending = None
            next_key = time.time() + 0.25
    peak = None
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    os.write(fd, b"qqq")
    time.sleep(0.5)
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    s = sorted(latencies)
    print(json.dumps({"keys": len(s), "key_to_output_ms": {"median": round(s[len(s) // 2], 1) if s else None, "max": round(s[-1], 1) if s else None}, "peak_rss_mib": round(peak) if peak else None}))


if __name__ == "__main__":
    main()
