import { describe, expect, it, vi } from "vitest";
import { heldKeysListener } from "@/components/ui/held-keys";

function key(k: string, mods: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) {
  return { key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods, preventDefault: vi.fn(), stopPropagation: vi.fn() };
}

describe("keys held while a popup loads", () => {
  it("a printable key is kept from the page's shortcuts and handed over", () => {
    const onKey = vi.fn();
    const c = key("c");
    heldKeysListener(onKey, () => {})(c);
    expect(onKey).toHaveBeenCalledWith("c");
    expect(c.stopPropagation).toHaveBeenCalled();
    expect(c.preventDefault).toHaveBeenCalled();
  });

  it("Escape closes; Tab and modified keys pass to the page", () => {
    const onEscape = vi.fn();
    const listener = heldKeysListener(() => {}, onEscape);
    listener(key("Escape"));
    expect(onEscape).toHaveBeenCalledOnce();
    for (const passing of [key("Tab"), key("k", { metaKey: true }), key("k", { ctrlKey: true })]) {
      listener(passing);
      expect(passing.stopPropagation).not.toHaveBeenCalled();
    }
  });
});
