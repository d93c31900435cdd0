"""Test-only: a Prometheus scrape target on loopback for the live `check --prometheus` tests.

Serves /metrics in the Prometheus text format: `sayar_active_business` as one series per
business (so `count(...)` is the number of businesses), and `http_requests_total`, a counter that
grows by RATE per second from its start (so `rate(...)` is RATE). Prints the port it listens on,
then serves until killed.

    python3 metrics_server.py BUSINESSES RATE
"""
import http.server
import sys
import time

BUSINESSES = int(sys.argv[1])
RATE = float(sys.argv[2])
START = time.time()


class Metrics(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path != "/metrics":
            self.send_error(404)
            return
        lines = ["# TYPE sayar_active_business gauge"]
        lines += [f'sayar_active_business{{business="b{n}"}} 1' for n in range(BUSINESSES)]
        lines += ["# TYPE http_requests_total counter", f"http_requests_total {int((time.time() - START) * RATE)}"]
        body = ("\n".join(lines) + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Metrics)
print(server.server_address[1], flush=True)
server.serve_forever()
