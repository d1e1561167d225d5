import type { Role } from '@holdfast/contracts';

/** Who is calling, as a verified bearer token says; the auth module's guards set it on the request. */
export interface AuthUser {
  userId: number;
  role: Role;
}

declare global {
  // Express's own typings declare Request in this namespace; merging into it is the supported way.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      auth?: AuthUser;
    }
  }
}
