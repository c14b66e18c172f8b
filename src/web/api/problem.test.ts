import { describe, expect, it } from 'vitest';
import { toApiError } from './problem.js';

describe('toApiError', () => {
  it('reads a problem document: code, both messages, field errors and extensions', () => {
    const err = toApiError(423, {
      type: '/problems/account-locked',
      status: 423,
      code: 'ACCOUNT_LOCKED',
      message: { zh: '账号已锁定', en: 'Locked' },
      errors: [{ field: 'body.username', message: { zh: '无效', en: 'invalid' } }, { field: 3 }],
      lockedUntil: '2026-01-01T00:15:00.000Z',
    });
    expect(err.status).toBe(423);
    expect(err.code).toBe('ACCOUNT_LOCKED');
    expect(err.messageIn('zh-CN')).toBe('账号已锁定');
    expect(err.messageIn('en-US')).toBe('Locked');
    expect(err.fieldErrors).toEqual([{ field: 'body.username', message: { zh: '无效', en: 'invalid' } }]);
    expect(err.extra.lockedUntil).toBe('2026-01-01T00:15:00.000Z');
  });
  it('gives a plain message when the answer is not a problem document', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').code).toBe('HTTP_502');
    expect(toApiError(502, null).messageIn('zh-CN')).toBe('服务器错误（502）');
    expect(toApiError(0, null).code).toBe('NETWORK_ERROR');
    expect(toApiError(401, { code: 'X' }).messageIn('zh-CN')).toBe('请先登录');
  });
});
