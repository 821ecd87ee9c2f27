import { MalformedXmlError, XmlLimitError } from './parser-errors.ts';
import type { XmlLimits } from './xml-limits.ts';

type State = 'content' | 'markup-start' | 'comment' | 'processing-instruction' | 'declaration';

const terminators: Partial<Record<State, string>> = {
  comment: '-->',
  'processing-instruction': '?>',
  declaration: '>',
};

/**
 * A lexical pass over the text before the XML parser sees it, so that no token the parser would buffer can grow
 * past a bound, and the constructs that carry entity declarations never reach it. `<` cannot appear inside an
 * attribute value or text, so the characters from one `<` to the next are one tag and the text after it; only
 * comments, processing instructions and declarations may hold a `<`, and they are followed to their own end.
 * A DOCTYPE with an internal subset (`[`: entity declarations, the start of XXE and entity-expansion bombs) and
 * CDATA sections (nmap writes neither) are refused outright.
 */
export class XmlGuard {
  readonly #limits: XmlLimits;
  #state: State = 'content';
  #lead = '';
  #run = 0;
  #tail = '';
  #total = 0;

  constructor(limits: XmlLimits) {
    this.#limits = limits;
  }

  /** Throws when the chunk, read after everything before it, breaks a bound or holds a refused construct. */
  check(chunk: string): void {
    this.#total += chunk.length;
    if (this.#total > this.#limits.maxDocumentChars) {
      throw new XmlLimitError(`the document is longer than ${this.#limits.maxDocumentChars} characters`);
    }
    let at = 0;
    while (at < chunk.length) at = this.#step(chunk, at);
  }

  #step(chunk: string, at: number): number {
    switch (this.#state) {
      case 'content':
        return this.#content(chunk, at);
      case 'markup-start':
        return this.#markupStart(chunk, at);
      default:
        return this.#enclosed(chunk, at);
    }
  }

  #content(chunk: string, at: number): number {
    const next = chunk.indexOf('<', at);
    const end = next === -1 ? chunk.length : next;
    this.#grow(end - at, this.#limits.maxTokenChars, 'a tag with the text after it');
    if (next === -1) return chunk.length;
    this.#state = 'markup-start';
    this.#lead = '';
    this.#run = 1;
    return next + 1;
  }

  /** Reads up to three characters after `<` to tell a tag from a comment, a declaration or a PI. */
  #markupStart(chunk: string, at: number): number {
    this.#lead += chunk[at];
    const lead = this.#lead;
    if (lead === '?') return this.#enter('processing-instruction', at);
    if (lead[0] !== '!') {
      this.#state = 'content';
      return at;
    }
    if (lead === '!') return at + 1;
    if (lead[1] === '[') throw new MalformedXmlError('a CDATA section (nmap never writes one) is refused');
    if (lead[1] !== '-') return this.#enter('declaration', at);
    if (lead.length < 3) return at + 1;
    if (lead !== '!--') throw new MalformedXmlError(`"<${lead}" starts no valid markup`);
    return this.#enter('comment', at);
  }

  #enter(state: State, at: number): number {
    this.#state = state;
    this.#tail = '';
    this.#run = this.#lead.length;
    return at + 1;
  }

  /** Follows a comment, PI or declaration to its terminator, across chunks. */
  #enclosed(chunk: string, at: number): number {
    const terminator = terminators[this.#state] ?? '>';
    const window = this.#tail + chunk.slice(at);
    const found = window.indexOf(terminator);
    const consumed = found === -1 ? window.length : found + terminator.length;
    if (this.#state === 'declaration' && window.slice(0, found === -1 ? undefined : found).includes('[')) {
      throw new MalformedXmlError(
        'a DOCTYPE with an internal subset is refused: it is where entities are declared, and nmap writes none',
      );
    }
    this.#grow(consumed - this.#tail.length, this.#limits.maxDeclarationChars, `a ${this.#state}`);
    if (found === -1) {
      this.#tail = window.slice(-(terminator.length - 1));
      return chunk.length;
    }
    this.#state = 'content';
    this.#run = 0;
    return at + consumed - this.#tail.length;
  }

  #grow(chars: number, limit: number, what: string): void {
    this.#run += chars;
    if (this.#run > limit) throw new XmlLimitError(`${what} is longer than ${limit} characters`);
  }
}
