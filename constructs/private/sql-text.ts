/** Flink SQL quoting for names the constructs render. */
import { lexesAsPlainIdentifier } from "../../schemas/sql";

// Reserved words of Flink SQL (Calcite's SQL:2003 list plus Flink's own) that make plausible names.
// Names the lexer reads as keywords are quoted too (below), so rendered DDL always parses.
const RESERVED = new Set(
  (
    "all allocate alter and any are array as asymmetric at atomic authorization avg begin between bigint " +
    "binary bit blob boolean both by call called cardinality cascaded case cast ceil char character check " +
    "clob close collate collect column commit condition connect constraint convert corr corresponding count " +
    "create cross cube cume_dist current current_date current_time current_timestamp current_user cursor " +
    "cycle data date day deallocate dec decimal declare default delete dense_rank deref describe " +
    "deterministic disallow disconnect distinct double drop dynamic each element else end escape every " +
    "except exec execute exists exp explain external extract false fetch filter float floor for foreign " +
    "free from full function fusion get global grant group grouping having hold hour identity import in " +
    "indicator inner inout insensitive insert int integer intersect intersection interval into is join key " +
    "language large lateral leading left like limit ln local localtime localtimestamp lower match max " +
    "member merge metadata method min minute mod modifies module month multiset national natural nchar " +
    "nclob new next no none normalize not null nullif numeric of offset old on only open or order out outer " +
    "over overlaps overlay parameter partition percent position power precision prepare primary procedure " +
    "range rank raw reads real recursive ref references referencing release result return returns revoke " +
    "right rollback rollup row rows savepoint scope scroll search second select sensitive session_user set " +
    "similar smallint some specific sql sqrt start static stddev_pop stddev_samp submultiset sum symmetric " +
    "system system_time system_user table tablesample then time timestamp tinyint to topic trailing " +
    "translate translation treat trigger trim true uescape union unique unknown unnest update upper user " +
    "using value values var_pop var_samp varbinary varchar varying virtual watermark when whenever where " +
    "width_bucket window with within without year"
  ).split(" "),
);

/** Whether the Flink SQL lexer reads the name as a plain identifier (`abs`, `value`... are keywords). */
function lexerReadsAsIdentifier(name: string): boolean {
  try {
    return lexesAsPlainIdentifier(name);
  } catch {
    return true; // no parser available (not built): the reserved-word list above still applies
  }
}

export function identifier(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) &&
    !RESERVED.has(name.toLowerCase()) &&
    lexerReadsAsIdentifier(name);
  return plain ? name : `\`${name.replace(/`/g, "``")}\``;
}

export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
