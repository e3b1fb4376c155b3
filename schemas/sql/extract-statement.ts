import type { SqlTree } from "./tree";
import type { SqlPosition } from "./types";

export interface TableRef {
  name: string;
  position: SqlPosition;
}

export interface StatementRefs {
  inserts: TableRef[];
  reads: TableRef[];
  views: TableRef[];
  ctes: TableRef[];
  /** CREATE TABLE inside the statement (tables belong in sources/sinks). */
  createdTables: TableRef[];
}

/**
 * Table references of a statement. Walks the tree by rule name instead of using getAllEntities, which
 * misses the table inside a window TVF (`TABLE(TUMBLE(TABLE orders, ...))`) and reports CTEs as tables.
 */
export function extractStatementRefs(tree: SqlTree): StatementRefs {
  const refs: StatementRefs = { inserts: [], reads: [], views: [], ctes: [], createdTables: [] };
  const ref = (node: Parameters<SqlTree["path"]>[0]): TableRef => ({
    name: tree.path(node),
    position: tree.position(node),
  });
  for (const node of tree.walk()) {
    switch (tree.name(node)) {
      case "insertSimpleStatement": {
        const target = tree.child(node, "tablePath");
        if (target) refs.inserts.push(ref(target));
        break;
      }
      case "tablePrimary": {
        const path = tree.child(node, "tablePath") ?? tree.child(node, "viewPath");
        if (path) refs.reads.push(ref(path));
        break;
      }
      case "windowTVFParam": {
        const table = tree.child(node, "timeAttrColumn");
        if (table && tree.hasKeyword(node, "TABLE")) refs.reads.push(ref(table));
        break;
      }
      case "createView": {
        const view = tree.child(node, "viewPathCreate");
        if (view) refs.views.push(ref(view));
        break;
      }
      case "withItemName":
        refs.ctes.push(ref(node));
        break;
      case "simpleCreateTable":
      case "createTableAsSelect": {
        const table = tree.child(node, "tablePathCreate");
        if (table) refs.createdTables.push(ref(table));
        break;
      }
    }
  }
  return refs;
}
