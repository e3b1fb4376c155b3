/** A unified diff of two texts by lines (LCS), for `flinkform migrate --dry-run`. */

export function lineDiff(file: string, before: string, after: string, context = 2): string {
  const a = before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const b = after.replace(/\n$/, "").split("\n");
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Int32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { op: " " | "-" | "+"; line: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ op: " ", line: a[i++], ai: i, bi: ++j });
    // Deletions first, as diff -u shows a changed line.
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1]))
      ops.push({ op: "-", line: a[i++], ai: i, bi: j });
    else ops.push({ op: "+", line: b[j++], ai: i, bi: j });
  }
  const out = [`--- ${before === "" ? "/dev/null" : `a/${file}`}\n+++ b/${file}\n`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op === " ") {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are within 2 × context lines of each other.
    while (end < ops.length) {
      let next = end;
      while (next < ops.length && ops[next].op !== " ") next++;
      let gap = next;
      while (gap < ops.length && ops[gap].op === " ") gap++;
      end = next;
      if (gap >= ops.length || gap - next > 2 * context) break;
      end = gap;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aStart = hunk.filter((o) => o.op !== "+").length ? hunk.find((o) => o.op !== "+")!.ai : 0;
    const bStart = hunk.filter((o) => o.op !== "-").length ? hunk.find((o) => o.op !== "-")!.bi : 0;
    const aLen = hunk.filter((o) => o.op !== "+").length;
    const bLen = hunk.filter((o) => o.op !== "-").length;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@\n`);
    for (const o of hunk) out.push(`${o.op}${o.line}\n`);
    k = stop;
  }
  return out.join("");
}
