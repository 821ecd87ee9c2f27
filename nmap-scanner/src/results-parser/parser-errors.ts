import { PermanentError } from '@sec-an/runtime/errors';

/** A raw object that is not nmap's XML (another document, not gzip, empty). */
export class NotNmapXmlError extends PermanentError {}

/** XML that breaks the rules of XML, or a construct nmap never writes (a DTD, CDATA, an unknown entity). */
export class MalformedXmlError extends PermanentError {}

/** XML past one of the parser's bounds (a gigantic attribute, a host with too many elements, too deep). */
export class XmlLimitError extends PermanentError {}
