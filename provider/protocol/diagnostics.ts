/**
 * Diagnostics in the shape the tfplugin6 messages carry them, plus the attribute-path helper that
 * makes terraform underline the offending value in the configuration.
 */
export interface AttributePathStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
}

export interface AttributePath {
  steps: AttributePathStep[];
}

export interface Diagnostic {
  severity: "ERROR" | "WARNING";
  summary: string;
  detail?: string;
  attribute?: AttributePath;
}

/**
 * Builds an AttributePath from a value path such as ["flink_user_config", "number_of_task_slots"]
 * or ["source", 0, "create_table"]. Numbers index lists, `{key}` indexes maps, strings are attributes.
 */
export function attributePath(path: ReadonlyArray<string | number | { key: string }>): AttributePath {
  return {
    steps: path.map((step) => {
      if (typeof step === "number") return { element_key_int: step };
      if (typeof step === "string") return { attribute_name: step };
      return { element_key_string: step.key };
    }),
  };
}

export function errorDiagnostic(
  summary: string,
  detail?: string,
  path?: ReadonlyArray<string | number>,
): Diagnostic {
  return { severity: "ERROR", summary, detail, ...(path ? { attribute: attributePath(path) } : {}) };
}

export function warningDiagnostic(
  summary: string,
  detail?: string,
  path?: ReadonlyArray<string | number>,
): Diagnostic {
  return { severity: "WARNING", summary, detail, ...(path ? { attribute: attributePath(path) } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[] | undefined): boolean {
  return (diagnostics ?? []).some((d) => d.severity === "ERROR");
}
