#!/usr/bin/env python3
"""Time from launch to a text on screen, under a pseudo-terminal (used by bench/startup.mjs).

    python3 bench/pty-frame.py TEXT RUNS COLS ROWS -- COMMAND ARGS...

Runs COMMAND RUNS times, each in a fresh pty of COLS x ROWS, and prints one JSON line per run:
{"ms": time from fork to the first output containing TEXT, "ok": bool}. The process is then sent
"q" keys and, if still alive, SIGTERM, then SIGKILL. The environment is inherited (set CI=false).
"""
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def run_once(text: bytes, cols: int, rows: int, argv: list[str], timeout: float = 10.0) -> dict:
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    buf = b""
    found = None
    deadline = t0 + timeout
    while time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.05)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        buf += chunk
        if text in buf:
            found = time.perf_counter()
            break
    # Quit politely, then firmly; always reap the child.
    try:
        os.write(fd, b"qqq")
    except OSError:
        pass
    end = time.perf_counter() + 2.0
    status = None
    while time.perf_counter() < end:
        try:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                os.read(fd, 65536)
        except OSError:
            pass
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                break
            time.sleep(0.2)
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
    try:
        os.close(fd)
    except OSError:
        pass
    return {"ms": (found - t0) * 1000 if found else None, "ok": found is not None}


def main() -> None:
    args = sys.argv[1:]
    sep = args.index("--")
    text, runs, cols, rows = args[0].encode(), int(args[1]), int(args[2]), int(args[3])
    argv = args[sep + 1 :]
    for _ in range(runs):
        print(json.dumps(run_once(text, cols, rows, argv)), flush=True)


if __name__ == "__main__":
    main()
