"""An independent check of a SigV4 presigned URL (query-string auth), written from AWS's
published algorithm with hashlib and hmac only, for the token tests: what a service would
compute to accept the URL, given the secret key and the headers the client would send."""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import parse_qsl, quote, urlsplit


def _sign(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def query_of(url: str) -> dict[str, str]:
    if "://" not in url:
        url = "https://" + url
    return dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))


def expected_signature(url: str, secret: str, headers: dict[str, str] | None = None,
                       method: str = "GET") -> str:
    """The signature a SigV4 presigned `url` must carry (headers: besides host)."""
    if "://" not in url:
        url = "https://" + url  # rds and dsql tokens have no scheme
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    query = sorted((quote(k, safe="-_.~"), quote(v, safe="-_.~"))
                   for k, v in params if k != "X-Amz-Signature")
    canonical_query = "&".join(f"{k}={v}" for k, v in query)
    values = dict(params)
    signed = values["X-Amz-SignedHeaders"].split(";")
    all_headers = {"host": parts.netloc, **{k.lower(): v for k, v in (headers or {}).items()}}
    canonical_headers = "".join(f"{name}:{all_headers[name].strip()}\n" for name in signed)
    canonical_request = "\n".join([method, parts.path or "/", canonical_query,
                                   canonical_headers, ";".join(signed),
                                   hashlib.sha256(b"").hexdigest()])
    date, region, service, _ = values["X-Amz-Credential"].split("/")[1:]
    scope = f"{date}/{region}/{service}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", values["X-Amz-Date"], scope,
                         hashlib.sha256(canonical_request.encode()).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (date, region, service, "aws4_request"):
        key = _sign(key, part)
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
