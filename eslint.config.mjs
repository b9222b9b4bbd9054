import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

// The boundaries of docs/architecture.md as an allow-list: an import is refused unless a policy
// below allows it. tests/unit/lint/layering.test.ts proves each rule fires.
// First match wins, so the narrower patterns (entries, action modules) come before their folders.
const element = (type, pattern, capture) => ({ type, pattern, mode: "full", ...(capture ? { capture } : {}) });
const elements = [
  element("feature-entry", "features/*/index.ts", ["feature"]),
  element("feature-server-entry", "features/*/server/index.ts", ["feature"]),
  element("feature-actions", "features/*/server/actions.ts", ["feature"]),
  element("feature-components", "features/*/components/**", ["feature"]),
  element("feature-client", "features/*/client/**", ["feature"]),
  element("feature-server", "features/*/server/**", ["feature"]),
  element("app", "app/**"),
  element("ui", "components/ui/**"),
  element("db-entry", "lib/db/index.ts"),
  ...["domain", "gorgias", "db", "email", "crypto", "auth", "client", "server", "security"].map((name) =>
    element(name, `lib/${name}/**`),
  ),
  ...["errors", "result", "env", "utils"].map((name) => element(name, `lib/${name}.ts`)),
  element("edge", "{proxy,instrumentation}.ts"),
  element("sandbox", "sandbox/**"),
  element("tooling", "{tests,scripts,bench}/**"),
  // Tool configuration at the root: may import nothing of ours (no policy allows it).
  element("config", "*.config.{ts,mjs}"),
  element("types", "types/**"),
];

const same = { feature: "{{ from.captured.feature }}" };
const sameFeature = (...types) => types.map((type) => ({ element: { type, captured: same } }));
const entries = ["feature-entry"];
// What any code may use; `db-entry` is the store's one door (repositories are re-exported there).
const pure = ["domain", "errors", "result", "utils"];
const serverCore = [...pure, "gorgias", "db-entry", "email", "crypto", "auth", "server", "env"];
const browserCore = [...pure, "client", "ui"];

const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: to.map((t) => (typeof t === "string" ? { element: { type: t } } : t)) },
});
const policies = [
  allow("app", [...serverCore, ...browserCore, "security", "feature-entry", "feature-server-entry", "app"]),
  // instrumentation.ts starts the composer's dispatcher of waiting sends (docs/safety.md#undo-send).
  allow("edge", ["security", "db-entry", "server", "feature-server-entry"]),
  // Browser code reaches the server only through its feature's action modules.
  allow("feature-components", [...browserCore, ...entries, ...sameFeature("feature-components", "feature-client", "feature-actions")]),
  allow("feature-client", [...browserCore, ...entries, ...sameFeature("feature-client", "feature-actions")]),
  allow("feature-entry", sameFeature("feature-components", "feature-client", "feature-actions")),
  allow("feature-actions", [...serverCore, "feature-server-entry", ...sameFeature("feature-server")]),
  allow("feature-server", [...serverCore, "feature-server-entry", ...sameFeature("feature-server")]),
  allow("feature-server-entry", sameFeature("feature-server", "feature-actions")),
  allow("ui", ["ui", "utils"]),
  allow("domain", ["domain", "result"]),
  allow("gorgias", ["gorgias", "domain", "result"]),
  allow("db", ["db", "db-entry", "crypto", "domain"]),
  allow("db-entry", ["db", "crypto", "domain"]),
  allow("email", ["email", "domain"]),
  allow("crypto", ["crypto"]),
  allow("auth", ["auth", "db-entry", "gorgias", "crypto", "domain", "env", "errors", "result"]),
  allow("client", ["client", "domain", "errors", "result"]),
  allow("server", ["server", "auth", "gorgias", "db-entry", "domain", "errors", "result", "env"]),
  allow("security", ["security"]),
  allow("env", ["domain"]),
  // The error vocabulary maps Gorgias's errors, and needs only their type.
  { ...allow("errors", ["gorgias"]), importKind: "type" },
  // Module augmentation for next-auth names the session shape it carries.
  allow("types", ["auth"]),
  // The sandbox is an independent implementation of Gorgias: it must not share our client's code.
  allow("sandbox", ["sandbox"]),
  // Tests, scripts and benchmarks drive every layer.
  allow("tooling", elements.map((e) => e.type)),
];

// Browser code carries no validator: the contract's schemas stay on the server; their types are free.
const noValidatorInBrowser = {
  patterns: [
    { group: ["zod", "zod/*"], message: "No zod in browser code: validate on the server (lib/domain/contract)." },
    { group: ["@/lib/domain/contract", "@/lib/domain/contract/*"], allowTypeImports: true, message: "Browser code takes only types from the contract." },
  ],
};

const noFrameworkInCore = {
  patterns: [
    { group: ["next", "next/*", "react", "react-dom", "next-auth", "next-auth/*"], message: "Keep this layer framework-free." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/include": ["**/*.{ts,tsx,mts,mjs}"],
      "boundaries/dependency-nodes": ["import", "export", "dynamic-import"],
      "boundaries/legacy-templates": false,
      // Entries (index.ts, actions.ts) are single-file elements, which need the full-path `mode` the plugin calls legacy.
      "boundaries/legacy-warnings": false,
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          checkUnknownLocals: true,
          policies,
          message: "Not allowed by the boundaries in docs/architecture.md: {{ from.type }} may not import {{ to.type }}.",
        },
      ],
      "boundaries/no-unknown-files": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["lib/gorgias/**", "lib/domain/**", "sandbox/**"], rules: { "no-restricted-imports": ["error", noFrameworkInCore] } },
  {
    files: ["features/*/components/**", "features/*/client/**", "features/*/index.ts", "components/**", "lib/client/**"],
    rules: { "@typescript-eslint/no-restricted-imports": ["error", noValidatorInBrowser] },
  },
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
