import { SetupError } from '../errors/index.ts';
import { runCommand } from '../processes/index.ts';

/** OpenSearch refuses to run as root; as root we run it as this dedicated, login-less system user. */
export const serviceUserName = 'sec-an-opensearch';

export interface ServiceUser {
  readonly uid: number;
  readonly gid: number;
}

const lookupIds = async (name: string): Promise<ServiceUser | undefined> => {
  const uid = await runCommand('id', ['-u', name]);
  const gid = await runCommand('id', ['-g', name]);
  if (uid.exitCode !== 0 || gid.exitCode !== 0) return undefined;
  return { uid: Number(uid.output.trim()), gid: Number(gid.output.trim()) };
};

/** The user to run OpenSearch as: undefined (the current user) unless we are root. */
export const ensureServiceUser = async (): Promise<ServiceUser | undefined> => {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookupIds(serviceUserName);
  if (existing !== undefined) return existing;
  const created = await runCommand('useradd', [
    '--system',
    '--user-group',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    serviceUserName,
  ]);
  const user = await lookupIds(serviceUserName);
  if (created.exitCode !== 0 || user === undefined) {
    throw new SetupError(
      `OpenSearch refuses to run as root and the user ${serviceUserName} could not be created: ${created.output.trim()}`,
      `create it (useradd --system ${serviceUserName}) or run sec-an as a non-root user`,
    );
  }
  return user;
};
