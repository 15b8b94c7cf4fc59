/**
 * Requests for every operation of an OpenAPI document, generated with fast-check from the
 * operation's own parameter and body schemas: valid values, boundary values and hostile ones (NUL
 * and control characters, huge and negative numbers, odd id spellings, wrong types, missing and
 * extra fields, null bodies, long and deep values, invalid JSON, unicode). Each request says
 * whether it conforms to the document, judged by a small JSON Schema check, so a test can demand
 * a 400 for every request the document does not allow. Nothing here knows this service's routes:
 * a new route is fuzzed as soon as the document describes it.
 */
import fc from 'fast-check';

/** JSON Schema as OpenAPI 3.0 and 3.1 documents use it (the subset this service's document uses, and a little more). */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly nullable?: boolean;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean | number;
  readonly exclusiveMaximum?: boolean | number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly $ref?: string;
}

interface ParameterObject {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: JsonSchema;
  readonly $ref?: string;
}

interface OperationObject {
  readonly operationId?: string;
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: { readonly required?: boolean; readonly content?: Readonly<Record<string, { readonly schema?: JsonSchema }>>; readonly $ref?: string };
  readonly security?: readonly unknown[];
}

/** The parts of an OpenAPI document the fuzzer reads. */
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, JsonSchema>>; readonly parameters?: Readonly<Record<string, ParameterObject>>; readonly requestBodies?: Readonly<Record<string, unknown>> };
  readonly security?: readonly unknown[];
}

/** One parameter of an operation, its schema resolved. */
export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One operation, everything resolved. */
export interface Operation {
  /** `POST /api/v1/tickets/{id}/take`. */
  readonly name: string;
  readonly method: string;
  readonly path: string;
  /** The document says it needs no credentials (`security: []`). */
  readonly public: boolean;
  readonly parameters: readonly Parameter[];
  readonly body: { readonly required: boolean; readonly schema: JsonSchema } | null;
}

/** Whether a value conforms to a schema: 'unsure' where JSON Schema and the service may fairly differ (string length in code points or UTF-16 units, integers beyond 2^53). */
export type Verdict = 'valid' | 'invalid' | 'unsure';

/** One generated request. */
export interface FuzzRequest {
  readonly operation: string;
  readonly method: string;
  /** Path and query, already encoded for the wire. */
  readonly url: string;
  readonly body: { readonly text: string; readonly contentType: string } | null;
  /** Whether the document allows this request. */
  readonly conforms: Verdict;
  /** Whether some text of the request carries a NUL character (U+0000). */
  readonly hasNul: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function resolveRef<T>(doc: OpenApiDocument, ref: string): T {
  const parts = ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return node as T;
}

/** The schema with every $ref replaced by its target (depth-limited, for recursive schemas). */
export function inlineRefs(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 20) return {};
  const s = schema.$ref !== undefined ? resolveRef<JsonSchema>(doc, schema.$ref) : schema;
  const next = (x: JsonSchema): JsonSchema => inlineRefs(doc, x, depth + 1);
  return {
    ...s,
    ...(s.properties !== undefined ? { properties: Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, next(v)])) } : {}),
    ...(s.items !== undefined ? { items: next(s.items) } : {}),
    ...(typeof s.additionalProperties === 'object' ? { additionalProperties: next(s.additionalProperties) } : {}),
    ...(s.anyOf !== undefined ? { anyOf: s.anyOf.map(next) } : {}),
    ...(s.oneOf !== undefined ? { oneOf: s.oneOf.map(next) } : {}),
    ...(s.allOf !== undefined ? { allOf: s.allOf.map(next) } : {}),
  };
}

/** Every operation of the document. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    const shared = (item.parameters ?? []) as readonly ParameterObject[];
    for (const method of METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (op === undefined) continue;
      const params = [...shared, ...(op.parameters ?? [])]
        .map((p) => (p.$ref !== undefined ? resolveRef<ParameterObject>(doc, p.$ref) : p))
        .filter((p): p is ParameterObject & { in: 'path' | 'query' } => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in, required: p.required === true || p.in === 'path', schema: inlineRefs(doc, p.schema ?? {}) }));
      const requestBody = op.requestBody?.$ref !== undefined ? resolveRef<NonNullable<OperationObject['requestBody']>>(doc, op.requestBody.$ref) : op.requestBody;
      const json = requestBody?.content?.['application/json']?.schema;
      const security = op.security ?? doc.security ?? [];
      out.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        public: security.length === 0,
        parameters: params,
        body: requestBody === undefined ? null : { required: requestBody.required === true, schema: inlineRefs(doc, json ?? {}) },
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- conformance

const typesOf = (s: JsonSchema): readonly string[] | undefined => (s.type === undefined ? undefined : typeof s.type === 'string' ? [s.type] : s.type);

function hasType(type: string, v: unknown): boolean {
  switch (type) {
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'null':
      return v === null;
    default:
      return true;
  }
}

function all(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('invalid')) return 'invalid';
  if (verdicts.includes('unsure')) return 'unsure';
  return 'valid';
}

function any(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('valid')) return 'valid';
  if (verdicts.includes('unsure')) return 'unsure';
  return 'invalid';
}

/** Both length counts agree: valid or invalid; they disagree: unsure. */
function lengthVerdict(ok: (n: number) => boolean, s: string): Verdict {
  const a = ok([...s].length);
  const b = ok(s.length);
  return a && b ? 'valid' : !a && !b ? 'invalid' : 'unsure';
}

function lowerBound(s: JsonSchema): { value: number; exclusive: boolean } | null {
  if (typeof s.exclusiveMinimum === 'number') return { value: s.exclusiveMinimum, exclusive: true };
  if (s.minimum !== undefined) return { value: s.minimum, exclusive: s.exclusiveMinimum === true };
  return null;
}

function upperBound(s: JsonSchema): { value: number; exclusive: boolean } | null {
  if (typeof s.exclusiveMaximum === 'number') return { value: s.exclusiveMaximum, exclusive: true };
  if (s.maximum !== undefined) return { value: s.maximum, exclusive: s.exclusiveMaximum === true };
  return null;
}

/** Whether `v` conforms to `s`. */
export function conforms(s: JsonSchema, v: unknown): Verdict {
  const parts: Verdict[] = [];
  if (s.allOf !== undefined) parts.push(all(s.allOf.map((x) => conforms(x, v))));
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives !== undefined) parts.push(any(alternatives.map((x) => conforms(x, v))));
  if (v === null && s.nullable === true) return 'valid';
  if ('const' in s && s.const !== v) return 'invalid';
  if (s.enum !== undefined && !s.enum.includes(v)) return 'invalid';
  const types = typesOf(s);
  if (types !== undefined && !types.some((t) => hasType(t, v))) return 'invalid';
  if (typeof v === 'string') {
    if (s.minLength !== undefined) parts.push(lengthVerdict((n) => n >= (s.minLength ?? 0), v));
    if (s.maxLength !== undefined) parts.push(lengthVerdict((n) => n <= (s.maxLength ?? Infinity), v));
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) return 'invalid';
  }
  if (typeof v === 'number') {
    const lo = lowerBound(s);
    const hi = upperBound(s);
    if (lo !== null && (lo.exclusive ? v <= lo.value : v < lo.value)) return 'invalid';
    if (hi !== null && (hi.exclusive ? v >= hi.value : v > hi.value)) return 'invalid';
    // Beyond 2^53 a JSON number no longer names one integer; parsers may fairly differ.
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) parts.push('unsure');
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) return 'invalid';
    if (s.maxItems !== undefined && v.length > s.maxItems) return 'invalid';
    if (s.items !== undefined) parts.push(all(v.map((x) => conforms(s.items as JsonSchema, x))));
  } else if (typeof v === 'object' && v !== null) {
    const record = v as Record<string, unknown>;
    for (const key of s.required ?? []) if (!Object.hasOwn(record, key)) return 'invalid';
    for (const [key, value] of Object.entries(record)) {
      const property = s.properties?.[key];
      if (property !== undefined) parts.push(conforms(property, value));
      else if (s.additionalProperties === false) return 'invalid';
      else if (typeof s.additionalProperties === 'object') parts.push(conforms(s.additionalProperties, value));
    }
  }
  return all(parts);
}

const CANONICAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;
const CANONICAL_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** Whether a parameter's decoded wire text conforms: numbers must be spelled canonically (decimal, no sign, padding, exponent or spaces). */
export function parameterConforms(s: JsonSchema, text: string): Verdict {
  const types = typesOf(s) ?? [];
  if (s.enum !== undefined) return s.enum.map(String).includes(text) ? 'valid' : 'invalid';
  if (types.includes('integer')) {
    if (!CANONICAL_INTEGER.test(text)) return 'invalid';
    const n = BigInt(text);
    const lo = lowerBound(s);
    const hi = upperBound(s);
    if (lo !== null && (lo.exclusive ? n <= BigInt(Math.floor(lo.value)) : n < BigInt(Math.ceil(lo.value)))) return 'invalid';
    if (hi !== null && (hi.exclusive ? n >= BigInt(Math.ceil(hi.value)) : n > BigInt(Math.floor(hi.value)))) return 'invalid';
    return Number.isSafeInteger(Number(text)) ? 'valid' : 'unsure';
  }
  if (types.includes('number')) return CANONICAL_NUMBER.test(text) && text !== '-0' ? conforms(s, Number(text)) : 'invalid';
  if (types.includes('boolean')) return text === 'true' || text === 'false' ? 'valid' : 'invalid';
  return conforms(s, text);
}

// ---------------------------------------------------------------- values

const WORDS = ['calls', 'drop', 'after', 'ten', 'seconds', 'dialer', 'stopped', 'since', 'morning', 'urgent', 'клієнт', 'звонки', 'queue', 'campaign', '4512'];

/** Hostile text: control characters, NUL, direction overrides, lone surrogates, markup, SQL, long numbers, paths. */
const HOSTILE_TEXT: readonly string[] = [
  '\u0000', 'a\u0000b', 'Calls drop\u0000', '\u0001\u0002\u0003\u001f\u007f', '\u0008\u000b\u000c', '\t\n\r', ' ', '   \n ',
  '\u202eevil\u202c', '\u200b', '\ufeff', '\ud800', '\udfff', 'a\ud83d', '😀👩‍👩‍👧‍👦', 'Ω≈ç√∫', '𝕳𝖊𝖑𝖑𝖔', 'ﷺ', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̯', '１２３',
  "'; drop table tickets; --", '" or 1=1 --', '\\', '\\u0000', '%00', '%s%n%x', '${jndi:ldap://x}', '{{7*7}}', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  '380441234567', '#2147483648', '2147483648', '9007199254740993', '99999999999999999999999999', '-1', '0', '1e3', '0x10', 'NaN', 'null', 'true', '[]', '{}',
  '../../../etc/passwd', '..\\..\\windows', 'C:\\con\\con', 'http://127.0.0.1:1/', 'a'.repeat(1000),
];

const WRONG_TYPES: readonly unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 31, '', 'text', '1', [], [1, 'a'], {}, { a: 1 }, { __proto__: null, constructor: 1 }];

function lowest(s: JsonSchema): number {
  const lo = lowerBound(s);
  if (lo === null) return -(2 ** 31);
  return lo.exclusive ? Math.floor(lo.value) + 1 : Math.ceil(lo.value);
}

function highest(s: JsonSchema): number {
  const hi = upperBound(s);
  if (hi === null) return 2 ** 31;
  return hi.exclusive ? Math.ceil(hi.value) - 1 : Math.floor(hi.value);
}

/** Integers a test database holds rows for (ids 1..25 exist or nearly), then the schema's edges. */
function validInteger(s: JsonSchema): fc.Arbitrary<number> {
  const lo = lowest(s);
  const hi = highest(s);
  const near = Math.max(lo, 1);
  return fc.oneof(
    { arbitrary: fc.integer({ min: near, max: Math.min(hi, near + 24) }), weight: 8 },
    { arbitrary: fc.constantFrom(lo, hi), weight: 1 },
    { arbitrary: fc.integer({ min: lo, max: Math.min(hi, Number.MAX_SAFE_INTEGER) }), weight: 1 },
  );
}

/** Numbers around every edge that matters: the schema's, 2^31 (int4), 2^32, 2^53 (doubles), the largest doubles. */
function hostileNumber(s: JsonSchema): fc.Arbitrary<number> {
  const lo = lowest(s);
  const hi = highest(s);
  return fc.constantFrom(lo - 1, hi + 1, -1, 0, -0, 0.5, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 32, -(2 ** 31) - 1, 2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1e308, Number.MIN_VALUE);
}

function validString(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 500;
  const sentence = fc
    .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 })
    .map((w) => w.join(' '))
    .filter((t) => t.length >= min && t.length <= max);
  return fc.oneof(
    { arbitrary: sentence, weight: 6 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 40) }).filter((t) => t.length <= max), weight: 2 },
    { arbitrary: fc.constantFrom('x'.repeat(Math.max(min, 1)), 'x'.repeat(max), `${'é'.repeat(Math.max(0, max - 1))}.`), weight: 1 },
  );
}

function hostileString(s: JsonSchema): fc.Arbitrary<string> {
  const max = s.maxLength ?? 500;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 6 },
    { arbitrary: fc.constantFrom('x'.repeat(max + 1), '😀'.repeat(max), 'y'.repeat(70_000)), weight: 1 },
    { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 20 }), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }), weight: 2 },
    { arbitrary: fc.tuple(validString(s), fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u2028')).map(([a, b]) => a + b), weight: 2 },
  );
}

/** Values the schema allows. */
export function validValue(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.enum !== undefined && s.enum.length > 0) return fc.constantFrom(...s.enum);
  if ('const' in s) return fc.constant(s.const);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives !== undefined && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => validValue(a, depth + 1)));
  const types = typesOf(s) ?? [];
  if (types.includes('object') || s.properties !== undefined) {
    const properties = s.properties ?? {};
    const model = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, validValue(v, depth + 1)]));
    return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) }) as fc.Arbitrary<unknown>;
  }
  if (types.includes('array')) return fc.array(validValue(s.items ?? {}, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
  if (types.includes('integer')) return validInteger(s);
  if (types.includes('number')) return fc.double({ min: lowest(s), max: highest(s), noNaN: true });
  if (types.includes('boolean')) return fc.boolean();
  if (types.includes('string')) return validString(s);
  if (types.includes('null')) return fc.constant(null);
  return depth > 2 ? fc.constant(1) : fc.jsonValue({ maxDepth: 2 });
}

/** Deeply nested JSON, as text (JSON.stringify would recurse). */
const deepText = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Values near or past the schema's edges, and of the wrong type. */
export function hostileValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const types = typesOf(s) ?? [];
  const own: fc.Arbitrary<unknown>[] = [];
  if (types.includes('integer') || types.includes('number')) own.push(hostileNumber(s));
  if (types.includes('string') || s.enum !== undefined) {
    own.push(hostileString(s));
    if (s.enum !== undefined) own.push(fc.constantFrom(...s.enum.filter((e): e is string => typeof e === 'string').flatMap((e) => [e.toUpperCase(), ` ${e}`, `${e}\u0000`, `${e}s`])));
  }
  const wrong = fc.oneof(fc.constantFrom(...WRONG_TYPES), fc.constant(JSON.parse(deepText(200)) as unknown));
  return own.length === 0 ? wrong : fc.oneof({ arbitrary: fc.oneof(...own), weight: 3 }, { arbitrary: wrong, weight: 1 });
}

/** Keys a strict object must refuse, some chosen to trip careless object handling. */
const EXTRA_KEYS = ['extra', '__proto__', 'constructor', 'prototype', 'toString', '', ' ', 'a\u0000b', 'id', 'status', 'x'.repeat(300)];

/** An object body: valid, valid with one field made hostile, a required field missing, or an extra field. */
function objectValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const valid = validValue(s) as fc.Arbitrary<Record<string, unknown>>;
  const keys = Object.keys(s.properties ?? {});
  const options: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: valid, weight: 10 }];
  if (keys.length > 0) {
    const hostileField = fc.constantFrom(...keys).chain((k) => fc.tuple(valid, fc.constant(k), hostileValue(s.properties?.[k] ?? {})));
    options.push({ arbitrary: hostileField.map(([v, k, h]) => ({ ...v, [k]: h })), weight: 5 });
  }
  if ((s.required ?? []).length > 0) {
    options.push({ arbitrary: fc.tuple(valid, fc.constantFrom(...(s.required ?? []))).map(([v, k]) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k))), weight: 1 });
  }
  // defineProperty, so "__proto__" becomes an own key, as JSON.parse makes it on the server.
  options.push({ arbitrary: fc.tuple(valid, fc.constantFrom(...EXTRA_KEYS), fc.jsonValue({ maxDepth: 1 })).map(([v, k, x]) => Object.defineProperty({ ...v }, k, { value: x, enumerable: true })), weight: 1 });
  return fc.oneof(...options);
}

// ---------------------------------------------------------------- requests

/** Texts that are not JSON, or JSON in odd shapes. */
const RAW_BODIES: readonly string[] = [
  '{', '{"a":', '{"a":1,}', "{'a':1}", 'nul', 'NaN', 'undefined', '[1,2', '\u0000', '{"a":"\u0000"}', '"\\ud800"', '{"a":1}{"b":2}', '\ufeff{}',
  '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', `{"x":${deepText(20_000)}}`, deepText(100_000).slice(0, 50_000),
  '1e999', '-', '{"a":1e999}', '\u001f', '  ',
];

interface Piece {
  readonly text: string;
  readonly conforms: Verdict;
  readonly hasNul: boolean;
}

const NUL = '\u0000';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(containsNul);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => k.includes(NUL) || containsNul(v));
  return false;
}

/** encodeURIComponent, which throws on lone surrogates: those are sent as the raw bytes of their UTF-8 form. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text].map((ch) => (ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

function decoded(wire: string): string | null {
  try {
    return decodeURIComponent(wire);
  } catch {
    return null;
  }
}

const wirePiece = (schema: JsonSchema, wire: string): Piece => {
  const text = decoded(wire);
  return text === null ? { text: wire, conforms: 'invalid', hasNul: false } : { text: wire, conforms: parameterConforms(schema, text), hasNul: text.includes(NUL) };
};

/** Ways to spell a number on the wire that are not its canonical decimal. */
const oddSpellings = (n: number): string[] => [
  `0x${n.toString(16)}`, `${n}e0`, '1e3', `+${n}`, `%2B${n}`, `%20%20${n}`, `${n}%20`, `000000000${n}`, `${n}.0`, '-0', '-1', '0', `${n}%00`, '%00',
  `0b${n.toString(2)}`, `0o${n.toString(8)}`, '2147483647', '2147483648', '4294967296', '9007199254740991', '9007199254740992', '9007199254740993',
  '99999999999999999999', '1.5', 'Infinity', 'NaN', 'null', 'abc', `${n}abc`, '1_000', '%D9%A1', '%EF%BC%91', '%F0%9F%98%80', '%zz', `${n};1`, `${n},2`,
];

function parameterPiece(p: Parameter): fc.Arbitrary<Piece> {
  const types = typesOf(p.schema) ?? [];
  const numeric = types.includes('integer') || types.includes('number');
  const valid = validValue(p.schema).map((v) => wirePiece(p.schema, encode(String(v))));
  const hostile = numeric
    ? fc.tuple(validInteger(p.schema), fc.nat()).map(([n, i]) => {
        const spellings = oddSpellings(n);
        return wirePiece(p.schema, spellings[i % spellings.length] as string);
      })
    : hostileValue(p.schema).map((v) => wirePiece(p.schema, encode(typeof v === 'string' ? v : JSON.stringify(v) ?? '')));
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: hostile, weight: 1 });
}

function queryPiece(params: readonly Parameter[]): fc.Arbitrary<Piece> {
  const each = params.map((p) =>
    fc.oneof(
      { arbitrary: fc.constant(null), weight: p.required ? 0 : 4 },
      { arbitrary: parameterPiece(p).map((v) => ({ ...v, text: `${encode(p.name)}=${v.text}` })), weight: 3 },
    ),
  );
  // An unknown or repeated key: the document does not say whether it is refused.
  const odd = fc.constantFrom('extra=1', `${params[0]?.name ?? 'x'}=a&${params[0]?.name ?? 'x'}=b`, 'token=abc', '%00=1', 'a[b]=1', '__proto__[x]=1');
  return fc.tuple(fc.tuple(...each), fc.oneof({ arbitrary: fc.constant(null), weight: 8 }, { arbitrary: odd, weight: 1 })).map(([pieces, extra]) => {
    const present = pieces.filter((x): x is Piece => x !== null);
    const missing = params.some((p, i) => p.required && pieces[i] === null);
    const texts = [...present.map((x) => x.text), ...(extra === null ? [] : [extra])];
    return {
      text: texts.length === 0 ? '' : `?${texts.join('&')}`,
      conforms: missing ? 'invalid' : extra === null ? all(present.map((x) => x.conforms)) : all([...present.map((x) => x.conforms), 'unsure']),
      hasNul: present.some((x) => x.hasNul) || (extra?.includes('%00') ?? false),
    };
  });
}

type Body = FuzzRequest['body'];

function bodyPiece(body: Operation['body'], method: string): fc.Arbitrary<{ body: Body; conforms: Verdict; hasNul: boolean }> {
  const none = { body: null, conforms: 'valid' as Verdict, hasNul: false };
  if (method === 'GET' || method === 'HEAD') return fc.constant(none);
  // Judged as the service will read it: what JSON.stringify dropped or changed (undefined, -0) is judged as sent.
  const json = (value: unknown, contentType = 'application/json') => {
    const text = JSON.stringify(value);
    const sent: unknown = JSON.parse(text);
    return { body: { text, contentType }, conforms: body === null ? ('unsure' as Verdict) : conforms(body.schema, sent), hasNul: containsNul(sent) };
  };
  if (body === null) {
    // The document describes no body; one sent anyway must not hurt.
    return fc.oneof({ arbitrary: fc.constant(none), weight: 8 }, { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => json(v)), weight: 1 });
  }
  // An empty body: the document requires one; where `{}` would do, the service may read none as "no options".
  const empty = { body: null, conforms: (!body.required ? 'valid' : conforms(body.schema, {}) === 'invalid' ? 'invalid' : 'unsure') as Verdict, hasNul: false };
  return fc.oneof(
    { arbitrary: objectValue(body.schema).map((v) => json(v)), weight: 14 },
    { arbitrary: fc.constant(empty), weight: 1 },
    { arbitrary: fc.constant(json(null)), weight: 1 },
    { arbitrary: fc.constantFrom(...WRONG_TYPES).map((v) => json(v)), weight: 1 },
    { arbitrary: fc.constantFrom(...RAW_BODIES).map((text) => ({ body: { text, contentType: 'application/json' }, conforms: rawVerdict(body.schema, text), hasNul: text.includes(NUL) })), weight: 2 },
    // JSON sent as another media type: every body is JSON, so this is bad input.
    { arbitrary: fc.tuple(validValue(body.schema), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml')).map(([v, ct]) => ({ ...json(v, ct), conforms: 'invalid' as Verdict })), weight: 1 },
  );
}

function rawVerdict(schema: JsonSchema, text: string): Verdict {
  try {
    const value: unknown = JSON.parse(text);
    return text.trim() === '' ? 'unsure' : conforms(schema, value);
  } catch {
    return text.trim() === '' ? 'unsure' : 'invalid';
  }
}

/** Requests for one operation. */
export function requestsFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const path = fc.tuple(...pathParams.map(parameterPiece)).map((pieces) => {
    let url = op.path;
    pathParams.forEach((p, i) => {
      url = url.replace(`{${p.name}}`, (pieces[i] as Piece).text);
    });
    return { text: url, conforms: all(pieces.map((x) => x.conforms)), hasNul: pieces.some((x) => x.hasNul) };
  });
  const query = queryParams.length === 0 ? fc.constant<Piece>({ text: '', conforms: 'valid', hasNul: false }) : queryPiece(queryParams);
  return fc.tuple(path, query, bodyPiece(op.body, op.method)).map(([p, q, b]) => ({
    operation: op.name,
    method: op.method,
    url: p.text + q.text,
    body: b.body,
    conforms: all([p.conforms, q.conforms, b.conforms]),
    hasNul: p.hasNul || q.hasNul || b.hasNul,
  }));
}

/** Requests for every operation, each operation equally likely. */
export function requestsForAll(ops: readonly Operation[]): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...ops.map(requestsFor));
}
