import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SetupError } from '../errors/index.ts';
import { assertPortFree, loopback } from '../ports/index.ts';
import {
  answersOk,
  type ProcessRecord,
  runCommand,
  startProcess,
  waitUntilReady,
} from '../processes/index.ts';
import { openSearchHome } from './install.ts';
import { findJavaHome } from './java.ts';
import { type NodeLocation, nodeLocation } from './node-location.ts';
import { ensureServiceUser, type ServiceUser } from './service-user.ts';

export interface OpenSearchOptions {
  readonly httpPort: number;
  readonly transportPort: number;
  /** Holds the node's config, data, logs and temporary files. */
  readonly stateDir: string;
  readonly readyTimeoutMs: number;
  /** Starts from empty data (the test suite) instead of keeping indices across restarts. Default: false. */
  readonly fresh?: boolean;
  /** JVM heap. Default: 1g, which a 2-core machine with the rest of the platform can spare. */
  readonly heap?: string;
  /** Default: the distribution installed by `installOpenSearch`. */
  readonly home?: string;
  /** Default: JAVA_HOME, else the java on PATH. */
  readonly javaHome?: string;
}

export interface RunningOpenSearch {
  readonly endpoint: string;
  readonly process: ProcessRecord;
}

const nodeDirs = (nodeRoot: string) => ({
  root: nodeRoot,
  config: join(nodeRoot, 'config'),
  data: join(nodeRoot, 'data'),
  logs: join(nodeRoot, 'logs'),
  tmp: join(nodeRoot, 'tmp'),
});

const assertInstalled = (home: string): void => {
  if (!existsSync(join(home, 'bin', 'opensearch'))) {
    throw new SetupError(`OpenSearch is not installed at ${home}`, 'run `./sec-an setup` first');
  }
};

/** The launcher runs from the distribution folder, which the service user may not write: JVM files go to state. */
const pointJvmFilesAtState = (dirs: ReturnType<typeof nodeDirs>): void => {
  const jvmOptions = join(dirs.config, 'jvm.options');
  const rewritten = readFileSync(jvmOptions, 'utf8')
    .replaceAll('=logs/', `=${dirs.logs}/`)
    .replaceAll(':logs/', `:${dirs.logs}/`)
    .replace('HeapDumpPath=data', `HeapDumpPath=${dirs.data}`);
  writeFileSync(jvmOptions, rewritten);
};

const prepareDirs = async (
  options: OpenSearchOptions,
  location: NodeLocation,
  user: ServiceUser | undefined,
) => {
  const { home } = location;
  const dirs = nodeDirs(location.nodeRoot);
  if (options.fresh === true) rmSync(dirs.root, { recursive: true, force: true });
  rmSync(dirs.config, { recursive: true, force: true });
  for (const dir of [dirs.data, dirs.logs, dirs.tmp]) mkdirSync(dir, { recursive: true });
  cpSync(join(home, 'config'), dirs.config, { recursive: true });
  pointJvmFilesAtState(dirs);
  if (user !== undefined) {
    const chown = await runCommand('chown', ['-R', `${user.uid}:${user.gid}`, dirs.root]);
    if (chown.exitCode !== 0) throw new Error(`chown of ${dirs.root} failed: ${chown.output}`);
  }
  return dirs;
};

/** The node is configured entirely from here: single node, loopback only, no disk watermarks (small disks). */
const nodeSettings = (options: OpenSearchOptions, dirs: ReturnType<typeof nodeDirs>): string[] =>
  Object.entries({
    'cluster.name': 'sec-an-local',
    'node.name': 'sec-an-local-node',
    'discovery.type': 'single-node',
    'network.host': loopback,
    'http.port': String(options.httpPort),
    'transport.port': String(options.transportPort),
    'path.data': dirs.data,
    'path.logs': dirs.logs,
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
    'action.auto_create_index': 'true',
  }).map(([key, value]) => `-E${key}=${value}`);

export const startOpenSearch = async (options: OpenSearchOptions): Promise<RunningOpenSearch> => {
  const javaHome = await findJavaHome(options.javaHome);
  const home = options.home ?? openSearchHome();
  assertInstalled(home);
  await assertPortFree(options.httpPort, 'OpenSearch (HTTP)');
  await assertPortFree(options.transportPort, 'OpenSearch (transport)');
  const user = await ensureServiceUser();
  const location = nodeLocation(home, options.stateDir, user);
  const dirs = await prepareDirs(options, location, user);
  const heap = options.heap ?? '1g';
  const record = startProcess({
    name: 'OpenSearch',
    command: join(location.home, 'bin', 'opensearch'),
    args: nodeSettings(options, dirs),
    env: {
      PATH: process.env.PATH,
      HOME: dirs.root,
      OPENSEARCH_JAVA_HOME: javaHome,
      OPENSEARCH_PATH_CONF: dirs.config,
      OPENSEARCH_TMPDIR: dirs.tmp,
      OPENSEARCH_JAVA_OPTS: `-Xms${heap} -Xmx${heap}`,
    },
    cwd: dirs.root,
    logFile: join(options.stateDir, 'opensearch.log'),
    marker: dirs.data,
    ...(user === undefined ? {} : { uid: user.uid, gid: user.gid }),
  });
  const endpoint = `http://${loopback}:${options.httpPort}`;
  await waitUntilReady(record, {
    probe: () => answersOk(`${endpoint}/_cluster/health?wait_for_status=yellow&timeout=1s`),
    timeoutMs: options.readyTimeoutMs,
    intervalMs: 500,
  });
  return { endpoint, process: record };
};
