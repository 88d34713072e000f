// On a terminal (npm start by hand) JSON lines are hard to read: this prints the same lines as
// `HH:MM:SS.mmm LEVEL [context] message key=value …`. Anything not a terminal (containers, pipes) gets the JSON.
import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const OMITTED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'stack']);

export function humanReadableStdout(): DestinationStream {
  return { write: (line: string) => void process.stdout.write(humanReadable(line)) };
}

export function humanReadable(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 23) : '';
  const level = LEVELS[record.level as number] ?? String(record.level);
  const context = typeof record.context === 'string' ? ` [${record.context}]` : '';
  const fields = Object.entries(record)
    .filter(([key, value]) => !OMITTED.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const stack = typeof record.stack === 'string' ? `\n${record.stack}` : '';
  return `${time} ${level.padEnd(5)}${context} ${String(record.msg ?? '')}${fields ? ` ${fields}` : ''}${stack}\n`;
}
