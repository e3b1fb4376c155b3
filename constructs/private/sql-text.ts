/** Flink SQL quoting for names the constructs render. */

// Reserved words that are common column names; quoting any identifier that is not plain keeps the rest safe.
const RESERVED = new Set(
  (
    "user value timestamp time date window key count order group table from select where year month day " +
    "hour minute second interval position result language system_time partition offset topic values " +
    "current_date current_time current_timestamp end start rank row rows range level"
  ).split(" "),
);

export function identifier(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toLowerCase());
  return plain ? name : `\`${name.replace(/`/g, "``")}\``;
}

export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
