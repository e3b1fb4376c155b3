// Entry for the vendored dt-sql-parser bundle: only the Flink dialect, so the bundle stays ~1.7 MB.
// dt-sql-parser's dist uses directory imports that plain Node cannot load (ERR_UNSUPPORTED_DIR_IMPORT),
// so it is always consumed through this esbuild bundle.
export { FlinkSQL } from "dt-sql-parser";
