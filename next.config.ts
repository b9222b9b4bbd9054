import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel local builds (several people testing at once) use separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite must stay external: bundled, it breaks in server components and leaks its wasm into public assets.
  serverExternalPackages: ["@electric-sql/pglite"],
  // `next dev` blocks its HMR socket for other hosts; tests and some browsers use 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
