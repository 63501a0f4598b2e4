"""Requests at the same moment, with real threads: each in its own thread and connection,
released together by a barrier, the way two browsers hit two gunicorn workers."""

import threading

from django.db import connection
from django.test import Client


def concurrently(*requests):
    """Run the callables at once, each in its own thread; return their results in order."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait()
            results[index] = request()
        except Exception as error:  # noqa: BLE001 (reported by the test)
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def client_for(user=None):
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client
