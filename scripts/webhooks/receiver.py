#!/usr/bin/env python3
"""A webhook receiver on 127.0.0.1 for QuoteWebhooks' integration tests.

Every POST is verified with the `standardwebhooks` package (the specification's reference
implementation), once per secret given with --secret, and recorded as one JSON line in
<dir>/deliveries.jsonl: webhook-id, attempt number for that id, which secrets verified, the event
type and the status answered. The answers follow --script, a comma-separated list used in turn
(the last one repeats): `204`, `500`, `410`, or `429:7` (status 429 with `Retry-After: 7`).
Prints the port on stdout once listening; exits on SIGTERM.
"""
import argparse
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--secret", action="append", required=True)
    parser.add_argument("--script", default="204")
    args = parser.parse_args()
    answers = [parse_answer(a) for a in args.script.split(",")]
    state = {"count": 0, "lock": threading.Lock(), "seen": {}}
    log_path = os.path.join(args.dir, "deliveries.jsonl")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            headers = {k.lower(): v for k, v in self.headers.items()}
            verified = [verifies(secret, body, headers) for secret in args.secret]
            with state["lock"]:
                status, retry_after = answers[min(state["count"], len(answers) - 1)]
                state["count"] += 1
                msg_id = headers.get("webhook-id", "")
                state["seen"][msg_id] = state["seen"].get(msg_id, 0) + 1
                record = {
                    "id": msg_id,
                    "attempt": state["seen"][msg_id],
                    "verified": verified,
                    "signatures": len(headers.get("webhook-signature", "").split()),
                    "type": event_type(body),
                    "status": status,
                }
                with open(log_path, "a") as log:
                    log.write(json.dumps(record) + "\n")
            self.send_response(status)
            if retry_after is not None:
                self.send_header("Retry-After", retry_after)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # A test runner's threads block most signals and a child inherits the mask: unblock SIGTERM.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print(server.server_address[1], flush=True)
    server.serve_forever()


def parse_answer(text):
    status, _, retry_after = text.partition(":")
    return int(status), (retry_after or None)


def verifies(secret, body, headers):
    try:
        Webhook(secret).verify(body, headers)
        return True
    except Exception as error:  # the reference library's WebhookVerificationError, or a bad header
        print(f"verify failed: {error}", file=sys.stderr, flush=True)
        return False


def event_type(body):
    try:
        return json.loads(body).get("type")
    except ValueError:
        return None


if __name__ == "__main__":
    main()
