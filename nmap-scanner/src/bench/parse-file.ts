/**
 * The parser over one file, in a process of its own so its peak memory is its own:
 * `node parse-file.ts <file> plain|gzip`. Prints the hosts and documents it produced as JSON.
 */
import { createReadStream } from 'node:fs';
import { parseNmapScan, parseNmapXml } from '../results-parser/index.ts';
import { fixtureMetadata, fixtureRaw } from '../results-parser/test-fixtures.ts';

const [file, mode] = process.argv.slice(2);
if (file === undefined || (mode !== 'plain' && mode !== 'gzip')) {
  console.error('usage: parse-file.ts <file> plain|gzip');
  process.exit(2);
}
const options = { raw: fixtureRaw, metadata: fixtureMetadata('ipv4-services') };
const results =
  mode === 'gzip'
    ? parseNmapScan(createReadStream(file), options)
    : parseNmapXml(createReadStream(file, { encoding: 'utf8', highWaterMark: 65_536 }), options);
let hosts = 0;
let documents = 0;
for await (const { result } of results) {
  hosts += 1;
  for (const list of Object.values(result.documents)) documents += list.length;
}
process.stdout.write(JSON.stringify({ hosts, documents }));
