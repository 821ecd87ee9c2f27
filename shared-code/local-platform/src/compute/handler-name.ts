import { ComputeError } from './compute-error.ts';

/** A function's `handler` setting, read the way the Lambda Node.js runtime reads it. */
export interface HandlerName {
  /** The module's folder inside the package, '' for its root. */
  readonly moduleDir: string;
  /** The module's file name without its extension. */
  readonly moduleName: string;
  /** The property path of the handler in the module: `index.a.b` is `['a', 'b']`. */
  readonly exportPath: readonly string[];
}

/** The extensions the runtime tries, in its order, for the module a handler names. */
export const handlerModuleExtensions = ['.js', '.mjs', '.cjs'] as const;

const nameShape = /^([^.]+)\.(.+)$/;

/**
 * Splits `<folder>/<module>.<export>` as the runtime does: the module ends at the first dot after the last slash,
 * and everything after it is the (possibly nested) export.
 */
export const parseHandlerName = (handler: string): HandlerName => {
  const slash = handler.lastIndexOf('/');
  const moduleDir = slash < 0 ? '' : handler.slice(0, slash);
  const match = nameShape.exec(handler.slice(slash + 1));
  const exportPath = match?.[2]?.split('.') ?? [];
  if (match?.[1] === undefined || exportPath.some((part) => part === '')) {
    throw new ComputeError(`handler "${handler}" is not of the form <module>.<export>`);
  }
  if (moduleDir.startsWith('/') || moduleDir.split('/').includes('..')) {
    throw new ComputeError(`handler "${handler}" names a module outside its deployment package`);
  }
  return { moduleDir, moduleName: match[1], exportPath };
};
