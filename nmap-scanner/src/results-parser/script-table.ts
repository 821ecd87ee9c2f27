import type { XmlElement } from './xml-element.ts';

/** An NSE script's structured output: `<table>` and `<elem>`, keyed or not. */
export type ScriptValue = string | ScriptValue[] | { [key: string]: ScriptValue };

const entryValue = (element: XmlElement): ScriptValue =>
  element.name === 'table' ? tableValue(element.children) : element.text;

/** Keyed entries make an object, unkeyed ones a list (nmap never mixes them in one table). */
export const tableValue = (children: readonly XmlElement[]): ScriptValue => {
  const entries = children.filter((child) => child.name === 'table' || child.name === 'elem');
  if (entries.length > 0 && entries.every((entry) => entry.attributes.key !== undefined)) {
    return Object.fromEntries(entries.map((entry) => [entry.attributes.key as string, entryValue(entry)]));
  }
  return entries.map(entryValue);
};

export const asRecord = (value: ScriptValue | undefined): Record<string, ScriptValue> =>
  value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};

export const asList = (value: ScriptValue | undefined): ScriptValue[] => (Array.isArray(value) ? value : []);

export const asText = (value: ScriptValue | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
