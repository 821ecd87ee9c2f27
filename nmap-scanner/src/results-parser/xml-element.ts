/** An element of a host's subtree, as the reader keeps it: the unit of nmap's XML the parser holds at once. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

export const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((child) => child.name === name);

export const childNamed = (element: XmlElement, name: string): XmlElement | undefined =>
  element.children.find((child) => child.name === name);

/** The attribute's value, or undefined when it is absent or empty (nmap writes `name=""` for nothing). */
export const attribute = (element: XmlElement | undefined, name: string): string | undefined => {
  const value = element?.attributes[name];
  return value === undefined || value === '' ? undefined : value;
};

/** An integer attribute; undefined when absent or not a whole number. */
export const integerAttribute = (element: XmlElement | undefined, name: string): number | undefined => {
  const text = attribute(element, name);
  if (text === undefined || !/^-?\d{1,15}$/.test(text)) return undefined;
  return Number(text);
};
