/** The problems of identity and access, with stable codes the web console reacts to. */
import type { AccessDecision } from '../../domain/access/can.js';
import { Problem } from '../http/problem.js';

export const authProblems = {
  invalidCredentials: () =>
    new Problem(401, 'INVALID_CREDENTIALS', { zh: '用户名或密码错误', en: 'Wrong username or password' }),
  accountLocked: (lockedUntil: string) =>
    new Problem(
      423,
      'ACCOUNT_LOCKED',
      { zh: '连续登录失败次数过多，账号已锁定，请稍后再试或联系安全管理员', en: 'Too many failed logins: the account is locked; try later or ask the security administrator' },
      [],
      { lockedUntil },
    ),
  sessionExpired: () =>
    new Problem(401, 'SESSION_EXPIRED', { zh: '会话已超时，请重新登录', en: 'Your session has expired; please log in again' }),
  invalidApiKey: () =>
    new Problem(401, 'INVALID_API_KEY', { zh: 'API 密钥无效或已吊销', en: 'The API key is invalid or revoked' }),
  forbidden: (decision: AccessDecision) =>
    new Problem(403, 'FORBIDDEN', decision.reason, [], { permission: decision.permission, reason: decision.code }),
  selfChange: () =>
    new Problem(403, 'SELF_CHANGE_FORBIDDEN', {
      zh: '不能修改自己账号的角色、范围或启用状态，请由另一位管理员操作',
      en: 'You cannot change the role, scope or active state of your own account; ask another administrator',
    }),
};
