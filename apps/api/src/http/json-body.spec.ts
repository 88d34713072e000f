// The one-pass limits of the JSON body parser: depth and value count outside strings, before JSON.parse.
import { describe, expect, it } from '@jest/globals';
import { HttpException } from '@nestjs/common';
import { exceededLimit, MAX_JSON_DEPTH, parseJsonBody } from './json-body.js';

const codeOf = (text: string) => {
  try {
    parseJsonBody(Buffer.from(text));
    return 'parsed';
  } catch (error) {
    return ((error as HttpException).getResponse() as { code: string }).code;
  }
};

describe('exceededLimit', () => {
  it('counts nesting of objects and arrays, not brackets inside strings or after escaped quotes', () => {
    expect(exceededLimit('[[[]]]', 3, 100)).toBeUndefined();
    expect(exceededLimit('[[[[]]]]', 3, 100)).toBe('depth');
    expect(exceededLimit('{"a":{"b":[1]}}', 3, 100)).toBeUndefined();
    expect(exceededLimit('["[[[[[", "\\"[[[[["]', 1, 100)).toBeUndefined();
    expect(exceededLimit('[[],[],[]]', 2, 100)).toBeUndefined();
  });

  it('counts values by their separating commas, not commas inside strings', () => {
    expect(exceededLimit('[1,2,3]', 10, 3)).toBeUndefined();
    expect(exceededLimit('[1,2,3,4]', 10, 3)).toBe('values');
    expect(exceededLimit('[",,,,,,"]', 10, 3)).toBeUndefined();
  });
});

describe('parseJsonBody', () => {
  it('parses ordinary JSON, with or without a byte order mark', () => {
    expect(parseJsonBody(Buffer.from('{"a":[1,"x"]}'))).toEqual({ a: [1, 'x'] });
    expect(parseJsonBody('\ufeff[1]')).toEqual([1]);
  });

  it('refuses empty, malformed and too deep bodies with their codes', () => {
    expect(codeOf('')).toBe('BAD_REQUEST');
    expect(codeOf('{"a":')).toBe('BAD_REQUEST');
    expect(codeOf(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBe('parsed');
    expect(codeOf(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)).toBe('JSON_TOO_DEEP');
    expect(codeOf('['.repeat(200_000))).toBe('JSON_TOO_DEEP');
    expect(codeOf(`[${'0,'.repeat(30_000)}0]`)).toBe('JSON_TOO_MANY_VALUES');
  });
});
