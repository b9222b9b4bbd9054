import { startSandbox } from "../sandbox/server";

// Prints seed time and page latency for a small and a large account:
//   npm run bench:sandbox -- [sizes...]   (default: 300 100000)
// Figures only; no assertions (machines differ).

async function timeRequests(url: string, auth: string, paths: string[], rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const path of paths) {
      const t0 = performance.now();
      const res = await fetch(`${url}/demo${path}`, { headers: { Authorization: auth } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      samples.push(performance.now() - t0);
    }
  }
  return samples.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) => (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0).toFixed(1);

async function bench(tickets: number): Promise<void> {
  const t0 = performance.now();
  const sandbox = await startSandbox({ port: 0, dataDir: null, quiet: true, rateLimit: false, tickets });
  const seedMs = performance.now() - t0;
  const accounts = (await (await fetch(`${sandbox.url}/__sandbox/accounts`)).json()) as { data: { agents: { email: string; api_key: string }[] }[] };
  const admin = accounts.data[0]?.agents[0];
  if (!admin) throw new Error("no agent");
  const auth = `Basic ${Buffer.from(`${admin.email}:${admin.api_key}`).toString("base64")}`;
  // Deep pages: walk 20 pages once to get a cursor far into the list.
  let cursor = "";
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${sandbox.url}/demo/api/tickets?limit=30${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { headers: { Authorization: auth } });
    const body = (await res.json()) as { meta: { next_cursor: string | null } };
    if (!body.meta.next_cursor) break;
    cursor = body.meta.next_cursor;
  }
  const views = (await (await fetch(`${sandbox.url}/demo/api/views`, { headers: { Authorization: auth } })).json()) as { data: { id: number; slug: string }[] };
  const open = views.data.find((v) => v.slug === "open")?.id;
  const paths = [
    "/api/tickets?limit=30",
    "/api/tickets?limit=100&order_by=updated_datetime:desc",
    ...(cursor ? [`/api/tickets?limit=30&cursor=${encodeURIComponent(cursor)}`] : []),
    `/api/views/${open}/items?limit=30`,
    "/api/messages?limit=30",
    "/api/customers?limit=30",
  ];
  await timeRequests(sandbox.url, auth, paths, 2); // warm-up
  const samples = await timeRequests(sandbox.url, auth, paths, 20);
  const heap = Math.round(process.memoryUsage().heapUsed / 1e6);
  console.log(
    `${String(tickets).padStart(7)} tickets: seed+start ${seedMs.toFixed(0).padStart(6)} ms | page p50 ${pct(samples, 0.5)} ms, p95 ${pct(samples, 0.95)} ms, max ${pct(samples, 1)} ms | heap ${heap} MB`,
  );
  await sandbox.close();
}

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
for (const n of sizes.length > 0 ? sizes : [300, 100_000]) await bench(n);
