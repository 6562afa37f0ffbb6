import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so
    // `npm start`, loads the CommonJS one everywhere; Vite would prefer the
    // ESM one for our sources while libraries still get CommonJS, and two
    // copies of graphql break every `instanceof` check. Pin Node's choice.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own database on the shared server and its own ports.
    pool: "forks",
    // Two files at a time: most of a file's time is waiting (servers starting, timeouts, PostgreSQL), so two
    // keep both cores busy; one at a time the suite took 13.8 min on this 2-core machine. Files never share data.
    maxWorkers: 2,
    // A worker keeps its loaded modules from one file to the next (Apollo, TypeORM and graphql load once per
    // worker, not once per file: 161 s of imports -> 21 s). Each file still starts its own stack and database.
    isolate: false,
  },
});
