/**
 * The bounds that keep the parser's memory flat whatever it reads. Each is far above what a real nmap run
 * writes (its largest attribute, a service fingerprint or a script's output, is some kilobytes; a host with
 * every TCP port open is some 300,000 elements) and far below what would exhaust a parser function.
 */
export interface XmlLimits {
  /** Characters of one tag with the text after it: bounds every attribute value and text node. */
  readonly maxTokenChars: number;
  /** Characters of a comment, processing instruction or DOCTYPE. */
  readonly maxDeclarationChars: number;
  readonly maxDepth: number;
  /** Elements of one host, the unit the parser holds in memory. */
  readonly maxHostElements: number;
  /** Characters of attribute values and text held for one host. */
  readonly maxHostChars: number;
  /** Characters of the whole document, so that a decompression bomb ends in bounded time. */
  readonly maxDocumentChars: number;
}

export const defaultXmlLimits: XmlLimits = {
  maxTokenChars: 1 << 20,
  maxDeclarationChars: 1 << 16,
  maxDepth: 64,
  maxHostElements: 400_000,
  maxHostChars: 64 << 20,
  maxDocumentChars: 4 * 1024 ** 3,
};
