import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/**
 * axe's serious and critical findings on the page, as short readable lines. Customer emails are
 * left out: they render in sandboxed frames without scripts, where axe cannot run (its injection
 * into such a frame can wait forever), and their markup is the customer's, not ours. That every
 * email frame has a title is asserted here instead.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const untitled = await page.locator('[data-testid="email-frame"]:not([title]), [data-testid="email-frame"][title=""]').count();
  const results = await new AxeBuilder({ page }).exclude('[data-testid="email-frame"]').options({ iframes: false }).analyze();
  const findings = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`);
  return untitled > 0 ? [`frame-title (serious): ${untitled} email frame(s) without a title`, ...findings] : findings;
}
