import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PartialThreadNotice } from "@/features/ticket/components/partial-thread-notice";

// A thread longer than the server pages through keeps its newest messages (they load newest first),
// so the notice must send the agent to Gorgias for the *earliest* ones.
describe("partial thread notice", () => {
  const text = renderToStaticMarkup(createElement(PartialThreadNotice, { shown: 1000 })).replace(/<[^>]+>/g, "");

  it("says the earlier messages are the ones not shown, and how many are", () => {
    expect(text).toMatch(/only its latest 1000 messages are shown/);
    expect(text).toMatch(/earlier ones/);
  });

  it("never claims the newest messages are missing", () => {
    expect(text).not.toMatch(/newest|latest messages could not/i);
  });
});
