"""Helpers for tests that start real servers (Varnish, gunicorn, a local S3) on 127.0.0.1."""

import socket


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
