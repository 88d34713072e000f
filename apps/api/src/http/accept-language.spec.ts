// Which language an error message is written in, from Accept-Language.
import { describe, expect, it } from '@jest/globals';
import { localize, messageLanguage } from './accept-language.js';

describe('messageLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['id', 'id'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['in-ID', 'id'],
    ['en, id', 'en'],
    ['en;q=0.4, id-ID;q=0.9', 'id'],
    ['fr, de;q=0.5', 'en'],
    ['id;q=0', 'en'],
    ['id;q=abc', 'en'],
    ['*', 'en'],
  ])('%s → %s', (header, language) => {
    expect(messageLanguage(header)).toBe(language);
  });
});

describe('localize', () => {
  it('translates known codes and keeps English for the others', () => {
    const body = { statusCode: 404, code: 'CYCLE_NOT_FOUND', message: 'no cycle x' };
    expect(localize(body, 'id')).toEqual({
      body: { ...body, message: 'Siklus penilaian tidak ditemukan.' },
      language: 'id',
    });
    expect(localize(body, 'en')).toEqual({ body, language: 'en' });
    const unknown = { statusCode: 409, code: 'SOMETHING_NEW', message: 'x' };
    expect(localize(unknown, 'id')).toEqual({ body: unknown, language: 'en' });
  });
});
