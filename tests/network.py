"""Helpers for tests that start real servers (Varnish, gunicorn, a local S3) on 127.0.0.1."""

import contextlib
import socket

from scripts import private_services


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis(private_services.PrivateRedis):
    """A ``redis-server`` of the test's own on a free port, which the test may freeze.

    Faults are injected into it, never into the machine's Redis that others share; the same
    server ``make faults`` freezes (``scripts/private_services.py``).
    """

    def __init__(self, directory):
        super().__init__(directory)
        self.start()

    def kept_pages(self):
        return self.client().keys("*page-cache:page:*")

    @contextlib.contextmanager
    def stalled(self):
        """Stopped with SIGSTOP: connections hang, as when a cache server stalls."""
        self.freeze()
        try:
            yield
        finally:
            self.thaw()
