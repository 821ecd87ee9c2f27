import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { handlerModuleExtensions, parseHandlerName } from './handler-name.ts';

export type LoadedHandler = (event: unknown, context: Context) => unknown;

/** Raised with the runtime's own error types, so that a broken package reads the same as on AWS. */
class RuntimeLoadError extends Error {
  constructor(errorType: string, message: string) {
    super(message);
    this.name = errorType;
  }
}

const moduleFile = (taskRoot: string, handler: string): string => {
  const { moduleDir, moduleName } = parseHandlerName(handler);
  const base = join(taskRoot, moduleDir, moduleName);
  const file = handlerModuleExtensions.map((extension) => `${base}${extension}`).find(existsSync);
  if (file === undefined) {
    throw new RuntimeLoadError(
      'Runtime.ImportModuleError',
      `Error: Cannot find module '${join(moduleDir, moduleName)}' (tried ${handlerModuleExtensions.join(', ')})`,
    );
  }
  return file;
};

const property = (value: unknown, name: string): unknown =>
  typeof value === 'object' || typeof value === 'function'
    ? (value as Record<string, unknown> | null)?.[name]
    : undefined;

/**
 * Imports the module a handler setting names from the unpacked package and finds its export. A CommonJS module
 * imported this way may expose its exports only on `default`, so that is looked at too.
 */
export const loadHandler = async (taskRoot: string, handler: string): Promise<LoadedHandler> => {
  const file = moduleFile(taskRoot, handler);
  const module: unknown = await import(pathToFileURL(file).href);
  const { exportPath } = parseHandlerName(handler);
  const find = (root: unknown) => exportPath.reduce<unknown>(property, root);
  const found = find(module) ?? find(property(module, 'default'));
  if (typeof found !== 'function') {
    throw new RuntimeLoadError('Runtime.HandlerNotFound', `${handler} is undefined or not exported`);
  }
  return found as LoadedHandler;
};
