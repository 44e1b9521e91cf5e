"""A stub of the Elasticsearch client's HTTP node, for unit tests of the backend's failure
handling without a server.

The backend builds its real clients (``elasticsearch.Elasticsearch``: API keys, time-outs,
retries, the bulk helper, error classes) with ``transport_options={"node_class": ...}``;
only the node that would send HTTP is replaced. Each test scripts the answers its steps
need (``Route``: method, path pattern, responder) and reads back the requests the client
sent (``ScriptedNode.requests``). A request no route answers fails the test. Nothing here
behaves like Elasticsearch beyond the answers a test writes down; what requests DO on a
cluster is the integration suite's business (``ELASTICSEARCH_URL``)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node import NodeApiResponse  # the node interface's reply type

STUB_URL = "http://es.stub:9200"


@dataclass
class Request:
    method: str
    path: str  # percent-decoded
    params: dict[str, str]
    body: Any  # JSON, a list of NDJSON lines (bulk), or None
    headers: dict[str, str]
    timeout: float | None

    @property
    def authorization(self) -> str:
        return self.headers.get("authorization", "")


#: What a responder returns: (HTTP status, JSON body); it may raise a transport error
#: (``elastic_transport.ConnectionTimeout`` ...) instead, as the real node would.
Answer = tuple[int, Any]


@dataclass
class Route:
    method: str | None  # None: any method
    path: str  # a regular expression the whole decoded path must match
    respond: Callable[[Request], Answer]


@dataclass
class Script:
    routes: list[Route]
    requests: list[Request] = field(default_factory=list)

    def sent(self, method: str | None = None, path: str = ".*") -> list[Request]:
        """The requests sent so far whose method and path match."""
        return [
            request
            for request in self.requests
            if (method is None or request.method == method) and re.fullmatch(path, request.path)
        ]


def error_body(status: int, kind: str) -> dict[str, Any]:
    return {"error": {"type": kind, "reason": kind, "root_cause": [{"type": kind, "reason": kind}]}, "status": status}


def node_class(script: Script) -> type[BaseNode]:
    """A node class (the client instantiates it per node) answering from ``script``."""

    class ScriptedNode(BaseNode):
        def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
            parts = urlsplit(target)
            sent_headers = {key.lower(): value for key, value in {**self.headers, **(headers or {})}.items()}
            request = Request(
                method=method,
                path=unquote(parts.path),
                params=dict(parse_qsl(parts.query)),
                body=_decode(body, sent_headers.get("content-type", "")),
                headers=sent_headers,
                timeout=request_timeout if isinstance(request_timeout, int | float) else None,
            )
            script.requests.append(request)
            for route in script.routes:
                if (route.method is None or route.method == method) and re.fullmatch(route.path, request.path):
                    status, payload = route.respond(request)
                    break
            else:
                raise AssertionError(f"unscripted request: {method} {target}")
            meta = ApiResponseMeta(
                status=status,
                http_version="1.1",
                headers=HttpHeaders({"content-type": "application/json", "x-elastic-product": "Elasticsearch"}),
                duration=0.0,
                node=self.config,
            )
            return NodeApiResponse(meta, json.dumps(payload).encode() if payload is not None else b"")

    return ScriptedNode


def _decode(body: bytes | None, content_type: str) -> Any:
    if not body:
        return None
    text = body.decode()
    if "ndjson" in content_type:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return json.loads(text)
