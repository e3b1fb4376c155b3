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
    { ...base, displayName: "flinkform", roots: ["<rootDir>/test"] },
    // The construct suite again, against the archived cdktf 0.21: the sources import "cdktn", mapped here.
    {
      ...base,
      displayName: "cdktf",
      roots: ["<rootDir>/test/constructs"],
      moduleNameMapper: { "^cdktn$": "cdktf", "^cdktn/(.*)$": "cdktf/$1" },
      globals: { FLINKFORM_CDK_FLAVOUR: "cdktf" },
    },
  ],
};
