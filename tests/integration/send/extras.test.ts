/**
 * Attachments and signatures through the send pipeline, over real HTTP against the sandbox: upload
 * then send (one upload, one message, the files once in the outbox), a retried send that neither
 * uploads again nor duplicates, and signatures from the integration a reply leaves from, appended
 * once and never to notes.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Store } from "@/lib/db";
import { SendNoteInput, SendReplyInput } from "@/lib/domain/contract/inputs";
import type { UploadedFile } from "@/lib/domain/attachments";
import type { Ticket } from "@/lib/domain/ticket";
import { paginate } from "@/lib/gorgias/pagination";
import { sendNote, sendReply } from "@/features/composer/server/send/messages";
import { uploadAttachment } from "@/features/composer/server/upload";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { pgliteTarget, postgresTarget, testDatabaseUrl, type TestTarget } from "../db/harness";
import { agentFor, emailTickets, lastId, losingFetch, messagePosts, must, sendContext, thread } from "./setup";

vi.mock("server-only", () => ({}));

let sb: TestSandbox;
let target: TestTarget;
let store: Store;
let who: Awaited<ReturnType<typeof agentFor>>;

beforeAll(async () => {
  sb = await startTestSandbox({ sendDelayMs: 20 });
  target = testDatabaseUrl ? await postgresTarget(testDatabaseUrl) : await pgliteTarget();
  store = await target.open();
});
afterAll(async () => {
  await sb?.close();
  await store?.close();
  await target?.cleanup();
});
beforeEach(async () => {
  await sb.control.reset();
  who = await agentFor(sb);
});

const firstName = () => who.agent.name.split(" ")[0]!;
const northpeakSignature = () => `${firstName()}\nNorthpeak Outfitters Customer Care`;
const uploads = async () => (await sb.control.requests()).filter((r) => r.method === "POST" && r.path === "/api/upload");
const count = (text: string | null | undefined, needle: string) => (text ?? "").split(needle).length - 1;

async function upload(name: string, content: string, type = "application/pdf"): Promise<UploadedFile> {
  const r = await uploadAttachment(who, new File([content], name, { type }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function ticketWithSubject(prefix: string): Promise<Ticket> {
  for await (const page of paginate((cursor) => who.gorgias.tickets.list({ cursor, limit: 100 }))) {
    const hit = must(page).items.find((t) => t.subject?.startsWith(prefix));
    if (hit) return must(await who.gorgias.tickets.get(hit.id));
  }
  throw new Error(`no ticket "${prefix}…" in the seed`);
}

async function outboxFor(ticketId: number) {
  await sb.control.flush();
  return (await sb.control.outbox()).filter((e) => e.ticket_id === ticketId);
}

describe("attachments", () => {
  it("upload then send: one upload, one message whose attachments match, the file once in the outbox", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const file = await upload("return-label.pdf", "%PDF-1.4 label");
    expect(file).toMatchObject({ name: "return-label.pdf", contentType: "application/pdf", size: 14, url: expect.stringContaining("/demo/files/uploads/") });
    const input = SendReplyInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "Your label is attached.", lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)), attachments: [file] });
    const r = await sendReply(sendContext(store, who), input);
    expect(r.ok).toBe(true);
    expect(await uploads()).toHaveLength(1);
    const posts = await messagePosts(sb, ticket!.id);
    expect(posts).toHaveLength(1);
    expect((posts[0]!.body as { attachments: unknown }).attachments).toEqual([{ url: file.url, name: "return-label.pdf", content_type: "application/pdf", size: 14 }]);
    const landed = (await thread(who.gorgias, ticket!.id)).filter((m) => m.externalId === input.operationId);
    expect(landed.map((m) => m.attachments)).toEqual([[{ url: file.url, name: "return-label.pdf", contentType: "application/pdf", size: 14 }]]);
    const mail = await outboxFor(ticket!.id);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.attachments).toEqual([{ url: new URL(file.url).pathname, name: "return-label.pdf", content_type: "application/pdf", size: 14 }]);
    // The file is there to fetch at the url Gorgias gave.
    expect(await (await fetch(file.url)).text()).toBe("%PDF-1.4 label");
  });

  it("a retried send carries the same descriptors: no second upload, one message, the file once", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const file = await upload("photo.png", "png-bytes", "image/png");
    const input = SendReplyInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "Here is the photo.", lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)), attachments: [file] });
    // The first POST is processed but its answer is lost; the retry (the agent's "Check again") finds it.
    const lossy = { ...who, gorgias: (await agentFor(sb, "admin", losingFetch((m, p) => m === "POST" && p.endsWith(`/tickets/${ticket!.id}/messages`), "reset"))).gorgias };
    const first = await sendReply(sendContext(store, lossy), input);
    expect(first.ok && first.value.alreadySent).toBe(true);
    const again = await sendReply(sendContext(store, who), input);
    expect(again.ok && again.value.alreadySent).toBe(true);
    expect(await uploads()).toHaveLength(1);
    expect(await messagePosts(sb, ticket!.id)).toHaveLength(1);
    const mail = await outboxFor(ticket!.id);
    expect(mail.map((m) => m.attachments.map((a) => a.name))).toEqual([["photo.png"]]);
  });

  it("a send Gorgias refused is sent again with the same files, once; other files under the same id after it landed are refused", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const file = await upload("invoice.pdf", "%PDF invoice");
    const input = SendReplyInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "Invoice attached.", lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)), attachments: [file] });
    await sb.control.fault({ method: "POST", path: `/api/tickets/${ticket!.id}/messages`, kind: "status", status: 500, count: 1 });
    expect((await sendReply(sendContext(store, who), input)).ok).toBe(false);
    expect((await sendReply(sendContext(store, who), input)).ok).toBe(true);
    expect(await uploads()).toHaveLength(1);
    expect((await outboxFor(ticket!.id)).map((m) => m.attachments.length)).toEqual([1]);
    const other = await sendReply(sendContext(store, who), { ...input, attachments: [] });
    expect(other).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("a note carries its files, is never e-mailed, and is never signed", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const file = await upload("screenshot.png", "png", "image/png");
    const input = SendNoteInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "Customer's screenshot, for the record.", attachments: [file] });
    const r = await sendNote(sendContext(store, who), input);
    expect(r.ok).toBe(true);
    const note = (await thread(who.gorgias, ticket!.id)).find((m) => m.externalId === input.operationId)!;
    expect(note.public).toBe(false);
    expect(note.attachments.map((a) => a.name)).toEqual(["screenshot.png"]);
    expect(note.bodyText).toBe("Customer's screenshot, for the record.");
    expect(await outboxFor(ticket!.id)).toEqual([]);
  });

  it("refuses a program or an oversize file before anything reaches Gorgias", async () => {
    const exe = await uploadAttachment(who, new File(["MZ"], "setup.exe", { type: "application/x-msdownload" }));
    expect(exe).toMatchObject({ ok: false, error: { code: "invalid_input", message: expect.stringMatching(/programs and scripts/) } });
    const big = await uploadAttachment(who, new File([new Uint8Array(10_000_001)], "big.mov", { type: "video/quicktime" }));
    expect(big).toMatchObject({ ok: false, error: { code: "invalid_input", message: "big.mov is 10 MB: files can be at most 10 MB each." } });
    expect(await uploads()).toHaveLength(0);
  });
});

describe("signatures", () => {
  it("an e-mail reply is signed once, in text and HTML, by the integration it leaves from", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const input = SendReplyInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText: "We have shipped a replacement.", lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)) });
    const r = await sendReply(sendContext(store, who), input);
    expect(r.ok).toBe(true);
    const [mail] = await outboxFor(ticket!.id);
    expect(mail!.from).toBe("support@demo-store.example");
    expect(mail!.body_text).toBe(`We have shipped a replacement.\n\n${northpeakSignature()}`);
    expect(count(mail!.body_html, "Northpeak Outfitters Customer Care")).toBe(1);
    expect(mail!.body_html).toContain(`<div>${firstName()}</div>`);
    // A retry of the same send (here: Check again after it landed) replays; nothing is signed or sent again.
    expect((await sendReply(sendContext(store, who), input)).ok).toBe(true);
    expect(await outboxFor(ticket!.id)).toHaveLength(1);
  });

  it("text that already ends with the signature (a macro's sign-off) is not signed again", async () => {
    const [ticket] = await emailTickets(who.gorgias, 1);
    const bodyText = `Hi,\n\nYour order is on its way.\n\n${northpeakSignature()}\n`;
    const input = SendReplyInput.parse({ ticketId: ticket!.id, operationId: randomUUID(), bodyText, lastSeenMessageId: lastId(await thread(who.gorgias, ticket!.id)) });
    expect((await sendReply(sendContext(store, who), input)).ok).toBe(true);
    const [mail] = await outboxFor(ticket!.id);
    expect(count(mail!.body_text, "Northpeak Outfitters Customer Care")).toBe(1);
    expect(count(mail!.body_html, "Northpeak Outfitters Customer Care")).toBe(1);
  });

  it("a reply to the second brand's customer carries the second brand's signature, not the first's", async () => {
    const ticket = await ticketWithSubject("Trail pack");
    const input = SendReplyInput.parse({ ticketId: ticket.id, operationId: randomUUID(), bodyText: "A new zipper is on its way.", lastSeenMessageId: lastId(await thread(who.gorgias, ticket.id)) });
    expect((await sendReply(sendContext(store, who), input)).ok).toBe(true);
    const [mail] = await outboxFor(ticket.id);
    expect(mail!.from).toBe("hello@summit-trail.example");
    expect(mail!.body_text).toBe(`A new zipper is on its way.\n\n${firstName()} at Summit Trail Co.\nHappy trails!`);
    expect(mail!.body_text).not.toContain("Northpeak");
  });
});
