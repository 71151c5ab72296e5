import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';
import type { StaffRole } from '../feedback/lifecycle.js';
import type { StaffSession } from '../feedback/staff.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by `requireStaff`. */
    staff?: StaffSession;
  }
}

/** Anything that turns a bearer token into a staff session (the FeedbackDesk does). */
export interface StaffAuthenticator {
  authenticate(token: string): Promise<StaffSession | null>;
}

export class UnauthorizedError extends AppError {
  constructor() {
    super('unauthorized', 'missing or invalid staff token', 'Bạn cần đăng nhập bằng tài khoản cán bộ (phiên đăng nhập không hợp lệ hoặc đã hết hạn).', 401);
  }
}

export class ForbiddenRoleError extends AppError {
  constructor(role: StaffRole) {
    super('forbidden', `requires role ${role}`, 'Tài khoản của bạn không có quyền thực hiện thao tác này.', 403);
  }
}

/**
 * A preHandler for staff routes: 401 without a valid, unexpired bearer token; 403 when the role
 * is below `role` (admin may do everything a reviewer may). Sets `req.staff`.
 * Usage: `app.get('/api/staff/x', { preHandler: requireStaff(desk, 'admin') }, handler)`.
 */
export function requireStaff(auth: StaffAuthenticator, role: StaffRole = 'reviewer'): preHandlerAsyncHookHandler {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const session = match ? await auth.authenticate(match[1]) : null;
    if (!session) {
      void reply.header('WWW-Authenticate', 'Bearer');
      throw new UnauthorizedError();
    }
    if (role === 'admin' && session.role !== 'admin') throw new ForbiddenRoleError(role);
    req.staff = session;
  };
}
