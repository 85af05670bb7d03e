import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type ValueError, ValueErrorType } from '@sinclair/typebox/compiler';
import type { FastifySchema, FastifySchemaCompiler, FastifySchemaValidationError, FastifyServerOptions } from 'fastify';

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

/** The part of a body schema the unknown-field check reads: an object's own field names, an array's items. */
interface ShapeSchema {
  readonly type?: unknown;
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly additionalProperties?: unknown;
  readonly items?: unknown;
}

/**
 * The fields of `body` that a closed object schema does not name, each as its path (`['pages', '0', 'lable']`);
 * empty when the schema is open or not an object. Inside a closed body every object is judged closed too unless
 * its schema allows more fields itself, so a misspelt field of a page of the print layout is refused like a
 * misspelt top-level one; a union's branches, which cannot be told apart here, are left to the schema.
 */
export function unknownFields(schema: unknown, body: unknown): string[][] {
  if (typeof schema !== 'object' || schema === null) return [];
  if ((schema as ShapeSchema).additionalProperties !== false) return [];
  return fieldsOutside(schema as ShapeSchema, body, []);
}

function fieldsOutside(schema: ShapeSchema, value: unknown, path: readonly string[]): string[][] {
  if (schema.type === 'array') {
    if (!Array.isArray(value) || typeof schema.items !== 'object' || schema.items === null) return [];
    const items = schema.items as ShapeSchema;
    return value.flatMap((item, index) => fieldsOutside(items, item, [...path, String(index)]));
  }
  const open = schema.additionalProperties !== undefined && schema.additionalProperties !== false;
  if (schema.type !== 'object' || open || schema.properties === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const properties = schema.properties;
  return Object.entries(value).flatMap(([key, field]) => {
    const named = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (typeof named !== 'object' || named === null) return named === undefined ? [[...path, key]] : [];
    return fieldsOutside(named as ShapeSchema, field, [...path, key]);
  });
}

/**
 * A validator compiler that refuses, in a closed body schema, the fields it
 * does not name, and otherwise judges as `forms` does (Fastify's default,
 * which coerces types and drops unknown fields without a word). For the
 * newsroom's JSON API: a script that misspelt a field (`sharesOutstandng`)
 * was answered 200 while nothing changed. `closedBody(url)` says which
 * routes' bodies are checked; `forms` is read when a route is compiled,
 * when Fastify has set its own up. The refusal is an Error of its own, so
 * it keeps its sentence whatever the scope's error formatter says.
 */
export function unknownFieldsRefused(
  forms: () => FastifySchemaCompiler<FastifySchema> | undefined,
  closedBody: (url: string) => boolean,
): FastifySchemaCompiler<FastifySchema> {
  return (route) => {
    const compile = forms();
    if (compile === undefined) throw new Error(`no validator to judge ${route.method} ${route.url} by`);
    const validate = compile(route);
    if (route.httpPart !== 'body' || !closedBody(route.url)) return validate;
    return (value: unknown) => {
      const unknown = unknownFields(route.schema, value);
      if (unknown.length > 0) return { error: unknownFieldsError(unknown) };
      const judged = validate(value);
      // An Ajv validator answers false and leaves its reasons on itself, where Fastify would look on this wrapper.
      if (judged !== false) return judged;
      return { error: (validate as { errors?: FastifySchemaValidationError[] | null }).errors ?? [] };
    };
  };
}

function unknownFieldsError(unknown: readonly (readonly string[])[]): Error {
  const named = unknown.slice(0, MAX_REASONS);
  const validation: FastifySchemaValidationError[] = named.map((path) => ({
    keyword: 'additionalProperties',
    // As Ajv says it: the path of the object the field is in, and the field's name.
    instancePath: path
      .slice(0, -1)
      .map((part) => `/${part.replaceAll('~', '~0').replaceAll('/', '~1')}`)
      .join(''),
    schemaPath: '',
    params: { additionalProperty: path.at(-1) ?? '' },
    message: 'is not a field of this request',
  }));
  const names = named.map((path) => path.join('.'));
  return Object.assign(
    new Error(`Unknown field${names.length > 1 ? 's' : ''}: ${names.join(', ')}. Nothing was changed.`),
    { statusCode: 400, code: 'FST_ERR_VALIDATION', validation, validationContext: 'body' },
  );
}

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
