import { Ajv, type ErrorObject } from 'ajv';
import type { FastifyInstance } from 'fastify';

/**
 * Request validation for the feedback and staff routes. Bodies are checked without type
 * coercion (a number where text is expected, or "true" for `consent`, is an error, not a guess);
 * query strings and params are coerced, since everything there arrives as text. Messages are
 * Vietnamese, because they reach citizens and staff as they are.
 */
const strict = new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
const coercing = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: false, strict: false });

const typeNames: Record<string, string> = {
  string: 'văn bản', boolean: 'true hoặc false', integer: 'số nguyên', number: 'số', object: 'đối tượng JSON', array: 'danh sách',
};

const thousands = (n: number) => n.toLocaleString('de-DE');

/** One ajv error in plain Vietnamese. */
export function vietnameseError(e: ErrorObject): string {
  const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `thiếu trường bắt buộc "${String(p.missingProperty)}"`;
    case 'additionalProperties': return `không chấp nhận trường "${String(p.additionalProperty)}"`;
    case 'type': return `trường "${field || 'dữ liệu'}" phải là ${typeNames[String(p.type)] ?? String(p.type)}`;
    case 'maxLength': return `trường "${field}" quá dài (tối đa ${thousands(Number(p.limit))} ký tự)`;
    case 'minLength': return `trường "${field}" không được để trống`;
    case 'const': return field === 'consent'
      ? 'cần sự đồng ý của bạn về việc xử lý dữ liệu cá nhân ("consent": true)'
      : `trường "${field}" không hợp lệ`;
    case 'anyOf': return 'cần số điện thoại hoặc địa chỉ email để trả lời bạn';
    case 'enum': return `trường "${field}" chỉ nhận một trong các giá trị: ${(p.allowedValues as unknown[]).join(', ')}`;
    case 'pattern': case 'format': return `trường "${field}" không đúng định dạng`;
    case 'minimum': case 'maximum': return `trường "${field}" nằm ngoài khoảng cho phép`;
    default: return `trường "${field || 'dữ liệu'}" không hợp lệ`;
  }
}

/** Install strict validation and Vietnamese messages on this plugin's routes. */
export function useStrictSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  app.setSchemaErrorFormatter((errors) => {
    // A failed anyOf (phone or e-mail) reports its branches first; the anyOf itself says it best.
    const error = errors.find((e) => e.keyword === 'anyOf') ?? errors[0];
    return new Error(error ? vietnameseError(error) : 'dữ liệu không hợp lệ');
  });
}
