import { encodeAttributes } from '@sec-an/runtime/sns';
import { type FoundContract, findContracts } from './contracts.ts';
import { code, list, markdownTable } from './markdown.ts';
import { fieldsOf, type JsonSchema } from './schema-fields.ts';
import { foldersUsing, readSources } from './usages.ts';

const title = ({ contract }: FoundContract): string => `${contract.name} v${contract.version}`;

const jsonSchemaOf = ({ contract }: FoundContract): JsonSchema =>
  (contract.schema as unknown as { toJSONSchema(params: object): JsonSchema }).toJSONSchema({
    unrepresentable: 'any',
  });

const fieldsTable = (found: FoundContract): string =>
  markdownTable(
    ['field', 'type', 'required'],
    fieldsOf(jsonSchemaOf(found)).map((field) => [
      code(field.path),
      field.type,
      field.required ? 'yes' : 'no',
    ]),
  );

const exampleAttributes = (found: FoundContract, message: unknown): string =>
  markdownTable(
    ['attribute', 'wire type', 'value in the example'],
    Object.entries(encodeAttributes(found.contract.attributes(found.contract.schema.parse(message)))).map(
      ([name, { dataType, value }]) => [code(name), dataType, code(value)],
    ),
  );

const reference = (found: FoundContract): string => {
  const parts = [`#### ${code(found.contract.name)} v${found.contract.version}: fields`, fieldsTable(found)];
  if (found.example === undefined) {
    parts.push('The module exports no example message, so its attributes are not shown here.');
  } else {
    parts.push(
      `Example: ${code(found.example.exportName)}, and the attributes the contract derives from it:`,
      `\`\`\`json\n${JSON.stringify(found.example.message, null, 2)}\n\`\`\``,
      exampleAttributes(found, found.example.message),
    );
  }
  return parts.join('\n\n');
};

const summary = (contracts: readonly FoundContract[], sources: ReadonlyMap<string, string>): string =>
  markdownTable(
    ['contract', 'module', 'export', 'named in (shipped code)'],
    contracts.map((found) => [
      code(title(found)),
      code(`@sec-an/contracts/${found.module}`),
      code(found.exportName),
      list(foldersUsing(sources, found.exportName).map(code)),
    ]),
  );

/** Every contract, its fields from its schema, and its example with the attributes derived from it. */
export const contractsSection = async (): Promise<string> => {
  const contracts = await findContracts();
  return [summary(contracts, readSources()), ...contracts.map(reference)].join('\n\n');
};
