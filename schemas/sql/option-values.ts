import { DURATION, type OptionType } from "./connector-options";

/** What a value of this type must be, when `value` is not one; undefined when it is. */
export function typeProblem(type: OptionType, value: string): string | undefined {
  switch (type.kind) {
    case "enum": {
      const ok = type.ignoreCase
        ? type.values.some((v) => v.toLowerCase() === value.toLowerCase())
        : type.values.includes(value);
      return ok ? undefined : `one of ${type.values.join(", ")}`;
    }
    case "int":
      return /^-?\d+$/.test(value.trim()) && Number(value) >= type.min
        ? undefined
        : `an integer >= ${type.min}`;
    case "number":
      return /^-?\d+(\.\d+)?$/.test(value.trim()) && Number(value) >= type.min
        ? undefined
        : `a number >= ${type.min}`;
    case "bool":
      return /^(true|false)$/i.test(value.trim()) ? undefined : "true or false";
    case "duration":
      return DURATION.test(value.trim()) ? undefined : "a duration such as '500 ms', '10 s' or '1 min'";
    case "char":
      // Java's String length, as JavaScript's: UTF-16 code units.
      if (type.unescapes && value.includes("\\")) return undefined;
      return value.length === 1 ? undefined : "a single character";
    default:
      return undefined;
  }
}
