"""The portal's server: daphne, with an HTTP channel that answers an over-long request
line with ``414 URI Too Long`` (and an over-long header line with ``431``) instead of
dropping the connection without a word, which is what Twisted's line reader does.

Run it exactly like daphne (``make run`` and ``make serve`` do)::

    python -m portal.server -b 127.0.0.1 -p 8000 portal.asgi:application
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import daphne.server
from daphne.cli import CommandLineInterface
from daphne.http_protocol import HTTPFactory
from twisted.web import http

#: Longest request line (method, target and version) accepted, in bytes; also the longest
#: single header line. Browsers and proxies keep URLs well below this.
MAX_REQUEST_LINE_BYTES = 8192


def _plain_response(status: int, reason: str, body: str) -> bytes:
    content = body.encode("utf-8")
    head = (
        f"HTTP/1.1 {status} {reason}\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        f"Content-Length: {len(content)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("ascii") + content


URI_TOO_LONG = _plain_response(
    414, "URI Too Long", "العنوان المطلوب أطول من المسموح به.\nThe requested address is too long.\n"
)
HEADER_TOO_LONG = _plain_response(
    431,
    "Request Header Fields Too Large",
    "أحد ترويسات الطلب أطول من المسموح به.\nA request header is too long.\n",
)


class PortalHTTPChannel(http.HTTPChannel):
    """Twisted's HTTP/1.1 channel, answering instead of hanging up on long lines."""

    MAX_LENGTH = MAX_REQUEST_LINE_BYTES

    def lineLengthExceeded(self, line: bytes) -> None:
        # Twisted keeps "waiting for a request line" in a name-mangled attribute.
        awaiting_request_line = bool(getattr(self, "_HTTPChannel__first_line", 1))
        self.transport.write(URI_TOO_LONG if awaiting_request_line else HEADER_TOO_LONG)
        self.loseConnection()


class PortalHTTPFactory(HTTPFactory):
    """Daphne's factory, building :class:`PortalHTTPChannel` connections."""

    def protocol(self) -> http._GenericHTTPChannelProtocol:
        # What Twisted's own factory builds (HTTPChannel behind the ALPN switcher), with our channel.
        return http._GenericHTTPChannelProtocol(PortalHTTPChannel())


def main(argv: Sequence[str] | None = None) -> None:
    """Daphne's command line, serving through :class:`PortalHTTPFactory`."""
    daphne.server.HTTPFactory = PortalHTTPFactory
    CommandLineInterface().run(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    main()
