import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [a = 0, b = 0, c = 0] = v.replace(/^[v=]/, "").split(".").map((n) => Number.parseInt(n, 10) || 0);
  return [a, b, c];
};
const compare = (x: Version, y: Version) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

/** Whether an engines range admits `version`: enough of semver for the forms npm packages use here. */
function admits(range: string, version: Version): boolean {
  return range.split("||").some((alternative) =>
    alternative.trim().replace(/(>=|<=|>|<|\^|~)\s+/g, "$1").split(/\s+/).every((part) => {
      const m = /^(>=|>|<=|<|\^|~)?\s*(\d+(?:\.\d+){0,2})(?:\.x)?$/.exec(part);
      if (!m) return true;
      const bound = parse(m[2]!);
      const c = compare(version, bound);
      switch (m[1]) {
        case ">=": return c >= 0;
        case ">": return c > 0;
        case "<=": return c <= 0;
        case "<": return c < 0;
        case "^": return c >= 0 && version[0] === bound[0];
        case "~": return c >= 0 && version[0] === bound[0] && version[1] === bound[1];
        default: return m[2]!.split(".").every((n, i) => Number(n) === version[i]);
      }
    }),
  );
}

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; version?: string }> };
const readme = readFileSync("README.md", "utf8");

describe("the Node version the project states", () => {
  const minimum = parse(/^>=\s*(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1] ?? "0.0.0");

  it("is one lower bound, stated alike in package.json and the README", () => {
    expect(pkg.engines.node).toMatch(/^>=\d+\.\d+\.\d+$/);
    const stated = `${minimum[0]}.${minimum[1]}`;
    expect(readme).toContain(`Requires Node ${stated}`);
  });

  it("names every installed dependency that declares a newer Node than that", () => {
    const newer = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== "" && !Array.isArray(entry.engines) && entry.engines?.node && !admits(entry.engines.node, minimum))
      .map(([path, entry]) => `${path.replace(/^.*node_modules\//, "")}@${entry.version}`);
    for (const name of newer) expect(readme, `${name} asks for a newer Node; the README should say so`).toContain(name);
  });
});
