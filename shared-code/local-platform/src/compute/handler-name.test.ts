import { describe, expect, it } from '@jest/globals';
import { ComputeError } from './compute-error.ts';
import { parseHandlerName } from './handler-name.ts';

describe('reading a handler setting as the Lambda Node.js runtime does', () => {
  it.each([
    ['index.handler', { moduleDir: '', moduleName: 'index', exportPath: ['handler'] }],
    ['dist/app.main', { moduleDir: 'dist', moduleName: 'app', exportPath: ['main'] }],
    [
      'src/handlers/index.api.get',
      { moduleDir: 'src/handlers', moduleName: 'index', exportPath: ['api', 'get'] },
    ],
    ['v1.2/index.handler', { moduleDir: 'v1.2', moduleName: 'index', exportPath: ['handler'] }],
  ])('splits %s into folder, module and export', (handler, expected) => {
    expect(parseHandlerName(handler)).toEqual(expected);
  });

  it.each([['index'], ['.handler'], ['index.'], ['index..handler'], ['dist/'], ['']])(
    'refuses %p, which names no module and export',
    (handler) => {
      expect(() => parseHandlerName(handler)).toThrow(ComputeError);
      expect(() => parseHandlerName(handler)).toThrow(
        `handler "${handler}" is not of the form <module>.<export>`,
      );
    },
  );

  it.each([['../outside.handler'], ['a/../../outside.handler'], ['/etc/index.handler']])(
    'refuses %p, which reaches outside the package',
    (handler) => {
      expect(() => parseHandlerName(handler)).toThrow('outside its deployment package');
    },
  );
});
