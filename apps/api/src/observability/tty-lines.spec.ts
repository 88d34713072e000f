import { describe, expect, it } from '@jest/globals';
import { humanReadable } from './tty-lines.js';

describe('humanReadable', () => {
  it('prints time, level, context, message and the other fields of a JSON line', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
      pid: 1,
      hostname: 'h',
      context: 'auth',
      method: 'GET',
      route: '/api/v1/employees/:nip',
      status: 401,
      role: null,
      msg: 'request',
    });
    expect(humanReadable(`${line}\n`)).toBe(
      '03:04:05.006 WARN  [auth] request method=GET route=/api/v1/employees/:nip status=401 role=null\n',
    );
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(humanReadable('plain\n')).toBe('plain\n');
  });
});
