import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/domain/money";

describe("formatMoney", () => {
  it("uses the currency's symbol and decimals", () => {
    expect(formatMoney("187.95", "EUR", "en-US")).toBe("€187.95");
    expect(formatMoney("12", "usd", "en-US")).toBe("$12.00");
    expect(formatMoney("1500", "JPY", "en-US")).toBe("¥1,500");
  });

  it("keeps what the store wrote when it is not a number or the currency is unknown", () => {
    expect(formatMoney("not a price", "USD", "en-US")).toBe("not a price USD");
    expect(formatMoney("10.00", "POINTS", "en-US")).toBe("10.00 POINTS");
    expect(formatMoney("10.00", null, "en-US")).toBe("10.00");
    expect(formatMoney(null, "USD", "en-US")).toBeNull();
  });
});
