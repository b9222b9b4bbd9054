import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic, start, type Harness, type Wire } from "./helpers";

let h: Harness;
beforeAll(async () => {
  h = await start({ sendDelayMs: 60_000 });
});
afterAll(() => h.close());

function upload(files: { name: string; type: string; bytes: Buffer | string }[], account = "demo") {
  const form = new FormData();
  for (const f of files) form.append("file", new Blob([typeof f.bytes === "string" ? f.bytes : new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return fetch(`${h.url}/${account}/api/upload`, { method: "POST", headers: { Authorization: basic(h.admin) }, body: form });
}

describe("POST /api/upload", () => {
  it("stores each file, answers its descriptor, and serves the bytes at the url", async () => {
    const res = await upload([
      { name: "receipt.pdf", type: "application/pdf", bytes: "%PDF-1.4 receipt" },
      { name: "photo déjà.png", type: "image/png", bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
    ]);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Wire[];
    expect(body).toEqual([
      { url: expect.stringMatching(new RegExp(`^${h.url}/demo/files/uploads/[0-9a-f-]{36}/receipt\\.pdf$`)), name: "receipt.pdf", content_type: "application/pdf", size: 16 },
      { url: expect.stringContaining("/demo/files/uploads/"), name: "photo déjà.png", content_type: "image/png", size: 4 },
    ]);
    const served = await fetch(body[0].url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(await served.text()).toBe("%PDF-1.4 receipt");
    expect(Buffer.from(await (await fetch(body[1].url)).arrayBuffer())).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });

  it("refuses a file over 10 MB with 413, a body without files and a JSON body with 400", async () => {
    const big = await upload([{ name: "big.bin", type: "application/octet-stream", bytes: Buffer.alloc(10_000_001) }]);
    expect(big.status).toBe(413);
    expect(((await big.json()) as Wire).error.msg).toMatch(/File too large: big\.bin/);
    const form = new FormData();
    form.append("note", "no file");
    const none = await fetch(`${h.url}/demo/api/upload`, { method: "POST", headers: { Authorization: basic(h.admin) }, body: form });
    expect(none.status).toBe(400);
    expect((await h.json("/api/upload", { method: "POST", body: { url: "x" } })).status).toBe(400);
  });

  it("needs credentials and a writing role", async () => {
    const res = await fetch(`${h.url}/demo/api/upload`, { method: "POST", body: new FormData() });
    expect(res.status).toBe(401);
    const form = new FormData();
    form.append("file", new Blob(["x"]), "x.txt");
    const observer = await fetch(`${h.url}/demo/api/upload`, { method: "POST", headers: { Authorization: basic(h.byRole("observer-agent")) }, body: form });
    expect(observer.status).toBe(403);
  });

  it("a reply carrying an uploaded file keeps it, and its outbox entry lists it once", async () => {
    const [file] = (await (await upload([{ name: "label.pdf", type: "application/pdf", bytes: "%PDF label" }])).json()) as Wire[];
    const ticket = (await h.json("/api/tickets?limit=50")).body.data.find((t: Wire) => t.channel === "email" && t.customer?.email);
    const res = await h.json(`/api/tickets/${ticket.id}/messages`, {
      method: "POST",
      body: { channel: "email", from_agent: true, via: "api", body_text: "Your label is attached.", attachments: [file] },
    });
    expect(res.status).toBe(201);
    expect(res.body.attachments).toEqual([{ ...file, public: true, extra: null }]);
    await h.control("POST", "/__sandbox/flush");
    const entry = (await h.control("GET", "/__sandbox/outbox")).body.data.find((e: Wire) => e.message_id === res.body.id);
    expect(entry.attachments).toEqual([{ url: new URL(file.url).pathname, name: "label.pdf", content_type: "application/pdf", size: 10 }]);
    // No signature is added by the sandbox (choice 30): the body is what the client sent.
    expect(entry.body_text).toBe("Your label is attached.");
  });
});

describe("email integration signatures", () => {
  it("every email integration has a signature template in meta.signature; the second brand its own", async () => {
    const emails = (await h.json("/api/integrations?type=email")).body.data as Wire[];
    expect(emails.length).toBe(3);
    for (const i of emails) {
      expect(i.meta.signature.text).toContain("{{current_user.first_name}}");
      expect(i.meta.signature.html).toMatch(/^<div>/);
    }
    const brandB = emails.find((i) => i.meta.address === "hello@summit-trail.example");
    expect(brandB.meta.signature.text).toContain("Summit Trail Co.");
    expect(new Set(emails.map((i) => i.meta.signature.text)).size).toBe(3);
    const other = (await h.json("/api/integrations?type=shopify")).body.data[0];
    expect(other.meta.signature).toBeUndefined();
  });
});
