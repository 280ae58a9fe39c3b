"""The real browser on a pseudo-terminal of its own: time to the first frame, bytes written
for a keystroke, peak RSS. Used by `make bench` (Benchmarks/run.py) and the end-to-end tests.

    python3 Benchmarks/pty_browser.py MUSTER DB [WIDTHxHEIGHT]

prints one JSON object: first_frame_ms, list_move_bytes (one `j` in the list),
detail_move_bytes (one `j` of the detail's cursor),
repaint_bytes (Ctrl-L, everything redrawn), peak_rss_mb, exit_status.
"""
import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

FRAME_DONE = re.compile(rb"\d of [\d,]+ actors")


def read_until(master, pattern=None, quiet=0.25, deadline=10.0):
    """Reads from the pty until `pattern` matches what was read (then until `quiet` seconds
    pass with nothing more), or only until `quiet` when there is no pattern."""
    data = b""
    end = time.monotonic() + deadline
    matched_at = None if pattern else time.monotonic()
    while time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], 0.02)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            if matched_at is None and pattern.search(data):
                matched_at = time.monotonic()
                return data, matched_at
            if pattern is None:
                matched_at = time.monotonic()
        elif matched_at is not None and time.monotonic() - matched_at >= quiet:
            break
    return data, matched_at


def run(muster, db, width=120, height=40):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    start = time.monotonic()
    process = subprocess.Popen([muster, "--db", db], stdin=slave, stdout=slave,
                               stderr=subprocess.PIPE, env=env, start_new_session=True,
                               pass_fds=())
    os.close(slave)
    _, shown = read_until(master, FRAME_DONE)
    if shown is None:
        process.kill()
        raise SystemExit("no first frame within 10 s: " + process.stderr.read().decode())
    first_frame = (shown - start) * 1000
    read_until(master)  # Let the rest of the first frame and the ticks settle.
    def keystrokes(key, rounds=5):
        """Bytes written for `key`, and for a full repaint (Ctrl-L) after it; medians."""
        moves, repaints = [], []
        for _ in range(rounds):
            os.write(master, key)
            moves.append(len(read_until(master)[0]))
            os.write(master, b"\x0c")
            repaints.append(len(read_until(master)[0]))
        return sorted(moves)[rounds // 2], sorted(repaints)[rounds // 2]

    list_move, repaint = keystrokes(b"j")
    os.write(master, b"3")  # Focus the detail: its cursor moves alone.
    read_until(master)
    detail_move, _ = keystrokes(b"j")
    os.write(master, b"q")
    _, status, usage = os.wait4(process.pid, 0)
    os.close(master)
    return {
        "first_frame_ms": round(first_frame, 1),
        "list_move_bytes": list_move,
        "detail_move_bytes": detail_move,
        "repaint_bytes": repaint,
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit_status": os.waitstatus_to_exitcode(status),
    }


def last_byte_after(master, quiet=0.15, deadline=10.0):
    """Reads until `quiet` seconds pass with nothing; the time of the last byte, and the bytes."""
    data = b""
    last = None
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], quiet)
        if not ready:
            break
        chunk = os.read(master, 65536)
        if not chunk:
            break
        data += chunk
        last = time.monotonic()
    return last, data


def search(muster, db, words, rounds=3, width=120, height=40):
    """Typing each word into `/` letter by letter on a pty: milliseconds from writing a key to
    the last byte of the frame it leads to (the search runs on muster's worker thread, and
    the frame with its results and counts is the last one the key causes)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    env = {"PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8"}
    process = subprocess.Popen([muster, "--db", db], stdin=slave, stdout=slave,
                               stderr=subprocess.PIPE, env=env, start_new_session=True)
    os.close(slave)
    read_until(master, FRAME_DONE)
    read_until(master)
    times = {}
    for word in words:
        times[word] = []
        for _ in range(rounds):
            os.write(master, b"/")
            last_byte_after(master)
            for letter in word:
                start = time.monotonic()
                os.write(master, letter.encode())
                last, _ = last_byte_after(master)
                if last is not None:
                    times[word].append((last - start) * 1000)
            os.write(master, b"\x1b")
            time.sleep(0.1)
            last_byte_after(master)
    os.write(master, b"q")
    os.wait4(process.pid, 0)
    os.close(master)
    return times


def cpu_seconds(pid):
    """CPU time of a process's threads so far, in nanoseconds' precision (the scheduler's
    own account in /proc/PID/task/*/schedstat; /proc/PID/stat counts 10 ms ticks)."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as stat:
                total += int(stat.read().split()[0])
        except FileNotFoundError:
            pass
    return total / 1e9


def idle_cpu(muster, db, seconds=60, arguments=(), width=120, height=40):
    """CPU seconds `muster kiosk` uses on a pty over `seconds` with no input, after its
    first frame; and the bytes it wrote meanwhile."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8"}
    process = subprocess.Popen([muster, "kiosk", "--db", db, *arguments], stdin=slave,
                               stdout=slave, stderr=subprocess.PIPE, env=env,
                               start_new_session=True)
    os.close(slave)
    read_until(master, re.compile(rb"KIOSK"))
    read_until(master)
    start = cpu_seconds(process.pid)
    written = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            written += len(os.read(master, 65536))
    used = cpu_seconds(process.pid) - start
    process.send_signal(signal.SIGTERM)
    process.wait()
    os.close(master)
    return used, written


if __name__ == "__main__":
    size = (sys.argv[3] if len(sys.argv) > 3 else "120x40").split("x")
    print(json.dumps(run(sys.argv[1], sys.argv[2], int(size[0]), int(size[1]))))
