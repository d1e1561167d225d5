import { z } from 'zod';
import { idSchema } from './common.js';

const utf8Length = (value: string) => new TextEncoder().encode(value).length;

/** bcrypt reads at most 72 bytes, so a longer password would be silently truncated: refused everywhere. */
export const MAX_PASSWORD_BYTES = 72;
const withinBcryptLimit = (value: string) => utf8Length(value) <= MAX_PASSWORD_BYTES;
const tooLong = { message: `Password must be at most ${MAX_PASSWORD_BYTES} bytes long` };

export const passwordSchema = z
  .string()
  .refine((value) => utf8Length(value) >= 8, { message: 'Password must be at least 8 bytes long' })
  .refine(withinBcryptLimit, tooLong);

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address' }));

export const roleSchema = z.enum(['admin', 'user']);
export type Role = z.infer<typeof roleSchema>;

export const registerRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(100, 'Name is at most 100 characters'),
    email: emailSchema,
    password: passwordSchema,
  })
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const loginRequestSchema = z
  .object({
    email: z.string().trim().min(1, 'Email is required').max(254),
    // Refused, not truncated: with bcrypt, "72 bytes + anything" would otherwise sign in as the first 72.
    password: z.string().min(1, 'Password is required').max(1024).refine(withinBcryptLimit, tooLong),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    email: z.string(),
    role: roleSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const authResponseSchema = z.object({ token: z.string(), user: userSchema }).meta({ id: 'AuthResponse' });
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const meResponseSchema = z.object({ user: userSchema }).meta({ id: 'MeResponse' });
export type MeResponse = z.infer<typeof meResponseSchema>;
