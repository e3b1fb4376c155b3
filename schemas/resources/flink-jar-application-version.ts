import { integer, string } from "../dsl/builders";
import { defineResource } from "../dsl/define";
import { planJarVersion, uploadJarFile } from "../hooks/jar-version-file";
import { versionKeyAttributes } from "./application-attributes";
import { computedInteger, timeoutsAttribute, timestampAttribute, uuidAttribute } from "./common";
import { jarVersionOps } from "./jar-operations";

const TIMEOUTS = { create: "10m", read: "5m", update: "5m", delete: "5m" };

export const flinkJarApplicationVersionSpec = defineResource({
  typeName: "flink_jar_application_version",
  description:
    "An immutable version of a JAR application: one jar file. The file is read at plan time and its sha256 is `source_checksum`, so a changed file (not a changed path) creates a new version. Create uploads the file to the version's pre-signed URL and waits until the service verified it (`file_status` `READY`).",
  schemaVersion: 0,
  id: "{project}/{service_name}/{application_id}/{application_version_id}",
  importFormat: "PROJECT/SERVICE_NAME/APPLICATION_ID/APPLICATION_VERSION_ID",
  attributes: {
    ...versionKeyAttributes(),
    application_id: uuidAttribute(
      "Identifier of the JAR application (`flink_jar_application.application_id`). Changing it creates a new version.",
      { required: true, replaceOnChange: true },
    ),
    source: string(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform interpolation, shown in the docs
      'Path of the local jar file to upload, such as `"${path.module}/job.jar"`. Only its content matters: a new path to the same bytes changes nothing.',
      { required: true, minLength: 1, api: false },
    ),
    source_checksum: string(
      "sha256 of the `source` file, computed at plan time; a different one creates a new version.",
      { computed: true, api: false, keepOnRead: true },
    ),
    application_version_id: string("Identifier of the version.", { computed: true, api: "id" }),
    version: computedInteger("Version number: 1, 2, 3... per application.", "version"),
    file_status: string("Whether the service verified the uploaded file: `READY`, or `FAILED`.", {
      computed: true,
      api: "file_info.file_status",
    }),
    file_sha256: string("sha256 of the file the service holds.", {
      computed: true,
      api: "file_info.file_sha256",
    }),
    file_size: integer("Size of the file the service holds, in bytes.", {
      computed: true,
      api: "file_info.file_size",
    }),
    created_at: timestampAttribute("When the version was created.", "created_at"),
    created_by: timestampAttribute("Who created the version.", "created_by"),
    timeouts: timeoutsAttribute(TIMEOUTS),
  },
  operations: {
    create: jarVersionOps.create,
    read: jarVersionOps.read,
    delete: jarVersionOps.delete,
  },
  // `file_info.file_status` is nested, which a wait cannot poll: the settle hook uploads the file and
  // waits for it instead (this entry only makes the engine call the hook).
  wait: { create: { field: "file_status", until: ["READY"] } },
  onReadNotFound: "remove",
  timeouts: TIMEOUTS,
  hooks: { plan: planJarVersion, settle: uploadJarFile },
});
