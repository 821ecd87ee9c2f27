import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ServiceUser } from './service-user.ts';

/** Where the node runs from: its distribution, and the folder that holds its config, data, logs and tmp. */
export interface NodeLocation {
  readonly home: string;
  readonly nodeRoot: string;
}

const fallbackBase = '/var/tmp/sec-an-opensearch';

const reachableBy = (user: ServiceUser, path: string): boolean =>
  spawnSync('test', ['-x', path], { uid: user.uid, gid: user.gid }).status === 0;

/** The node folder used for a state folder the service user cannot reach. */
export const fallbackNodeRoot = (stateDir: string): string =>
  join(fallbackBase, 'nodes', createHash('sha256').update(stateDir).digest('hex').slice(0, 12));

/** One copy per distribution version, made under a temporary name so that concurrent starts never see half of it. */
const fallbackHome = (home: string): string => {
  const copy = join(fallbackBase, basename(home));
  if (existsSync(join(copy, 'bin', 'opensearch'))) return copy;
  const staging = `${copy}.${process.pid}`;
  mkdirSync(fallbackBase, { recursive: true, mode: 0o755 });
  cpSync(home, staging, { recursive: true });
  try {
    renameSync(staging, copy);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  return copy;
};

/**
 * The node's files live beside the instance's state, unless the service user cannot reach them: a checkout under
 * a folder that only root may enter (such as /root). Then the node runs from a copy of the distribution in a
 * root-owned folder under /var/tmp, rather than asking to open up the user's folders.
 */
export const nodeLocation = (home: string, stateDir: string, user: ServiceUser | undefined): NodeLocation => {
  mkdirSync(stateDir, { recursive: true });
  const beside = { home, nodeRoot: join(stateDir, 'opensearch') };
  if (user === undefined || (reachableBy(user, join(home, 'bin')) && reachableBy(user, stateDir)))
    return beside;
  return { home: fallbackHome(home), nodeRoot: fallbackNodeRoot(stateDir) };
};
