/**
 * For the specs: reads Mermaid text back the way Mermaid's stateDiagram grammar (stateDiagram.jison)
 * lexes the constructs toMermaid emits, failing on anything its lexer would split differently:
 * a transition label ends at `:` `;` or a newline, a quoted state label at `"`, `#` and `%%` start
 * comments, ids may not hold `-` `:` spaces or `{`.
 */
/** What Mermaid shows for a label after decoding its entity placeholders. */
/** Plain assertion: this file is compiled by the build too (tsconfig.build.json), where jest's `expect` does not exist. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`Mermaid: ${message}`);
}

export function decoded(label: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return label.replace(/ﬂ°(\w+)¶ß/g, (_m, code: string) =>
    /^\d+$/.test(code) ? String.fromCharCode(Number(code)) : (named[code] ?? `#${code};`),
  );
}

export function readMermaid(text: string) {
  const declared = new Map<string, { label: string; parent: string }>();
  const composites: Array<{ id: string; parent: string }> = [];
  const transitions: Array<{ from: string; to: string; label?: string; block: string }> = [];
  const stack: string[] = [];
  // Mermaid replaces entity codes (`#58;`) by placeholders before it parses (mermaidAPI encodeEntities).
  const rows = text
    .replace(/#(\w+);/g, 'ﬂ°$1¶ß')
    .trimEnd()
    .split('\n');
  check(rows[0] === 'stateDiagram-v2', `first line is '${rows[0]}', not 'stateDiagram-v2'`);
  for (const raw of rows.slice(1)) {
    const line = raw.trim();
    if (!line || line.startsWith('%%')) continue;
    // `#` starts a comment and `%%` too (classDef style values are lexed apart and may hold colours).
    if (!line.startsWith('classDef ')) check(!/#|%%/.test(line), `'#' or '%%' would start a comment in: ${raw}`);
    let m: RegExpExecArray | null;
    if ((m = /^state "([^"]*)" as ([A-Za-z_][A-Za-z0-9_]*)$/.exec(line))) {
      check(!declared.has(m[2]), `state ${m[2]} declared twice`);
      declared.set(m[2], { label: decoded(m[1]), parent: stack[stack.length - 1] ?? '' });
    } else if ((m = /^state ([A-Za-z_][A-Za-z0-9_]*) \{$/.exec(line))) {
      composites.push({ id: m[1], parent: stack[stack.length - 1] ?? '' });
      stack.push(m[1]);
    } else if (line === '--') {
      // Mermaid's concurrency divider, only inside a composite block.
      check(stack.length > 0, '-- outside a composite block');
    } else if (line === '}') {
      check(stack.pop() !== undefined, 'a } without an open block');
    } else if ((m = /^(\[\*\]|[A-Za-z_][A-Za-z0-9_]*) --> (\[\*\]|[A-Za-z_][A-Za-z0-9_]*)(?: : ([^:\n;]+))?$/.exec(line))) {
      transitions.push({
        from: m[1],
        to: m[2],
        label: m[3] === undefined ? undefined : decoded(m[3]),
        block: stack[stack.length - 1] ?? '',
      });
    } else if ((m = /^note right of ([A-Za-z_][A-Za-z0-9_]*) : [^:\n;]+$/.exec(line))) {
      check(declared.has(m[1]), `note on undeclared state ${m[1]}`);
    } else if (/^classDef fase_\w+ [^\n]+$/.test(line) || /^class \w+(,\w+)* fase_\w+$/.test(line) || /^direction (TB|LR)$/.test(line)) {
      // styling
    } else {
      throw new Error(`unexpected Mermaid line: ${raw}`);
    }
  }
  check(stack.length === 0, `unclosed blocks: ${stack.join(', ')}`);
  return { declared, composites, transitions };
}
