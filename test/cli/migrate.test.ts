/** `flinkform migrate`'s rewriting, on official-provider HCL (test/cli/fixtures/migrate/official). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "../../cli/commands/migrate-rewrite";

const fixture = readFileSync(path.join(__dirname, "fixtures", "migrate", "official", "main.tf"), "utf8");
const result = migrate([{ file: "main.tf", content: fixture }]);
const out = result.changed[0].content;

test("resource types and references are renamed; comments, heredocs and templates survive", () => {
  expect(out).toContain('resource "flink_service" "flink" {');
  expect(out).toContain('resource "flink_application_deployment" "d" {');
  expect(out).toContain("application_id = flink_application.app.application_id");
  expect(out).toContain("depends_on     = [flink_application_version.v1]");
  // Every reference, the plain `project = aiven_flink.flink.project` ones included.
  expect(out).not.toContain("aiven_flink");
  // Inside a template, and a list-of-one user config read as an object.
  expect(out).toContain(
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an HCL template, not a JS one.
    "${flink_service.flink.flink_user_config.number_of_task_slots} slots on ${flink_service.flink.service_host}",
  );
  expect(out).toContain("# Flink on Aiven, written for the official provider.");
  expect(out).toContain("/* owner tags */");
  expect(out).toContain(
    '    INSERT INTO sink_table SELECT * FROM source_table -- } not a brace "quote\n  EOT',
  );
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an HCL template, not a JS one.
  expect(out).toContain("'${var.rows}'");
});

test("tag, tech_emails, flink_user_config, timeouts and sources become flinkform's shapes", () => {
  expect(out).toContain('  tags = {\n    "env" = "test"\n    "team" = "data"\n  }');
  expect(out).not.toMatch(/^\s*tag \{/m);
  expect(out).toContain('tech_emails = ["ops@example.com"]');
  expect(out).toContain("flink_user_config = {");
  expect(out).toContain("    public_access = {\n      flink = false\n    }");
  expect(out).toContain(
    'timeouts = {\n    create = "30m"\n    read   = "20m"\n    update = "20m"\n    delete = "20m"\n  }',
  );
  expect(out).toMatch(/\n {2}source \{\n/);
  expect(out).not.toContain("sources {");
  expect(out).toContain('  project_vpc_id          = "local/vpc-1" // kept as it is');
  // The official list-of-one computed block is an object here.
  expect(out).toContain("value = flink_service.flink.flink.host_ports");
});

test("JAR resources move too: types, references, file_info reads and timeouts rewritten", () => {
  expect(out).toContain('resource "flink_jar_application" "jar" {');
  expect(out).toContain('resource "flink_jar_application_version" "jar_v1" {');
  expect(out).toContain('resource "flink_jar_application_deployment" "jar_d" {');
  expect(out).not.toContain("aiven_flink_jar");
  expect(out).toContain("application_id = flink_jar_application.jar.application_id");
  expect(out).toContain("version_id     = flink_jar_application_version.jar_v1.application_version_id");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an HCL template, not a JS one.
  expect(out).toContain('source         = "${path.module}/job.jar"');
  expect(out).toContain('program_args   = ["--rows", var.rows]');
  expect(out).toContain(
    '  timeouts = {\n    create = "15m"\n    read   = "15m"\n    update = "15m"\n    delete = "15m"\n  }',
  );
  // The official list-of-one file_info is flat here; what has no counterpart is left with a note.
  expect(out).toContain("value = flink_jar_application_version.jar_v1.file_sha256");
  const notes = result.notes.join("\n");
  expect(notes).toContain(
    "main.tf:140: aiven_flink_jar_application_version.jar_v1.file_info: flink_jar_application_version has file_sha256, file_size and file_status only",
  );
  expect(notes).toContain(
    "main.tf:144: aiven_flink_jar_application.jar.current_deployment has no counterpart in flink_jar_application",
  );
  expect(notes).toContain("main.tf:115: aiven_flink_jar_application_deployment.jar_d.program_args was a set");
});

test("non-Flink aiven resources stay, so the aiven provider stays next to flink", () => {
  expect(out).toContain('resource "aiven_kafka" "k" {');
  expect(out).toMatch(
    /aiven = \{\n\s+source {2}= "aiven\/aiven"[\s\S]*\n\s+flink = \{\n\s+source = "flinkform\/flink"/,
  );
  expect(out).toContain('provider "aiven" {');
  expect(out).toContain('provider "flink" {\n  api_token = var.aiven_api_token\n}');
  expect(result.notes.join("\n")).toMatch(/aiven_kafka\.k left untouched/);
  expect(result.notes.join("\n")).not.toMatch(/left untouched.*jar/);
  // The user-config read inside a template (line 128) is rewritten, not reported.
  expect(result.notes.join("\n")).not.toMatch(/main\.tf:128/);
});

test("with only Flink resources, JAR ones included, the aiven provider is replaced", () => {
  const withoutKafka = fixture.replace(/resource "aiven_kafka" "k" \{[^}]*\}\n/, "");
  expect(withoutKafka).not.toContain("aiven_kafka");
  const only = migrate([{ file: "main.tf", content: withoutKafka }]).changed[0].content;
  expect(only).not.toMatch(/provider "aiven"|source {2}= "aiven\/aiven"/);
  expect(only).toContain('provider "flink" {\n  api_token = var.aiven_api_token\n}');
});

test("moved blocks for every movable resource, JAR ones included", () => {
  expect(result.moves).toEqual([
    { from: "aiven_flink.flink", to: "flink_service.flink" },
    { from: "aiven_flink_application.app", to: "flink_application.app" },
    { from: "aiven_flink_application_version.v1", to: "flink_application_version.v1" },
    { from: "aiven_flink_application_deployment.d", to: "flink_application_deployment.d" },
    { from: "aiven_flink_jar_application.jar", to: "flink_jar_application.jar" },
    { from: "aiven_flink_jar_application_version.jar_v1", to: "flink_jar_application_version.jar_v1" },
    {
      from: "aiven_flink_jar_application_deployment.jar_d",
      to: "flink_jar_application_deployment.jar_d",
    },
  ]);
  expect(result.movedFile).toContain("moved {\n  from = aiven_flink.flink\n  to   = flink_service.flink\n}");
  expect(result.movedFile).toContain(
    "moved {\n  from = aiven_flink_jar_application_deployment.jar_d\n  to   = flink_jar_application_deployment.jar_d\n}",
  );
});

test("settings flinkform does not manage are commented out, whole lines with their comments, and noted", () => {
  const official = [
    'resource "aiven_flink" "f" {',
    '  disk_space = "100GiB" # sized by hand',
    "  service_integrations {",
    '    integration_type = "flink"',
    "  }",
    "  flink_user_config {",
    "    number_of_task_slots = 2",
    "    not_in_flinkform     = true",
    "  }",
    "}",
    "",
  ].join("\n");
  const migrated = migrate([{ file: "main.tf", content: official }]);
  expect(migrated.changed[0].content).toBe(
    [
      'resource "flink_service" "f" {',
      "  # flinkform migrate: flinkform does not manage disk_space; the service keeps it",
      '  # disk_space = "100GiB" # sized by hand',
      "  # flinkform migrate: flinkform's flink_service has no service_integrations block",
      "  # service_integrations {",
      '  #   integration_type = "flink"',
      "  # }",
      "  flink_user_config = {",
      "    number_of_task_slots = 2",
      "    # flinkform migrate: flinkform does not manage not_in_flinkform; the service keeps it",
      "    # not_in_flinkform     = true",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  expect(migrated.notes).toEqual([
    "main.tf:2: aiven_flink.f.disk_space commented out (flinkform does not manage it; the service keeps it)",
    "main.tf:3: aiven_flink.f service_integrations block commented out (no counterpart)",
    "main.tf:8: flink_user_config.not_in_flinkform commented out (flinkform does not manage it)",
  ]);
});

test("a second run changes nothing", () => {
  const again = migrate([{ file: "main.tf", content: out }]);
  expect(again.changed).toEqual([]);
  expect(again.moves).toEqual([]);
});

test.each([
  ['resource "aiven_flink" "x" {\n  plan = "business-4"\n', "main.tf:3: missing `}`"],
  ['resource "aiven_flink" "x" {\n  plan = "business-4\n}\n', "main.tf:2: unterminated string"],
  ["locals {\n  sql = <<EOT\nSELECT 1\n}\n", "main.tf:2: unterminated heredoc"],
  ["/* open\n", "main.tf:1: unterminated comment"],
])("bad input names the file and line: %j", (content, message) => {
  expect(() => migrate([{ file: "main.tf", content }])).toThrow(message);
});

describe("flinkform migrate DIR", () => {
  const { mkdtempSync, writeFileSync, readdirSync } = require("node:fs") as typeof import("node:fs");
  const { tmpdir } = require("node:os") as typeof import("node:os");
  const { run } = require("../../cli/commands/migrate") as typeof import("../../cli/commands/migrate");

  function capture(fn: () => Promise<number>): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const out = jest.spyOn(process.stdout, "write").mockImplementation((c) => {
      stdout += String(c);
      return true;
    });
    const err = jest.spyOn(process.stderr, "write").mockImplementation((c) => {
      stderr += String(c);
      return true;
    });
    return fn()
      .then((code) => ({ code, stdout, stderr }))
      .finally(() => {
        out.mockRestore();
        err.mockRestore();
      });
  }

  test("--dry-run prints the diff and writes nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "flinkform-migrate-"));
    writeFileSync(path.join(dir, "main.tf"), fixture);
    const r = await capture(() => run([dir, "--dry-run"]));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-resource "aiven_flink" "flink" {\n+resource "flink_service" "flink" {');
    expect(r.stdout).toContain("+++ b/migration_moved.tf");
    expect(r.stderr).toContain("would move aiven_flink.flink → flink_service.flink");
    expect(readdirSync(dir)).toEqual(["main.tf"]);
    expect(readFileSync(path.join(dir, "main.tf"), "utf8")).toBe(fixture);
  });

  test("rewrites in place with a backup and writes migration_moved.tf", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "flinkform-migrate-"));
    writeFileSync(path.join(dir, "main.tf"), fixture);
    const r = await capture(() => run([dir]));
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["main.tf", "main.tf.pre-migrate.bak", "migration_moved.tf"]);
    expect(readFileSync(path.join(dir, "main.tf.pre-migrate.bak"), "utf8")).toBe(fixture);
    expect(readFileSync(path.join(dir, "main.tf"), "utf8")).toBe(out);
  });

  test("bad HCL fails with file and line and changes nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "flinkform-migrate-"));
    writeFileSync(path.join(dir, "a.tf"), 'resource "aiven_flink" "x" {\n  plan = "business-4"\n');
    const r = await capture(() => run([dir]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "flinkform migrate: a.tf:3: missing `}`: a block is not closed\nNo file was changed.",
    );
    expect(readdirSync(dir)).toEqual(["a.tf"]);
  });
});
