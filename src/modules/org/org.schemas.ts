import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

export const username = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, . _ -');
const phone = z
  .string()
  .regex(/^\+?[0-9\- ]{5,20}$/)
  .nullable();

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  branchId: z.uuid().nullable(),
  merchantId: z.uuid().nullable(),
  locale: z.string(),
  roleCodes: z.array(z.string()),
  warehouseIds: z.array(z.string()),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});

export const createUserBody = z.strictObject({
  username,
  displayName: z.string().trim().min(1).max(80),
  password: z.string().min(1).max(200),
  email: z.email().max(200).nullable().optional(),
  phone: phone.optional(),
  departmentId: z.uuid().nullable().optional(),
  branchId: z.uuid().nullable().optional(),
  merchantId: z.uuid().nullable().optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
  roleCodes: z.array(z.string().min(1).max(60)).max(20),
  warehouseIds: z.array(z.uuid()).max(200).optional(),
});

export const patchUserBody = createUserBody
  .omit({ username: true, password: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: z.number().int().min(1).optional() })
  .strict();

export const roleSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  departmentCode: z.string().nullable(),
  warehouseScoped: z.boolean(),
  merchantPortal: z.boolean(),
  system: z.boolean(),
  permissions: z.array(z.string()),
});

export const roleBody = z.strictObject({
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(80),
  permissions: z.array(z.string().min(1).max(80)).max(500),
});

export const createRoleBody = roleBody
  .extend({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    departmentCode: z
      .enum(['logistics', 'warehouse', 'transport', 'service', 'it', 'quality'])
      .nullable()
      .optional(),
    warehouseScoped: z.boolean().optional(),
    merchantPortal: z.boolean().optional(),
  })
  .strict();

export const namedRef = z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: z.string(),
  department: namedRef.nullable(),
  branch: namedRef.nullable(),
  merchant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  roles: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  permissions: z.array(z.string()),
  warehouseIds: z.union([z.array(z.string()), z.literal('all')]),
  mustChangePassword: z.boolean(),
});

export const merchantSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
});

export const merchantBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,29}$/),
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional(),
  contactName: z.string().trim().max(60).nullable().optional(),
  contactPhone: phone.optional(),
  active: z.boolean().optional(),
});

export const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  permissions: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const tokenBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  permissions: z.array(z.string().min(1).max(80)).min(1).max(200),
  expiresAt: z.iso.datetime().nullable().optional(),
});

export const okSchema = z.object({ ok: z.literal(true) });
