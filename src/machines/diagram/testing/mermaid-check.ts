/**
 * For the specs: reads Mermaid text back the way Mermaid's stateDiagram grammar (stateDiagram.jison)
 * lexes the constructs toMermaid emits, failing on anything its lexer would split differently:
 * a transition label ends at `:` `;` or a newline, a quoted state label at `"`, `#` and `%%` start
 * comments, ids may not hold `-` `:` spaces or `{`.
 */
/** What Mermaid shows for a label after decoding its entity placeholders. */
export function decoded(label: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return label.replace(/ﬂ°(\w+)¶ß/g, (_m, code: string) => (/^\d+$/.test(code) ? String.fromCharCode(Number(code)) : named[code] ?? `#${code};`));
}

export function readMermaid(text: string) {
  const declared = new Map<string, { label: string; parent: string }>();
  const composites: Array<{ id: string; parent: string }> = [];
  const transitions: Array<{ from: string; to: string; label?: string; block: string }> = [];
  const stack: string[] = [];
  // Mermaid replaces entity codes (`#58;`) by placeholders before it parses (mermaidAPI encodeEntities).
  const rows = text.replace(/#(\w+);/g, 'ﬂ°$1¶ß').trimEnd().split('\n');
  expect(rows[0]).toBe('stateDiagram-v2');
  for (const raw of rows.slice(1)) {
    const line = raw.trim();
    if (!line || line.startsWith('%%')) continue;
    // `#` starts a comment and `%%` too (classDef style values are lexed apart and may hold colours).
    if (!line.startsWith('classDef ')) expect(line).not.toMatch(/#|%%/);
    let m: RegExpExecArray | null;
    if ((m = /^state "([^"]*)" as ([A-Za-z_][A-Za-z0-9_]*)$/.exec(line))) {
      expect(declared.has(m[2])).toBe(false);
      declared.set(m[2], { label: decoded(m[1]), parent: stack[stack.length - 1] ?? '' });
    } else if ((m = /^state ([A-Za-z_][A-Za-z0-9_]*) \{$/.exec(line))) {
      composites.push({ id: m[1], parent: stack[stack.length - 1] ?? '' });
      stack.push(m[1]);
    } else if (line === '--') {
      // Mermaid's concurrency divider, only inside a composite block.
      expect(stack.length).toBeGreaterThan(0);
    } else if (line === '}') {
      expect(stack.pop()).toBeDefined();
    } else if ((m = /^(\[\*\]|[A-Za-z_][A-Za-z0-9_]*) --> (\[\*\]|[A-Za-z_][A-Za-z0-9_]*)(?: : ([^:\n;]+))?$/.exec(line))) {
      transitions.push({ from: m[1], to: m[2], label: m[3] === undefined ? undefined : decoded(m[3]), block: stack[stack.length - 1] ?? '' });
    } else if ((m = /^note right of ([A-Za-z_][A-Za-z0-9_]*) : [^:\n;]+$/.exec(line))) {
      expect(declared.has(m[1])).toBe(true);
    } else if (/^classDef fase_\w+ [^\n]+$/.test(line) || /^class \w+(,\w+)* fase_\w+$/.test(line) || /^direction (TB|LR)$/.test(line)) {
      // styling
    } else {
      throw new Error(`unexpected Mermaid line: ${raw}`);
    }
  }
  expect(stack).toEqual([]);
  return { declared, composites, transitions };
}

