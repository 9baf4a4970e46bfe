#!/usr/bin/env python3
"""Loopback SMTP server for the QuoteMailer tests and benchmark (aiosmtpd).

Usage: smtp_test_server.py --mode plain|starttls|smtps --dir OUT [--user U --password P]

Binds 127.0.0.1 on a free port and prints one line `READY <port>` on stdout. Each accepted
message is written to OUT/message-<n>.json with the envelope, the raw bytes (base64) and what
Python's own `email` parser decodes (subject, text part, HTML part, header names), so the
tests check our MIME against an independent parser. OUT/connections.log gets one line per
TCP connection, so the tests can count SMTP sessions.

Modes:
  plain     no TLS offered, no AUTH (also the "server without STARTTLS" case)
  starttls  STARTTLS required before MAIL, AUTH PLAIN/LOGIN required; self-signed cert for
            localhost/127.0.0.1 written to OUT/cert.pem (the tests pass it as the CA file)
  smtps     TLS from the first byte, AUTH required, same certificate
"""
import argparse
import asyncio
import base64
import email
import email.policy
import json
import os
import signal
import socket
import ssl
import subprocess
import sys

try:
    from aiosmtpd.smtp import SMTP, AuthResult
except ImportError:
    sys.stderr.write("aiosmtpd is not installed: run `python3 -m pip install aiosmtpd`\n")
    sys.exit(3)


def make_certificate(directory):
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-days", "1",
         "-keyout", key, "-out", cert],
        check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def decoded_parts(raw):
    message = email.message_from_bytes(raw, policy=email.policy.default)
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    return {
        "subject": str(message["subject"]) if message["subject"] is not None else None,
        "from": str(message["from"]) if message["from"] is not None else None,
        "to": str(message["to"]) if message["to"] is not None else None,
        "header_names": [name for name, _ in message.items()],
        "content_types": [part.get_content_type() for part in message.walk()],
        "text": text.get_content() if text is not None else None,
        "html": html.get_content() if html is not None else None,
    }


class Recorder:
    def __init__(self, directory, count_only=False):
        self.directory = directory
        self.count_only = count_only
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        if self.count_only:  # benchmark: accept and count, so the server is not the bottleneck
            with open(os.path.join(self.directory, "count"), "w") as handle:
                handle.write("%d\n" % self.count)
            return "250 OK"
        raw = envelope.original_content or envelope.content
        record = {
            "session": session.connection_number,
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "raw_base64": base64.b64encode(raw).decode(),
        }
        record.update(decoded_parts(raw))
        path = os.path.join(self.directory, "message-%d.json" % self.count)
        with open(path + ".tmp", "w") as handle:
            json.dump(record, handle)
        os.rename(path + ".tmp", path)
        return "250 OK"


class CountingSMTP(SMTP):
    """One instance per TCP connection (STARTTLS keeps the instance but renews the session)."""
    connections = 0

    def __init__(self, handler, **options):
        super().__init__(handler, **options)
        CountingSMTP.connections += 1
        self.connection_number = CountingSMTP.connections
        with open(os.path.join(handler.directory, "connections.log"), "a") as log:
            log.write("%d\n" % self.connection_number)

    def _create_session(self):
        session = super()._create_session()
        session.connection_number = self.connection_number
        return session


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd replies 535
    return check


async def serve(args):
    handler = Recorder(args.dir, count_only=args.count_only)
    context = make_certificate(args.dir) if args.mode in ("starttls", "smtps") else None
    options = {"enable_SMTPUTF8": True, "data_size_limit": 20 * 1024 * 1024}
    if args.mode == "starttls":
        options.update(tls_context=context, require_starttls=True, auth_required=True,
                       authenticator=authenticator(args.user, args.password))
    elif args.mode == "smtps":
        options.update(auth_required=True, auth_require_tls=False,
                       authenticator=authenticator(args.user, args.password))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: CountingSMTP(handler, hostname="localhost", **options),
        sock=sock, ssl=context if args.mode == "smtps" else None)
    print("READY %d" % sock.getsockname()[1], flush=True)
    # Stop when the parent closes our stdin (or dies), so no server outlives its test.
    stopped = asyncio.Event()
    try:
        loop.add_reader(sys.stdin.fileno(), lambda: os.read(sys.stdin.fileno(), 4096) or stopped.set())
    except (PermissionError, ValueError):
        pass  # stdin is a file or /dev/null: run until SIGTERM
    async with server:
        await stopped.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["plain", "starttls", "smtps"], default="plain")
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user", default="quotes")
    parser.add_argument("--password", default="s3cret-pass")
    parser.add_argument("--count-only", action="store_true",
                        help="benchmark: record only the number of messages in OUT/count")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    # A parent's threads may block signals, and a child inherits that mask: unblock SIGTERM.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
