import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Contract } from '@sec-an/contracts/contract';
import { repositoryRoot } from '@sec-an/local-platform/paths';

/** A contract found among the contracts package's modules, with the example it exports if any. */
export interface FoundContract {
  readonly contract: Contract<unknown>;
  /** The module folder: imported as `@sec-an/contracts/<module>`. */
  readonly module: string;
  readonly exportName: string;
  readonly example?: { readonly exportName: string; readonly message: unknown };
}

export const contractsSource = join(repositoryRoot, 'shared-code', 'contracts', 'src');

const isContract = (value: unknown): value is Contract<unknown> => {
  const candidate = value as Partial<Contract<unknown>> | null;
  return (
    typeof candidate?.name === 'string' &&
    typeof candidate.version === 'number' &&
    typeof candidate.attributes === 'function' &&
    typeof (candidate.schema as { safeParse?: unknown } | undefined)?.safeParse === 'function'
  );
};

const exampleOf = (contract: Contract<unknown>, exports: Readonly<Record<string, unknown>>) => {
  for (const [exportName, value] of Object.entries(exports)) {
    const header = value as { contract?: unknown; version?: unknown } | null;
    if (header?.contract !== contract.name || header.version !== contract.version) continue;
    if (contract.schema.safeParse(value).success) return { exportName, message: value };
  }
  return undefined;
};

const contractsOfModule = async (module: string): Promise<readonly FoundContract[]> => {
  const exports = (await import(pathToFileURL(join(contractsSource, module, 'index.ts')).href)) as Record<
    string,
    unknown
  >;
  return Object.entries(exports)
    .filter(([, value]) => isContract(value))
    .map(([exportName, value]) => {
      const contract = value as Contract<unknown>;
      const example = exampleOf(contract, exports);
      return { contract, module, exportName, ...(example === undefined ? {} : { example }) };
    });
};

/**
 * Every contract the contracts package exports, by importing each of its modules: a new contract is found
 * without being listed anywhere. A contract re-exported by another module counts once, at its own module.
 */
export const findContracts = async (): Promise<readonly FoundContract[]> => {
  const modules = readdirSync(contractsSource, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(contractsSource, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
  const found = new Map<Contract<unknown>, FoundContract>();
  for (const module of modules) {
    for (const candidate of await contractsOfModule(module)) {
      const known = found.get(candidate.contract);
      if (known === undefined || candidate.module === candidate.contract.name) {
        found.set(candidate.contract, candidate);
      }
    }
  }
  return [...found.values()].sort(
    (a, b) => a.contract.name.localeCompare(b.contract.name) || a.contract.version - b.contract.version,
  );
};
