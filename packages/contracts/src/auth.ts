import { z } from 'zod';
import { idSchema } from './common.js';

/** The users table's CHECKs hold these too (migration 1700000000000). */
export const MAX_USER_NAME_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;
/** A signed HS256 JWT of this API is about 200 characters (a few claims); this bound leaves room for more. */
export const MAX_TOKEN_LENGTH = 1024;

const utf8Length = (value: string) => new TextEncoder().encode(value).length;

/** bcrypt reads at most 72 bytes, so a longer password would be silently truncated: refused everywhere. */
export const MAX_PASSWORD_BYTES = 72;
const withinBcryptLimit = (value: string) => utf8Length(value) <= MAX_PASSWORD_BYTES;
const tooLong = {
  message:
    `Password is too long: at most ${MAX_PASSWORD_BYTES} bytes, which is ${MAX_PASSWORD_BYTES} plain letters ` +
    '(a letter with an accent takes 2, an emoji 4)',
};
/** The minimum counts characters as people do: "é" or an emoji is one (a string's length counts UTF-16 units). */
export const MIN_PASSWORD_CHARACTERS = 8;
const characterCount = (value: string) => [...value].length;

export const passwordSchema = z
  .string()
  // A string of at most 72 UTF-8 bytes has at most 72 UTF-16 units, so this only states the bound for the document.
  .max(MAX_PASSWORD_BYTES, { ...tooLong, abort: true })
  .refine((value) => characterCount(value) >= MIN_PASSWORD_CHARACTERS, {
    message: `Password must be at least ${MIN_PASSWORD_CHARACTERS} characters long`,
  })
  .refine(withinBcryptLimit, tooLong);

export const emailSchema = z
  .string()
  .trim()
  .max(MAX_EMAIL_LENGTH)
  .pipe(z.email({ message: 'Enter a valid email address' }))
  .meta({ format: 'email' });

export const roleSchema = z.enum(['admin', 'user']);
export type Role = z.infer<typeof roleSchema>;

export const registerRequestSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Name is required')
      .max(MAX_USER_NAME_LENGTH, `Name is at most ${MAX_USER_NAME_LENGTH} characters`),
    email: emailSchema,
    password: passwordSchema,
  })
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const loginRequestSchema = z
  .object({
    email: z.string().trim().min(1, 'Email is required').max(MAX_EMAIL_LENGTH),
    // Refused, not truncated: with bcrypt, "72 bytes + anything" would otherwise sign in as the first 72.
    password: z.string().min(1, 'Password is required').max(1024).refine(withinBcryptLimit, tooLong),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z
  .object({
    id: idSchema,
    name: z.string().max(MAX_USER_NAME_LENGTH),
    email: z.string().max(MAX_EMAIL_LENGTH),
    role: roleSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const authResponseSchema = z
  .object({
    // Opaque to clients (it is a JWT today), so the contract bounds its length but not its form.
    token: z.string().max(MAX_TOKEN_LENGTH),
    user: userSchema,
  })
  .meta({ id: 'AuthResponse' });
export type AuthResponse = z.infer<typeof authResponseSchema>;

export const meResponseSchema = z.object({ user: userSchema }).meta({ id: 'MeResponse' });
export type MeResponse = z.infer<typeof meResponseSchema>;
