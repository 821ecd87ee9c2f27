import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export interface LargeXml {
  readonly bytes: number;
  readonly hosts: number;
}

/** The n-th address of 127.128.0.0/9, so every repeated host is a host of its own. */
const addressOf = (index: number): string =>
  `127.${128 + ((index >> 16) & 0x7f)}.${(index >> 8) & 0xff}.${index & 0xff}`;

/**
 * A large nmap XML made from a real run: its header and trailer around its `<host>` elements repeated, each copy
 * under a new address, until the file reaches the size asked for. The hosts are real nmap output (ports,
 * services, certificates, graded ciphers, OS guesses); only their number and addresses are made up.
 */
export const writeRepeatedNmapXml = async (
  realXml: string,
  targetBytes: number,
  path: string,
): Promise<LargeXml> => {
  const first = realXml.indexOf('<host ');
  const last = realXml.lastIndexOf('</host>') + '</host>'.length;
  if (first === -1 || last < first) throw new Error('the source XML has no host to repeat');
  const hostBlocks = realXml
    .slice(first, last)
    .split(/(?=<host[ >])/)
    .filter((block) => block.startsWith('<host'));
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let bytes = 0;
  let hosts = 0;
  await write(realXml.slice(0, first));
  bytes += first;
  while (bytes < targetBytes) {
    for (const block of hostBlocks) {
      const copy = block.replace(
        /addr="[^"]+" addrtype="ipv4"/,
        `addr="${addressOf(hosts)}" addrtype="ipv4"`,
      );
      await write(copy);
      bytes += Buffer.byteLength(copy);
      hosts += 1;
    }
  }
  await write(realXml.slice(last));
  out.end();
  await once(out, 'close');
  return { bytes: bytes + Buffer.byteLength(realXml.slice(last)), hosts };
};
