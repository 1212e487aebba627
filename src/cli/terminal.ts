/** Human output on stderr: colour only on a TTY, and never when NO_COLOR is set. */
export interface Terminal {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

const codes = { red: 31, yellow: 33, dim: 2, green: 32 } as const;

export function useColour(stream: NodeJS.WriteStream = process.stderr, env = process.env): boolean {
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

export function createTerminal(stream: NodeJS.WriteStream = process.stderr, colour = useColour(stream)): Terminal {
  const paint = (code: number, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    info: (line) => stream.write(`${line}\n`),
    warn: (line) => stream.write(`${paint(codes.yellow, 'warning')} ${line}\n`),
    error: (line) => stream.write(`${paint(codes.red, 'error')} ${line}\n`),
  };
}
