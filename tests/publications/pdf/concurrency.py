"""Running one function in several threads at once, each with its own database connection."""

import threading

from django.db import connection


def run_together(function, *, times):
    """Call `function()` in `times` threads released together; return once all have ended.
    Each thread closes its database connection, which must not outlive the test database."""
    barrier = threading.Barrier(times)

    def run():
        try:
            barrier.wait()
            function()
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
