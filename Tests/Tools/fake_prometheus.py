"""Test-only: a stand-in for a Prometheus server on loopback, for what a real one will not do.

    python3 fake_prometheus.py MODE HEADERS_FILE

Prints its port, then answers every request according to MODE and appends each request's
Authorization header (or "none") to HEADERS_FILE:
  scalar   a Prometheus scalar answer, 48
  html     200 with an HTML page (a proxy's login page, say)
  garbage  bytes that are not HTTP at all
  chunked  the scalar answer with chunked transfer coding
"""
import socketserver
import sys

MODE, HEADERS = sys.argv[1], sys.argv[2]
ANSWER = b'{"status":"success","data":{"resultType":"scalar","result":[1796083200,"48"]}}'


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        lines = []
        while True:
            line = self.rfile.readline()
            if not line or line in (b"\r\n", b"\n"):
                break
            lines.append(line.decode("latin-1").rstrip("\r\n"))
        auth = next((l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("authorization:")), "none")
        with open(HEADERS, "a") as f:
            f.write(auth + "\n")
        if MODE == "garbage":
            self.wfile.write(b"SSH-2.0-OpenSSH_9.2\r\n")
        elif MODE == "html":
            body = b"<html><body>Sign in</body></html>"
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        elif MODE == "chunked":
            half = len(ANSWER) // 2
            chunks = b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (half, ANSWER[:half], len(ANSWER) - half, ANSWER[half:])
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
        else:
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(ANSWER) + ANSWER)


server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
