import { SaxesParser } from 'saxes';
import { MalformedXmlError, NotNmapXmlError, XmlLimitError } from './parser-errors.ts';
import type { XmlElement } from './xml-element.ts';
import { XmlGuard } from './xml-guard.ts';
import type { XmlLimits } from './xml-limits.ts';

/** What the reader hands on: the run's attributes, then each host as soon as it closes. */
export type NmapXmlEvent =
  | { readonly kind: 'run'; readonly attributes: Readonly<Record<string, string>> }
  | { readonly kind: 'host'; readonly host: XmlElement }
  /** `closed` is false when the document stopped before `</nmaprun>`; `openHost` is the host it stopped in. */
  | { readonly kind: 'end'; readonly closed: boolean; readonly openHost?: XmlElement };

class HostBudget {
  elements = 0;
  chars = 0;
  readonly #limits: XmlLimits;

  constructor(limits: XmlLimits) {
    this.#limits = limits;
  }

  spend(elements: number, chars: number): void {
    this.elements += elements;
    this.chars += chars;
    if (this.elements > this.#limits.maxHostElements) {
      throw new XmlLimitError(`a host has more than ${this.#limits.maxHostElements} elements`);
    }
    if (this.chars > this.#limits.maxHostChars) {
      throw new XmlLimitError(`a host holds more than ${this.#limits.maxHostChars} characters`);
    }
  }
}

const attributeChars = (attributes: Readonly<Record<string, string>>): number => {
  let chars = 0;
  for (const name in attributes) chars += (attributes[name] ?? '').length;
  return chars;
};

const ownErrors = (error: unknown): boolean =>
  error instanceof XmlLimitError || error instanceof NotNmapXmlError || error instanceof MalformedXmlError;

/**
 * Reads nmap's XML from text chunks with bounded memory: a lexical guard checks each chunk before the parser
 * (saxes, which expands no entity but the five predefined ones and never fetches anything) reads it; only the
 * subtree of the current host is held, and it is handed on as soon as it closes.
 */
export async function* readNmapXml(
  chunks: AsyncIterable<string>,
  limits: XmlLimits,
): AsyncGenerator<NmapXmlEvent> {
  const guard = new XmlGuard(limits);
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const pending: NmapXmlEvent[] = [];
  const stack: XmlElement[] = [];
  let depth = 0;
  let rootSeen = false;
  let rootClosed = false;
  let budget = new HostBudget(limits);

  parser.on('doctype', (doctype) => {
    if (doctype.trim() !== 'nmaprun')
      throw new NotNmapXmlError(`the DOCTYPE is "${doctype.trim().slice(0, 40)}", not nmaprun`);
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > limits.maxDepth)
      throw new XmlLimitError(`elements are nested deeper than ${limits.maxDepth}`);
    if (!rootSeen) {
      if (tag.name !== 'nmaprun' || tag.attributes.scanner !== 'nmap') {
        throw new NotNmapXmlError(`the root element is <${tag.name}>, not nmap's <nmaprun scanner="nmap">`);
      }
      rootSeen = true;
      pending.push({ kind: 'run', attributes: { ...tag.attributes } });
      return;
    }
    // Only hosts are kept whole; everything else under <nmaprun> (task progress, statistics) streams past.
    if (stack.length === 0 && !(depth === 2 && tag.name === 'host')) return;
    if (stack.length === 0) budget = new HostBudget(limits);
    // saxes makes a new attributes object for every tag, so the element can keep it as it is.
    const element: XmlElement = { name: tag.name, attributes: tag.attributes, children: [], text: '' };
    budget.spend(1, attributeChars(tag.attributes));
    stack.at(-1)?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    const current = stack.at(-1);
    if (current === undefined) return;
    budget.spend(0, text.length);
    current.text += text;
  });
  parser.on('closetag', () => {
    depth -= 1;
    if (depth === 0) rootClosed = true;
    // Inside a kept subtree every element was pushed, so the one closing is the top of the stack.
    const element = stack.pop();
    if (element === undefined || stack.length > 0) return;
    pending.push({ kind: 'host', host: element });
  });

  const feed = (chunk: string): void => {
    try {
      guard.check(chunk);
      parser.write(chunk);
    } catch (error) {
      if (ownErrors(error)) throw error;
      throw new MalformedXmlError(`the XML is malformed: ${(error as Error).message}`);
    }
  };

  for await (const chunk of chunks) {
    feed(chunk);
    yield* pending.splice(0);
  }
  if (!rootSeen) throw new NotNmapXmlError('the document has no <nmaprun> element (empty, or not nmap XML)');
  if (rootClosed) {
    try {
      parser.close();
    } catch (error) {
      throw new MalformedXmlError(`the XML is malformed after </nmaprun>: ${(error as Error).message}`);
    }
  }
  yield* pending.splice(0);
  const openHost = stack[0];
  yield { kind: 'end', closed: rootClosed, ...(openHost === undefined ? {} : { openHost }) };
}
