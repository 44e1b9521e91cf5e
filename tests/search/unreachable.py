"""Network failures for the Elasticsearch backend's tests, without any server.

``BlackHole`` is a local TCP socket that accepts connections and never answers a byte (a
cluster that is up at the network level but stuck, or a firewall that swallows replies):
the client connects, sends its request and waits until its own time-out. It speaks no
protocol at all, so it is a network failure, not a stand-in for Elasticsearch. It counts
the connections it accepted, which tells a test whether (and how many times) the client
tried."""

from __future__ import annotations

import socket
import threading
import time


class BlackHole:
    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._accepted: list[socket.socket] = []
        self._dropped = 0
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="black-hole", daemon=True)
        self._thread.start()

    @property
    def connections(self) -> int:
        """How many connections were accepted so far (each one a try by the client)."""
        with self._lock:
            return self._dropped + len(self._accepted)

    def wait_for_connections(self, count: int, timeout: float) -> bool:
        """Wait until ``count`` connections were accepted (False if not within ``timeout``)."""
        deadline = time.monotonic() + timeout
        while self.connections < count and time.monotonic() < deadline:
            self._closing.wait(0.01)
        return self.connections >= count

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                connection, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._accepted.append(connection)  # held open, never read from or written to

    def drop_connections(self) -> None:
        """Close every accepted connection (the client's waiting request fails at once);
        new ones are still accepted and never answered."""
        with self._lock:
            accepted, self._accepted = self._accepted, []
            self._dropped += len(accepted)
        for connection in accepted:
            connection.close()

    def close(self) -> None:
        self._closing.set()
        self._thread.join(5)
        self._listener.close()
        with self._lock:
            for connection in self._accepted:
                connection.close()
