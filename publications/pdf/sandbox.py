"""Reading a PDF in a child process under memory and time limits.

A PDF of a megabyte can inflate to gigabytes (a "decompression bomb": a page image or a content
stream of zeros, compressed a thousand times); PDFium then allocates that much while rendering
the first page or extracting the text. Done in a web or task worker, that takes the machine's
memory and the worker's time. So `derive_in_child(data, ...)` runs the reading in a fresh
Python process (`python -m publications.pdf.sandbox`, nothing of Django loaded, no database
connection inherited) with `resource.setrlimit`:

- RLIMIT_AS (address space, PDF_PROCESS_MEMORY_MB): an allocation past it fails in the child
  (MemoryError, or PDFium ending the process), never in the parent;
- RLIMIT_CPU (PDF_PROCESS_CPU_SECONDS): the kernel stops a child that computes too long;
- a wall-clock timeout (PDF_PROCESS_TIMEOUT_SECONDS) for a child that waits instead.

The child reads the PDF's bytes on stdin and writes one JSON line (text, pages, errors) then the
thumbnail's JPEG bytes on stdout. A child that breaks a limit raises `PDFProcessingFailed` in the
parent with a message for staff; a PDF that merely cannot be read gives empty values, as before.
"""

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

#: Exit status of a child that ran out of memory in Python code (MemoryError).
EXIT_MEMORY = 3
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class PDFProcessingFailed(Exception):
    """Reading the PDF broke a limit (memory, CPU time, wall time) or crashed the reader; the
    message says which, for staff."""


def _limit_self(memory_mb, cpu_seconds):
    """Set the limits on this process. The child does it itself, first thing, rather than
    through Popen's preexec_fn, which is unsafe in a threaded parent (runserver, gthread)."""
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    # SIGXCPU at the soft limit, SIGKILL one second later.
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    # A crash must not write a core file of that size.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def derive_in_child(data, *, thumbnail_width, want_thumbnail, memory_mb, cpu_seconds, timeout):
    """(text, pages or None, JPEG bytes or None, [what could not be read]) of the PDF `data`
    (bytes), read by a child process under the limits (MB, seconds of CPU, seconds of wall
    time). The list names "text: <error>" and/or "thumbnail: <error>".

    Raises PDFProcessingFailed when the child broke a limit or died."""
    command = [
        sys.executable,
        "-m",
        "publications.pdf.sandbox",
        str(thumbnail_width),
        "1" if want_thumbnail else "0",
        str(memory_mb),
        str(cpu_seconds),
    ]
    path = [str(PROJECT_ROOT), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, path))}
    try:
        done = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PDFProcessingFailed(
            f"Reading the PDF took longer than {timeout} seconds and was stopped."
        ) from None
    if done.returncode == EXIT_MEMORY:
        raise PDFProcessingFailed(
            f"Reading the PDF needed more than {memory_mb} MB of memory and was stopped "
            "(a page expands to far more than the file's size)."
        )
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        raise PDFProcessingFailed(
            f"Reading the PDF took more than {cpu_seconds} seconds of processor time and was "
            "stopped."
        )
    if done.returncode != 0:
        reason = (
            f"signal {signal.Signals(-done.returncode).name}"
            if done.returncode < 0
            else f"exit status {done.returncode}"
        )
        raise PDFProcessingFailed(
            f"The PDF reader stopped ({reason}) within the limit of {memory_mb} MB of memory: "
            "the file is probably built to expand far beyond its size."
        )
    header, _, thumbnail = done.stdout.partition(b"\n")
    result = json.loads(header)
    return result["text"], result["pages"], (thumbnail or None), result["unreadable"]


def _child(width, want_thumbnail):
    """In the child: read stdin, write the JSON line and the thumbnail to stdout. What could
    not be read is named in the line's "unreadable" list, for the parent to log."""
    from thinktank.images import jpeg_bytes

    from .reader import first_page_image, page_count, pdf_text

    data = sys.stdin.buffer.read()
    text, pages, thumbnail, unreadable = "", None, b"", []
    # As before processing moved here: a file that cannot be read (an old upload, a file
    # damaged in storage) leaves the derived fields empty rather than failing.
    try:
        text = pdf_text(data)
        pages = page_count(data) or None
    except MemoryError:
        raise
    except Exception as error:
        unreadable.append(f"text: {error!r}")
    if want_thumbnail:
        try:
            thumbnail = jpeg_bytes(first_page_image(data, width=width))
        except MemoryError:
            raise
        except Exception as error:
            unreadable.append(f"thumbnail: {error!r}")
    out = sys.stdout.buffer
    line = {"text": text, "pages": pages, "unreadable": unreadable}
    out.write(json.dumps(line).encode() + b"\n")
    out.write(thumbnail)
    out.flush()


if __name__ == "__main__":
    _limit_self(int(sys.argv[3]), int(sys.argv[4]))
    try:
        _child(int(sys.argv[1]), sys.argv[2] == "1")
    except MemoryError:
        sys.exit(EXIT_MEMORY)
