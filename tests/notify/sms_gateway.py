#!/usr/bin/python3
"""A stand-in SMS gateway for tests of HttpSmsTransport.

Usage: sms_gateway.py LOG. Listens on a free 127.0.0.1 port and prints it on the first line of
standard output. Every POST is appended to LOG as one JSON line {"path", "headers", "body"}
before the answer is sent, so the record is complete when the client has its answer. The
status is 202 unless the path is /status/<code>.
"""
import http.server
import json
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with open(sys.argv[1], "a", encoding="utf-8") as log:
            log.write(json.dumps({"path": self.path, "headers": dict(self.headers),
                                  "body": body.decode("utf-8", "replace")}) + "\n")
        parts = self.path.split("/")
        status = int(parts[2]) if len(parts) == 3 and parts[1] == "status" else 202
        answer = json.dumps({"accepted": 200 <= status < 300}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
