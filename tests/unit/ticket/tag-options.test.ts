import { describe, expect, it } from "vitest";
import { tagOptions, tagPick } from "@/features/ticket/components/tag-options";

const made = { id: -1700000000000, name: "vip", color: null };
const real = { id: 42, name: "vip", color: null };
const other = { id: 9, name: "refund", color: null };

describe("tag picker options", () => {
  it("a created tag keeps its option when the re-read swaps its temporary id for Gorgias's", () => {
    const before = tagOptions("", [made], [other]);
    const after = tagOptions("", [real], [other]);
    expect(after.map((o) => o.value)).toEqual(before.map((o) => o.value));
  });

  it("picking the option shown under the temporary id removes the tag once it has its real id", () => {
    const [option] = tagOptions("", [made], []);
    expect(tagPick(option!.value, "", [real], [])).toEqual({ remove: real });
  });

  it("offers to create a new name, and adds a found tag", () => {
    const options = tagOptions("ref", [], [other]);
    expect(options.map((o) => o.label)).toEqual(["Create tag “ref”", "refund"]);
    expect(tagPick(options[1]!.value, "ref", [], [other])).toEqual({ add: other });
    const created = tagPick(options[0]!.value, "ref", [], [other]);
    expect(created && "add" in created && created.add.name).toBe("ref");
    expect(created && "add" in created && created.add.id).toBeLessThan(0);
  });
});
