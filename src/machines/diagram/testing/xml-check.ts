/**
 * A small, strict XML well-formedness parser for the SVG specs (no dependency): elements must
 * balance, attributes must be quoted and unique, `&` must start a known or numeric entity, and
 * `<` never appears in text or attribute values. Returns the element tree or throws with the offset.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside this element. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;

function decode(raw: string, at: number): string {
  if (raw.includes('<')) throw new Error(`XML: '<' in text or attribute value near offset ${at}`);
  return raw.replace(/&([^;\s]*);?/g, (m, name: string) => {
    if (!m.endsWith(';')) throw new Error(`XML: bare '&' near offset ${at}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (name in named) return named[name];
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (num) return String.fromCodePoint(num[1].startsWith('x') ? parseInt(num[1].slice(1), 16) : parseInt(num[1], 10));
    throw new Error(`XML: unknown entity '&${name};' near offset ${at}`);
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const skipWs = (): void => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  skipWs();
  if (xml.startsWith('<?xml', i)) {
    const end = xml.indexOf('?>', i);
    if (end < 0) throw new Error('XML: unterminated declaration');
    i = end + 2;
  }
  while (i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) throw new Error(`XML: unterminated comment at ${i}`);
      i = end + 3;
      continue;
    }
    if (xml[i] === '<' && xml[i + 1] === '/') {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) throw new Error(`XML: bad closing tag at ${i}`);
      const top = stack.pop();
      if (!top || top.name !== m[0]) throw new Error(`XML: </${m[0]}> at ${i} does not close <${top?.name ?? '(nothing)'}>`);
      i += 2 + m[0].length;
      skipWs();
      if (xml[i] !== '>') throw new Error(`XML: expected '>' at ${i}`);
      i++;
      if (stack.length === 0) root = top;
      continue;
    }
    if (xml[i] === '<') {
      const m = NAME.exec(xml.slice(i + 1));
      if (!m) throw new Error(`XML: bad tag at ${i}`);
      if (root || (stack.length === 0 && root !== undefined)) throw new Error(`XML: second root element at ${i}`);
      const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
      i += 1 + m[0].length;
      for (;;) {
        const before = i;
        skipWs();
        if (xml.startsWith('/>', i)) {
          i += 2;
          if (stack.length) stack[stack.length - 1].children.push(el);
          else root = el;
          break;
        }
        if (xml[i] === '>') {
          i++;
          if (stack.length) stack[stack.length - 1].children.push(el);
          stack.push(el);
          break;
        }
        if (i === before) throw new Error(`XML: expected whitespace before attribute at ${i}`);
        const an = NAME.exec(xml.slice(i));
        if (!an) throw new Error(`XML: bad attribute at ${i}`);
        i += an[0].length;
        skipWs();
        if (xml[i] !== '=') throw new Error(`XML: attribute ${an[0]} without '=' at ${i}`);
        i++;
        skipWs();
        const q = xml[i];
        if (q !== '"' && q !== "'") throw new Error(`XML: unquoted attribute ${an[0]} at ${i}`);
        const end = xml.indexOf(q, i + 1);
        if (end < 0) throw new Error(`XML: unterminated attribute ${an[0]} at ${i}`);
        if (an[0] in el.attrs) throw new Error(`XML: duplicate attribute ${an[0]} at ${i}`);
        el.attrs[an[0]] = decode(xml.slice(i + 1, end), i);
        i = end + 1;
      }
      continue;
    }
    const next = xml.indexOf('<', i);
    const raw = xml.slice(i, next < 0 ? xml.length : next);
    if (stack.length === 0) {
      if (raw.trim()) throw new Error(`XML: text outside the root element at ${i}`);
    } else {
      stack[stack.length - 1].text += decode(raw, i);
    }
    i = next < 0 ? xml.length : next;
  }
  if (stack.length) throw new Error(`XML: <${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('XML: no root element');
  return root;
}

/** All elements of the tree, depth-first. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}

/** The element's own text plus that of its descendants. */
export function textContent(el: XmlElement): string {
  return el.text + el.children.map(textContent).join('');
}
