import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { matchesShortcut, SCOPE_LABELS, SHORTCUTS, shortcutLabel, type ShortcutId } from "@/features/shell/client/shortcuts";
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
      const { keys, scope } = SHORTCUTS[id];
      for (const s of scope === "global" ? ["global", "inbox", "ticket", "composer"] : [scope, "global"]) {
        const clash = seen.get(`${s} ${keys}`);
        expect(clash, `${id} and ${clash} both use ${keys}`).toBeUndefined();
      }
      seen.set(`${scope} ${keys}`, id);
    }
  });

  it("Send and Send & close are told apart by Shift; a printable key carries its own Shift", () => {
    expect(matchesShortcut("send", key("Enter", { ctrlKey: true }))).toBe(true);
    expect(matchesShortcut("send", key("Enter", { metaKey: true, shiftKey: true }))).toBe(false);
    expect(matchesShortcut("sendAndClose", key("Enter", { metaKey: true, shiftKey: true }))).toBe(true);
    expect(matchesShortcut("sendAndClose", key("Enter", { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut("openTicket", key("Enter", { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut("help", key("?", { shiftKey: true }))).toBe(true);
    expect(matchesShortcut("toggleStatus", key("e", { ctrlKey: true }))).toBe(false);
    expect(matchesShortcut("toggleStatus", key("e", { altKey: true }))).toBe(false);
    expect(matchesShortcut("toggleStatus", key("e"))).toBe(true);
  });

  it("labels chords the way the help writes them", () => {
    expect(shortcutLabel("sendAndClose")).toBe("Ctrl/⌘ + Shift + Enter");
    expect(shortcutLabel("send")).toBe("Ctrl/⌘ + Enter");
    expect(shortcutLabel("backToInbox")).toBe("Esc");
    expect(shortcutLabel("nextTicket")).toBe("j");
  });
});
