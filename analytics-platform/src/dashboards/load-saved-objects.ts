import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import { SavedObjectFileError } from './dashboard-errors.ts';
import { type SavedObject, type SavedObjectType, savedObject, savedObjectTypes } from './saved-object.ts';

/** Where a project keeps its saved objects: one folder per type, one file per object, named by its id. */
export const savedObjectsDirectory = (projectDirectory: string): string =>
  join(projectDirectory, 'dashboards');

const isSavedObjectType = (name: string): name is SavedObjectType =>
  (savedObjectTypes as readonly string[]).includes(name);

const issuesOf = (error: z.ZodError): string =>
  error.issues.map((issue) => `${issue.path.join('.') || '(object)'}: ${issue.message}`).join('; ');

const parseJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SavedObjectFileError(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
};

/**
 * The id is the file's name, so a reviewer finds an object by its id and two files cannot claim one id; it starts
 * with the project's name, so projects sharing one Dashboards cannot replace each other's objects.
 */
const checkIdentity = (file: string, folder: SavedObjectType, object: SavedObject, project: string): void => {
  if (object.type !== folder) {
    throw new SavedObjectFileError(`${file} holds a ${object.type} but is in the ${folder} folder`);
  }
  if (`${object.id}.json` !== basename(file)) {
    throw new SavedObjectFileError(
      `${file} holds id "${object.id}": the file must be named ${object.id}.json`,
    );
  }
  if (!object.id.startsWith(`${project}-`)) {
    throw new SavedObjectFileError(
      `${file}: id "${object.id}" must start with the project's name, "${project}-"`,
    );
  }
};

const loadFile = (file: string, folder: SavedObjectType, project: string): SavedObject => {
  const parsed = savedObject.safeParse(parseJson(file));
  if (!parsed.success) {
    throw new SavedObjectFileError(`${file} is not a saved object: ${issuesOf(parsed.error)}`);
  }
  checkIdentity(file, folder, parsed.data, project);
  return parsed.data;
};

const folderEntries = (directory: string): string[] => readdirSync(directory).sort();

const loadFolder = (directory: string, folder: SavedObjectType, project: string): SavedObject[] =>
  folderEntries(join(directory, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => loadFile(join(directory, folder, name), folder, project));

/** Anything else in the folder is refused, so a misspelt type folder is not silently skipped. */
const checkFolders = (directory: string, projectDirectory: string): SavedObjectType[] => {
  const folders = folderEntries(directory).filter((name) => statSync(join(directory, name)).isDirectory());
  const unknown = folders.filter((name) => !isSavedObjectType(name));
  if (unknown.length > 0) {
    throw new SavedObjectFileError(
      `${relative(projectDirectory, directory)} has folders that are no saved-object type: ${unknown.join(', ')} ` +
        `(types: ${savedObjectTypes.join(', ')})`,
    );
  }
  return savedObjectTypes.filter((type) => folders.includes(type));
};

/**
 * A project's saved objects, read from `<project>/dashboards/<type>/<id>.json`, in type order (index patterns
 * first, dashboards last) and by id within a type. A project without the folder has none.
 */
export const loadSavedObjects = (projectDirectory: string): SavedObject[] => {
  const directory = savedObjectsDirectory(projectDirectory);
  if (!existsSync(directory)) return [];
  const project = basename(projectDirectory);
  return checkFolders(directory, projectDirectory).flatMap((type) => loadFolder(directory, type, project));
};
