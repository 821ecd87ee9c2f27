/** The command line's voice: plain lines on standard output, for people and for `grep`. */
export const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
