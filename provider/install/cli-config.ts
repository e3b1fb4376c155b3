/** The terraform CLI configuration that makes `terraform init` take flinkform from the local mirror. */
import { PROVIDER_SOURCE } from "./paths";

const hcl = (s: string) => JSON.stringify(s);

export function renderCliConfig(mirrorDir: string): string {
  const pattern = `${PROVIDER_SOURCE.hostname}/${PROVIDER_SOURCE.namespace}/*`;
  return [
    "# Written by `flinkform provider install`; point TF_CLI_CONFIG_FILE at this file.",
    "provider_installation {",
    "  filesystem_mirror {",
    `    path    = ${hcl(mirrorDir)}`,
    `    include = [${hcl(pattern)}]`,
    "  }",
    "  direct {",
    `    exclude = [${hcl(pattern)}]`,
    "  }",
    "}",
    "",
  ].join("\n");
}
