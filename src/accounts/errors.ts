import { DomainError } from '../shared/domainError.ts';

/** Wrong username or password (never says which). */
export class LoginFailedError extends DomainError {
  readonly code = 'auth.login_failed';
  readonly kind = 'unauthenticated';
  constructor() {
    super('用户名或密码不正确');
  }
}

/** No valid session. */
export class NotLoggedInError extends DomainError {
  readonly code = 'auth.not_logged_in';
  readonly kind = 'unauthenticated';
  constructor() {
    super('请先登录');
  }
}

/** A state-changing request without the session's CSRF token. */
export class CsrfError extends DomainError {
  readonly code = 'auth.csrf_failed';
  readonly kind = 'forbidden';
  constructor() {
    super('缺少或错误的 CSRF 令牌（请求头 x-csrf-token）', [{ path: 'header.x-csrf-token', rule: 'csrf', message: '应与登录时返回的 csrfToken 一致' }]);
  }
}

/** The user's roles do not allow the action, or the target lies outside the user's agency subtree. */
export class ForbiddenError extends DomainError {
  readonly code = 'auth.forbidden';
  readonly kind = 'forbidden';
}

export class UsernameTakenError extends DomainError {
  readonly code = 'user.username_taken';
  readonly kind = 'conflict';
  constructor(username: string) {
    super(`用户名「${username}」已被使用`, [{ path: 'username', rule: 'unique', message: '用户名已存在' }]);
  }
}

export class UserNotFoundError extends DomainError {
  readonly code = 'user.not_found';
  readonly kind = 'not-found';
  constructor(username: string) {
    super(`用户「${username}」不存在`, [{ path: 'username', rule: 'exists', message: '用户不存在' }]);
  }
}
