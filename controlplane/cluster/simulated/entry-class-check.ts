import { classEntry, readJarIndex } from "../../jar-archive";
import type { DeploymentRecord, JarVersionRecord } from "../../model";
import type { Store } from "../../store";

/**
 * Why a JAR deployment's job could not be submitted, as Flink's `POST /jars/{id}/run` refuses it
 * (PackagedProgram's messages): an entry class the jar does not contain, or neither an
 * `entry_class` nor a manifest entry class. The simulated engine runs no Java, so a class file
 * present in the jar is all it asks for; undefined when the job can start.
 */
export function jarSubmissionError(store: Store, project: string, d: DeploymentRecord): string | undefined {
  if (!d.jar) return undefined;
  const version = store.get<JarVersionRecord>("jar_version", project, d.version_id);
  if (!version?.file_path) return undefined;
  let index: ReturnType<typeof readJarIndex>;
  try {
    index = readJarIndex(version.file_path);
  } catch (err) {
    return `Job submission failed: the jar file of version ${version.version} cannot be read: ${(err as Error).message}`;
  }
  const entryClass = d.jar.entry_class ?? index.mainClass;
  if (!entryClass)
    return "Job submission failed: Neither a 'Main-Class', nor a 'program-class' entry was found in the jar file.";
  if (!index.entries.has(classEntry(entryClass)))
    return `Job submission failed: The program's entry point class '${entryClass}' was not found in the jar file.`;
  return undefined;
}
