import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layering table of shared/architecture.md, enforced so a reviewer need not remember it.
// Each zone: files under `target` may not import from `from`.
const zones = [
  // Primitives know nothing about data or features.
  { target: "./components/ui", from: "./lib", except: ["./utils.ts"] },
  { target: "./components/ui", from: "./components", except: ["./ui"] },
  // Feature components reach Gorgias, the store and secrets only through actions and queries.
  ...["./lib/gorgias", "./lib/db", "./lib/auth", "./lib/auth.ts", "./lib/env.ts", "./lib/crypto", "./lib/email", "./lib/reads"].map(
    (from) => ({ target: "./components", from }),
  ),
  ...["./lib/gorgias", "./lib/db", "./lib/auth", "./lib/auth.ts", "./lib/reads", "./components", "./app"].map((from) => ({
    target: "./lib/queries",
    from,
  })),
  ...["./components", "./lib/queries", "./app"].map((from) => ({ target: "./lib/actions", from })),
  ...["./lib/auth", "./lib/auth.ts", "./lib/actions", "./lib/queries", "./lib/db", "./components", "./app"].map(
    (from) => ({ target: "./lib/gorgias", from }),
  ),
  ...["./lib/gorgias", "./lib/db", "./lib/actions", "./lib/queries", "./lib/auth", "./lib/auth.ts", "./lib/email", "./components", "./app"].map(
    (from) => ({ target: "./lib/domain", from }),
  ),
  // lib never reaches up into routes or components.
  ...["./app", "./components"].map((from) => ({ target: "./lib", from })),
  // The sandbox is an independent implementation of Gorgias: it must not share our client's code.
  ...["./app", "./components", "./lib", "./tests"].map((from) => ({ target: "./sandbox", from })),
].map((zone) => ({ ...zone, message: "Breaks the layering table in shared/architecture.md." }));

const noFrameworkInCore = {
  patterns: [
    { group: ["next", "next/*", "react", "react-dom", "next-auth", "next-auth/*"], message: "Keep this layer framework-free." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "import/no-restricted-paths": ["error", { zones }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["lib/gorgias/**", "lib/domain/**", "sandbox/**"], rules: { "no-restricted-imports": ["error", noFrameworkInCore] } },
  {
    files: ["lib/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...noFrameworkInCore.patterns, { group: ["node:*", "fs", "path", "http", "https"], message: "lib/domain is pure: no I/O." }] },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".ci-out/**", ".data/**", "drizzle/**"]),
]);
