"""The floor of the s3 scenario's download (bench/s3sync.py): the least any correct
`s3 sync` down can cost on this machine through the same proxy and moto.

    python bench/s3floor.py PORT BUCKET DEST KEY...

A client with next to no CPU of its own: 32 threads of http.client, a GET per key (an
unsigned header moto routes by: no SigV4, no response parsing, no botocore), and only what
a download that loses nothing must do with each object: write it under a temporary name
in its folder, rename it, set its time. Its wall time beside the reference's tells how
much of the scenario's budget the server, the proxy and the file system take before a
real client spends anything (printed by bench/run.py as the `floor` row).
"""

from __future__ import annotations

import http.client
import os
import queue
import sys
import threading

THREADS = 32
# the credential scope moto reads to route a request to S3; nothing checks the signature
AUTHORIZATION = ("AWS4-HMAC-SHA256 Credential=testing/20260101/us-west-2/s3/aws4_request, "
                 "SignedHeaders=host, Signature=0")


def download(port: int, bucket: str, dest: str, keys: list[str]) -> int:
    """Every key to dest/KEY; the number of failures."""
    waiting: queue.SimpleQueue = queue.SimpleQueue()
    for key in keys:
        waiting.put(key)
    failures = []

    def work() -> None:
        while True:
            try:
                key = waiting.get_nowait()
            except queue.Empty:
                return
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                connection.request("GET", f"/{bucket}/{key}",
                                   headers={"Authorization": AUTHORIZATION})
                answer = connection.getresponse()
                data = answer.read()
            finally:
                connection.close()
            if answer.status != 200:
                failures.append(key)
                continue
            path = os.path.join(dest, key)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            temporary = path + ".floor"
            with open(temporary, "wb") as f:
                f.write(data)
            os.replace(temporary, path)
            os.utime(path, (1_600_000_000, 1_600_000_000))

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(failures)


if __name__ == "__main__":
    port, bucket, dest, *keys = sys.argv[1:]
    sys.exit(1 if download(int(port), bucket, dest, keys) else 0)
