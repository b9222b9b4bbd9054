import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { matchesShortcut, SCOPE_LABELS, SHORTCUTS, shortcutLabel, type Shortcut, type ShortcutId } from "@/features/shell/client/shortcuts";
import { ShortcutTable } from "@/features/shell/components/shortcut-table";

const ids = Object.keys(SHORTCUTS) as ShortcutId[];
const key = (k: string, mods: Partial<Record<"metaKey" | "ctrlKey" | "altKey" | "shiftKey", boolean>> = {}) => ({ key: k, metaKey: false, ctrlKey: false, altKey: false, shiftKey: false, ...mods });

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("shortcut registry", () => {
  it("the ? help lists every shortcut with its keys and description", () => {
    const html = renderToStaticMarkup(createElement(ShortcutTable));
    for (const id of ids) {
      const row = html.match(new RegExp(`<tr[^>]*data-shortcut="${id}"[^>]*>(.*?)</tr>`))?.[1] ?? "";
      expect(row, id).toContain(`<kbd`);
      expect(row, id).toContain(shortcutLabel(id).replace(/&/g, "&amp;"));
      expect(row, id).toContain(SHORTCUTS[id].description.replace(/&/g, "&amp;"));
    }
  });

  it("the ? help groups the keys by where they work, each scope once, in the registry's scope order", () => {
    const html = renderToStaticMarkup(createElement(ShortcutTable));
    const scopes = [...html.matchAll(/<section[^>]*data-scope="(\w+)"[^>]*>(.*?)<\/section>/g)];
    expect(scopes.map((m) => m[1])).toEqual(Object.keys(SCOPE_LABELS).filter((s) => ids.some((id) => SHORTCUTS[id].scope === s)));
    for (const [, scope, body] of scopes) {
      expect(body).toContain(`>${SCOPE_LABELS[scope as keyof typeof SCOPE_LABELS]}</h3>`);
      const listed = [...(body ?? "").matchAll(/data-shortcut="(\w+)"/g)].map((m) => m[1]);
      expect(listed).toEqual(ids.filter((id) => SHORTCUTS[id].scope === scope));
    }
  });

  it("Mod+K is a chord: Ctrl or ⌘ with k, never k alone", () => {
    expect(matchesShortcut("search", key("k", { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut("search", key("k", { metaKey: true }))).toBe(true);
    expect(matchesShortcut("search", key("k"))).toBe(false);
    expect(matchesShortcut("previousTicket", key("k", { ctrlKey: true }))).toBe(false);
    expect(shortcutLabel("search")).toBe("Ctrl/⌘ + K");
    expect(shortcutLabel("previousTicket")).toBe("k");
  });

  it("every shortcut is bound somewhere, through the registry", () => {
    const code = sourceFiles(path.resolve("features")).map((f) => readFileSync(f, "utf8")).join("\n");
    for (const id of ids) expect(code, id).toMatch(new RegExp(`(useShortcut|matchesShortcut)\\("${id}"`));
  });

  it("no two shortcuts of one scope (or a scope and global) share keys", () => {
    const seen = new Map<string, ShortcutId>();
    for (const id of ids) {
      const shortcut: Shortcut = SHORTCUTS[id];
      for (const keys of [shortcut.keys, ...(shortcut.alias ? [shortcut.alias] : [])]) {
        for (const s of shortcut.scope === "global" ? ["global", "inbox", "ticket", "composer"] : [shortcut.scope, "global"]) {
          const clash = seen.get(`${s} ${keys}`);
          expect(clash, `${id} and ${clash} both use ${keys}`).toBeUndefined();
        }
        seen.set(`${shortcut.scope} ${keys}`, id);
      }
    }
  });

  it("Send and Send & close are told apart by Shift; a printable key carries its own Shift", () => {
    expect(matchesShortcut("send", key("Enter", { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut("send", key("Enter", { metaKey: true, shiftKey: true }))).toBe(false);
    expect(matchesShortcut("sendAndClose", key("Enter", { metaKey: true, shiftKey: true }))).toBe(true);
    expect(matchesShortcut("sendAndClose", key("Enter", { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut("openTicket", key("Enter", { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut("help", key("?", { shiftKey: true }))).toBe(true);
    expect(matchesShortcut("close", key("c", { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut("close", key("c", { altKey: true }))).toBe(false);
    expect(matchesShortcut("close", key("c"))).toBe(true);
    expect(matchesShortcut("spam", key("!", { shiftKey: true }))).toBe(true);
    expect(matchesShortcut("trash", key("#", { shiftKey: true }))).toBe(true);
  });

  it("labels chords the way the help writes them", () => {
    expect(shortcutLabel("sendAndClose")).toBe("Ctrl/⌘ + Shift + Enter");
    expect(shortcutLabel("send")).toBe("Ctrl/⌘ + Enter");
    expect(shortcutLabel("backToInbox")).toBe("Esc");
    expect(shortcutLabel("nextTicket")).toBe("j");
    expect(shortcutLabel("nextInList")).toBe("→ or j");
  });

  it("in a ticket the keys are Gorgias's: c close, o reopen, b snooze, t tags, i note, ! spam, # trash, arrows through the list", () => {
    const inTicket = (k: string) => ids.filter((id) => SHORTCUTS[id].scope === "ticket" && matchesShortcut(id, key(k)));
    expect(inTicket("c")).toEqual(["close"]);
    expect(inTicket("o")).toEqual(["reopen"]);
    expect(inTicket("b")).toEqual(["snooze"]);
    expect(inTicket("t")).toEqual(["tags"]);
    expect(inTicket("a")).toEqual(["assign"]);
    expect(inTicket("r")).toEqual(["reply"]);
    expect(inTicket("i")).toEqual(["note"]);
    expect(inTicket("!")).toEqual(["spam"]);
    expect(inTicket("#")).toEqual(["trash"]);
    expect(inTicket("ArrowRight")).toEqual(["nextInList"]);
    expect(inTicket("ArrowLeft")).toEqual(["previousInList"]);
    // The Desk's older keys: j/k stay as aliases; e and n no longer act in a ticket.
    expect(inTicket("j")).toEqual(["nextInList"]);
    expect(inTicket("k")).toEqual(["previousInList"]);
    expect(inTicket("e")).toEqual([]);
    expect(inTicket("n")).toEqual([]);
  });
});
