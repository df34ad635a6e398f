#!/usr/bin/env python3
"""A misbehaving web server for the HTTP client's limit and TLS tests, on 127.0.0.1 only.

Usage: hostile_http_server.py STATE_DIR [https]
With "https" it serves TLS with a fresh self-signed certificate for 127.0.0.1 (written to
STATE_DIR/cert.pem, so a test can trust it explicitly) — no system store trusts it.
Paths:
  /big      a 200 whose body never ends (64 KiB chunks, no Content-Length)
  /stall    sends the status line and headers, then nothing, holding the connection
  /img/...  a tiny image; every request line is appended to STATE_DIR/requests.log
  anything else: 401 with a Mastodon-style JSON error (proves the request got through)
Prints "PORT <n>" when ready; stops by itself after 120 seconds.
"""
import os
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE_DIR = sys.argv[1]
TLS = len(sys.argv) > 2 and sys.argv[2] == "https"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        with open(os.path.join(STATE_DIR, "requests.log"), "a") as f:
            f.write(self.requestline + "\n")
        if self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"[" + b" " * 65535
            try:
                while True:
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                return
        if self.path == "/stall":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"[")
            self.wfile.flush()
            time.sleep(60)
            return
        if self.path.startswith("/img/"):
            body = b"GIF89a"
            self.send_response(200)
            self.send_header("Content-Type", "image/gif")
        else:
            body = b'{"error":"The access token is invalid"}'
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if TLS:
        cert = os.path.join(STATE_DIR, "cert.pem")
        key = os.path.join(STATE_DIR, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", cert], check=True, capture_output=True)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    threading.Timer(120, server.shutdown).start()
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
