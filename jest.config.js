/** Settings every project shares. */
const base = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  moduleFileExtensions: ["ts", "js", "json"],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...base,
      displayName: "flinkform",
      roots: ["<rootDir>/test"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/flink-engine/"],
    },
    // The construct suite again, against the archived cdktf 0.21: the sources import "cdktn", mapped here.
    {
      ...base,
      displayName: "cdktf",
      roots: ["<rootDir>/test/constructs"],
      moduleNameMapper: { "^cdktn$": "cdktf", "^cdktn/(.*)$": "cdktf/$1" },
      globals: { FLINKFORM_CDK_FLAVOUR: "cdktf" },
    },
    // The real-engine suite: real Apache Flink clusters (and terraform) behind the control plane.
    // Slow by nature; its assertions read Flink's REST API and the jobs' output, not our bookkeeping.
    {
      ...base,
      displayName: "flink-engine",
      roots: ["<rootDir>/test/flink-engine"],
    },
  ],
};
