import { z } from 'zod';

/**
 * The canonical procedure record (CONTRACTS.md §2). The schema is declared once;
 * the TypeScript type is inferred from it, and the loader, importers and API all use it.
 */
export const channelSchema = z.enum(['truc_tiep', 'truc_tuyen', 'buu_chinh']);
export type Channel = z.infer<typeof channelSchema>;

export const durationUnitSchema = z.enum(['ngày làm việc', 'ngày', 'giờ', 'tháng']);

export const durationSchema = z.object({
  value: z.number().positive(),
  unit: durationUnitSchema,
});
export type Duration = z.infer<typeof durationSchema>;

export const feeSchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.enum(['VND', 'USD']),
  per: z.string().min(1).nullable(),
  label: z.string().min(1).nullable(),
});
export type Fee = z.infer<typeof feeSchema>;

export const methodSchema = z.object({
  channel: channelSchema,
  duration: durationSchema.nullable(),
  fees: z.array(feeSchema),
  note: z.string().min(1).nullable(),
});
export type Method = z.infer<typeof methodSchema>;

export const paperSchema = z.object({
  name: z.string().min(1),
  original: z.number().int().nonnegative(),
  copies: z.number().int().nonnegative(),
  template: z.string().min(1).nullable(),
  group: z.string().min(1).nullable(),
});
export type Paper = z.infer<typeof paperSchema>;

export const legalBasisSchema = z.object({
  code: z.string().min(1),
  title: z.string(),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const procedureCodeSchema = z.string().regex(/^\d{1,2}\.\d{6}$/, 'mã thủ tục phải có dạng 1.004222');

export const procedureSchema = z.object({
  code: procedureCodeSchema,
  name: z.string().min(1),
  field: z.string().min(1).nullable(),
  levels: z.array(z.string().min(1)),
  agencies: z.array(z.string().min(1)),
  audience: z.array(z.string().min(1)),
  steps: z.array(z.string().min(1)),
  methods: z.array(methodSchema),
  papers: z.array(paperSchema),
  requirements: z.array(z.string().min(1)),
  results: z.array(z.string().min(1)),
  legalBases: z.array(legalBasisSchema),
  source: z.object({
    url: z.string().url(),
    decision: z.string().min(1).nullable(),
    retrievedAt: z.string().min(1),
  }),
});
export type Procedure = z.infer<typeof procedureSchema>;
