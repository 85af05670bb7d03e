import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type ValueError, ValueErrorType } from '@sinclair/typebox/compiler';
import type { FastifySchemaCompiler, FastifySchemaValidationError, FastifyServerOptions } from 'fastify';

type SchemaErrorFormatter = NonNullable<FastifyServerOptions['schemaErrorFormatter']>;

/** Enough reasons to fix a request by; a 10,000-trade batch of bad rows is not listed in full. */
const MAX_REASONS = 10;

/**
 * A validator compiler for routes whose contract is exact (the market push
 * API): TypeBox's own compiler, which checks and never changes the body.
 * Fastify's default Ajv setup coerces types (`"100"` and `true` became a
 * volume, `88` a price string) and silently drops unknown fields, which is
 * right for forms and wrong for a feed: a feed that sends the wrong type or
 * a misspelt field must hear so. Each reason names its field in its path
 * (`/trades/0/volume`), as the error handler expects.
 */
export const strictBodyValidator: FastifySchemaCompiler<TSchema> = ({ schema }) => {
  const check = TypeCompiler.Compile(schema);
  return (value: unknown) => {
    if (check.Check(value)) return { value };
    const reasons: FastifySchemaValidationError[] = [];
    const named = new Set<string>();
    for (const error of check.Errors(value)) {
      // One reason a field: a missing price is also "not a string", which says nothing more.
      if (named.has(error.path)) continue;
      named.add(error.path);
      reasons.push(reasonOf(error));
      if (reasons.length >= MAX_REASONS) break;
    }
    return { error: reasons };
  };
};

/** One sentence for the whole request, naming each field: "trades.0.volume must be a JSON integer; …". */
export const strictBodyErrors: SchemaErrorFormatter = (errors, dataVar) => {
  const listed = errors.map((error) => `${fieldOf(error.instancePath, dataVar)} ${error.message ?? 'is not valid'}`);
  return new Error(`The ${dataVar === 'body' ? 'request body' : dataVar} breaks the schema: ${listed.join('; ')}.`);
};

function fieldOf(instancePath: string, dataVar: string): string {
  return instancePath.replace(/^\//, '').replaceAll('/', '.') || dataVar;
}

function reasonOf(error: ValueError): FastifySchemaValidationError {
  return {
    keyword: ValueErrorType[error.type] ?? 'invalid',
    instancePath: error.path,
    schemaPath: '',
    params: {},
    message: sentence(error),
  };
}

function sentence(error: ValueError): string {
  const schema = error.schema as Record<string, unknown>;
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return 'is not a field of this request';
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.String:
      return 'must be a JSON string';
    case ValueErrorType.Integer:
      return 'must be a JSON integer (not text, not true or false)';
    case ValueErrorType.Number:
      return 'must be a JSON number';
    case ValueErrorType.Object:
      return 'must be a JSON object';
    case ValueErrorType.Array:
      return 'must be a JSON array';
    case ValueErrorType.StringPattern:
      return `must match ${String(schema.pattern)}`;
    case ValueErrorType.StringMinLength:
      return `must be at least ${String(schema.minLength)} characters`;
    case ValueErrorType.StringMaxLength:
      return `must be at most ${String(schema.maxLength)} characters`;
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return `must be at least ${String(schema.minimum)}`;
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return `must be at most ${String(schema.maximum)}`;
    case ValueErrorType.ArrayMinItems:
      return `must hold at least ${String(schema.minItems)} items`;
    case ValueErrorType.ArrayMaxItems:
      return `must hold at most ${String(schema.maxItems)} items`;
    case ValueErrorType.Union:
      return `must be one of ${choices(schema)}`;
    default:
      return error.message;
  }
}

/** The allowed values of a union of literals, `"interbank", "open"`; otherwise the union's count of shapes. */
function choices(schema: Record<string, unknown>): string {
  const members = Array.isArray(schema.anyOf) ? (schema.anyOf as Record<string, unknown>[]) : [];
  const constants = members.map((member) => member.const);
  if (constants.length > 0 && constants.every((value) => value !== undefined)) {
    return constants.map((value) => JSON.stringify(value)).join(', ');
  }
  return `the ${members.length} documented shapes`;
}
