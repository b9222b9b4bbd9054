import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Balancer {
  readonly url: string;
  /** Requests sent to each instance, in the order of `targets`. */
  readonly counts: readonly number[];
  close(): Promise<void>;
}

/**
 * A tiny round-robin load balancer on loopback: each request goes to the next instance, bodies
 * stream through in both directions without buffering (so Server-Sent Events flow), headers pass
 * unchanged (Host included, which keeps server actions' origin check and Auth.js's URLs right).
 * No sticky sessions, as the README promises none are needed.
 */
export async function startBalancer(targets: readonly string[], port: number): Promise<Balancer> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const counts = targets.map(() => 0);
  let next = 0;
  const forward = (req: IncomingMessage, res: ServerResponse, retried = false) => {
    const index = next++ % targets.length;
    counts[index] = (counts[index] ?? 0) + 1;
    const target = new URL(targets[index]!);
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.flushHeaders();
        answer.pipe(res);
        answer.on("error", () => res.destroy());
      },
    );
    upstream.on("error", () => {
      // A kept-alive connection the instance had just closed: a bodiless request is tried once more
      // on the next instance, as load balancers do (nginx's proxy_next_upstream error).
      if (!res.headersSent && !retried && (req.method === "GET" || req.method === "HEAD")) return forward(req, res, true);
      if (!res.headersSent) {
        res.writeHead(502, { "Content-Type": "text/plain" });
        res.end("bad gateway");
      } else res.destroy();
    });
    // The client went away (a closed stream, an aborted read): so does the upstream request.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (req.method === "GET" || req.method === "HEAD") upstream.end();
    else req.pipe(upstream);
  };
  const server = createServer((req, res) => forward(req, res));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
