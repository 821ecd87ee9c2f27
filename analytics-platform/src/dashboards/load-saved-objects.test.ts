import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SavedObjectFileError } from './dashboard-errors.ts';
import { loadSavedObjects } from './load-saved-objects.ts';
import type { SavedObject } from './saved-object.ts';
import { portObjects } from './test-fixtures.ts';

describe('loadSavedObjects', () => {
  let root: string;
  let project: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'saved-objects-'));
    project = join(root, 'demo');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (folder: string, name: string, content: unknown) => {
    mkdirSync(join(project, 'dashboards', folder), { recursive: true });
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    writeFileSync(join(project, 'dashboards', folder, name), text);
  };
  const writeObject = (object: SavedObject) => write(object.type, `${object.id}.json`, object);
  const [indexPattern, search] = portObjects();

  it('reads one object per file, index patterns first and by id within a type', () => {
    for (const object of [...portObjects()].reverse()) writeObject(object);
    write('visualization', 'README.md', 'notes are not objects');
    const loaded = loadSavedObjects(project);
    expect(loaded.map(({ type, id }) => `${type}/${id}`)).toEqual([
      'index-pattern/demo-ports',
      'search/demo-web-ports',
      'visualization/demo-services',
      'visualization/demo-web-addresses',
      'dashboard/demo-overview',
    ]);
    expect(loaded).toEqual(
      expect.arrayContaining(portObjects().map((object) => expect.objectContaining({ id: object.id }))),
    );
  });

  it('has nothing to load for a project without the folder', () => {
    expect(loadSavedObjects(project)).toEqual([]);
  });

  it('refuses a file that is not JSON, naming it', () => {
    write('search', 'demo-broken.json', '{ "type": ');
    expect(() => loadSavedObjects(project)).toThrow(SavedObjectFileError);
    expect(() => loadSavedObjects(project)).toThrow(/demo-broken\.json is not JSON/);
  });

  it('refuses an object that breaks the format, naming the file and the attribute', () => {
    write('search', 'demo-web-ports.json', {
      ...search,
      attributes: { ...search?.attributes, sort: 'port' },
    });
    expect(() => loadSavedObjects(project)).toThrow(
      /demo-web-ports\.json is not a saved object: attributes\.sort: /,
    );
  });

  it('refuses an attribute the format does not know, so a typo is not dropped', () => {
    write('index-pattern', 'demo-ports.json', {
      ...indexPattern,
      attributes: { title: 'x', timeField: '@timestamp' },
    });
    expect(() => loadSavedObjects(project)).toThrow(/attributes: Unrecognized key: "timeField"/);
  });

  it('refuses a file whose name is not its id', () => {
    write('index-pattern', 'demo-other.json', indexPattern);
    expect(() => loadSavedObjects(project)).toThrow(
      /demo-other\.json holds id "demo-ports": the file must be named demo-ports\.json/,
    );
  });

  it('refuses an object in the folder of another type', () => {
    write('search', 'demo-ports.json', indexPattern);
    expect(() => loadSavedObjects(project)).toThrow(/holds a index-pattern but is in the search folder/);
  });

  it("refuses an id without the project's name, which another project could take", () => {
    write('index-pattern', 'ports.json', { ...indexPattern, id: 'ports' });
    expect(() => loadSavedObjects(project)).toThrow(/id "ports" must start with the project's name, "demo-"/);
  });

  it('refuses a folder that is no saved-object type', () => {
    write('visualisation', 'demo-x.json', {});
    expect(() => loadSavedObjects(project)).toThrow(/folders that are no saved-object type: visualisation/);
  });
});
