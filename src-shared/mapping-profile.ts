/**
 * A mapping profile: how one core system's export files become the standard layout. It is
 * what the Import screen edits, what the CLI's --profile / --mapping name, and what users
 * export and import as a JSON file, so its schema lives here, shared by both sides.
 */
import { z } from 'zod';
import { PRODUCT_FAMILIES } from './domain';
import { DATE_FORMATS, ENCODINGS, IMPORT_KINDS } from './import-vocabulary';

export {
  DATE_FORMATS,
  ENCODINGS,
  IMPORT_KINDS,
  matchesPattern,
  type DateFormat,
  type Encoding,
  type ImportKind,
} from './import-vocabulary';

const transform = z.discriminatedUnion('type', [
  z.object({ type: z.literal('date'), format: z.enum(DATE_FORMATS) }).strict(),
  z
    .object({
      type: z.literal('amount'),
      decimal: z.enum(['.', ',']).default('.'),
      /** A debit/credit indicator column: the amount is made negative where it holds a debit value. */
      sign: z
        .object({
          column: z.string().min(1).max(200),
          debit: z.array(z.string().max(50)).min(1).max(50),
          credit: z.array(z.string().max(50)).max(50).default([]),
        })
        .strict()
        .optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('lookup'),
      /** Core code → standard value, e.g. "PRIJEM" → "DEP". */
      map: z.record(z.string(), z.string()),
      default: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal('constant'), value: z.string() }).strict(),
  /** Text built from several columns: "Client {client_id}", "{bank_to} {account_to}". */
  z.object({ type: z.literal('template'), template: z.string().min(1).max(500) }).strict(),
  /**
   * A field derived from an encoded id: the Czech/Slovak birth number (YYMMDD, month + 50 for
   * women) gives the birth date and the gender.
   */
  z
    .object({
      type: z.literal('birth-number'),
      part: z.enum(['birth_date', 'gender']),
    })
    .strict(),
]);
export type FieldTransform = z.infer<typeof transform>;

const field = z
  .object({
    /** The column's name in the file's header (or its 1-based position when there is none). */
    column: z.string().min(1).max(200).optional(),
    /** Several columns read as one value, joined by "|": for lookups keyed on a combination. */
    columns: z.array(z.string().min(1).max(200)).min(2).max(10).optional(),
    transform: transform.optional(),
  })
  .strict()
  .refine(
    (f) =>
      f.column !== undefined ||
      f.columns !== undefined ||
      f.transform?.type === 'constant' ||
      f.transform?.type === 'template',
    { message: 'a field needs a source column, a constant or a template' },
  )
  .refine((f) => !(f.column !== undefined && f.columns !== undefined), {
    message: 'a field reads either column or columns, not both',
  });
export type FieldMapping = z.infer<typeof field>;

const fileMapping = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    /** File-name pattern, case-insensitive, with * and ? wildcards: "client.asc", "*trans*.csv". */
    match: z.string().min(1).max(200),
    format: z
      .object({
        encoding: z.enum(ENCODINGS).optional(),
        delimiter: z.string().length(1).optional(),
        quote: z.enum(['"', "'"]).nullable().optional(),
        header: z.boolean().optional(),
        /** A fixed-width file: each field's width in characters, left to right (no delimiter). */
        widths: z.array(z.number().int().min(1).max(10_000)).min(1).max(500).optional(),
      })
      .strict()
      .default({}),
    /** Standard-layout column → where its value comes from. */
    fields: z.record(z.string(), field),
  })
  .strict();
export type FileMapping = z.infer<typeof fileMapping>;

export const mappingProfileSchema = z
  .object({
    format: z.literal('mainstreet-mapping-profile'),
    version: z.literal(1),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
    title: z.string().min(1).max(200),
    description: z.string().max(2000).default(''),
    /** ISO 4217 code of the money in the files; the screens show amounts in it. Default USD. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    /** Products the core's files use but do not list: loaded before the files. */
    products: z
      .array(
        z
          .object({
            code: z.string().min(1).max(50),
            name: z.string().min(1).max(200),
            family: z.enum(PRODUCT_FAMILIES),
            interest_bearing: z.boolean().default(false),
          })
          .strict(),
      )
      .max(500)
      .optional(),
    files: z.array(fileMapping).min(1),
  })
  .strict();
export type MappingProfile = z.infer<typeof mappingProfileSchema>;
