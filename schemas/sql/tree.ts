import type { TokenLike, TreeNode } from "./loader";
import { positionOf } from "./text";
import type { SqlPosition } from "./types";

/**
 * A parse tree walked by rule name. The vendored bundle is minified, so the generated context classes
 * have no usable names; the parser's `ruleNames` table is stable data and is what we match on.
 */
export class SqlTree {
  constructor(
    readonly root: TreeNode,
    private readonly ruleNames: readonly string[],
    /** The user's text (not the rewritten one): slices show what they wrote. */
    readonly source: string,
    private readonly starts: readonly number[],
  ) {}

  name(node: TreeNode | null | undefined): string | undefined {
    return node?.ruleIndex === undefined ? undefined : this.ruleNames[node.ruleIndex];
  }

  /** Rule nodes in document order, depth first. */
  *walk(node: TreeNode = this.root): Generator<TreeNode> {
    const stack: TreeNode[] = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.ruleIndex === undefined) continue;
      yield n;
      const kids = n.children ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }

  find(node: TreeNode, rule: string): TreeNode[] {
    const out: TreeNode[] = [];
    for (const n of this.walk(node)) if (this.name(n) === rule) out.push(n);
    return out;
  }

  children(node: TreeNode, rule: string): TreeNode[] {
    return (node.children ?? []).filter((c) => this.name(c) === rule);
  }

  child(node: TreeNode, rule: string): TreeNode | undefined {
    return (node.children ?? []).find((c) => this.name(c) === rule);
  }

  /** Terminal tokens directly under `node` (keywords such as VIRTUAL, TABLE). */
  tokens(node: TreeNode): TokenLike[] {
    return (node.children ?? []).filter((c) => c.symbol).map((c) => c.symbol!);
  }

  hasKeyword(node: TreeNode, keyword: string): boolean {
    return this.tokens(node).some((t) => t.text?.toUpperCase() === keyword);
  }

  private range(node: TreeNode): [number, number] {
    if (node.symbol) return [node.symbol.start, node.symbol.stop + 1];
    const start = node.start?.start ?? 0;
    const stop = node.stop ? node.stop.stop + 1 : start;
    return [start, Math.max(start, stop)];
  }

  text(node: TreeNode): string {
    const [a, b] = this.range(node);
    return this.source.slice(a, b);
  }

  position(node: TreeNode): SqlPosition {
    const [a, b] = this.range(node);
    return positionOf(this.starts, a, b);
  }

  /** Position of the characters [start, end) of the source. */
  positionOfRange(start: number, end: number): SqlPosition {
    return positionOf(this.starts, start, end);
  }

  /** A dotted path (`cat.db.t`, `` `my table` ``) with quotes removed. */
  path(node: TreeNode): string {
    const ids = this.find(node, "identifier").filter((id) => this.name(id.parent) !== "identifier");
    const parts = ids.length ? ids.map((id) => this.text(id)) : [this.text(node)];
    return parts.map(unquoteIdentifier).join(".");
  }
}

export function unquoteIdentifier(raw: string): string {
  const s = raw.trim();
  const q = s[0];
  if ((q === "`" || q === '"') && s.endsWith(q) && s.length >= 2)
    return s
      .slice(1, -1)
      .split(q + q)
      .join(q);
  return s;
}

export function unquoteString(raw: string): string {
  const s = raw.trim();
  if (s.length >= 2 && (s[0] === "'" || s[0] === '"') && s.endsWith(s[0]!)) {
    return s
      .slice(1, -1)
      .split(s[0]! + s[0]!)
      .join(s[0]!);
  }
  return s;
}
