import fc from 'fast-check';

/**
 * Text an attacker or a broken client sends (issue 16, fuzzing): markup, SQL, spreadsheet formulas,
 * Unicode that hides or forges what a reader sees, characters PostgreSQL refuses, and sheer size.
 */
export const HOSTILE_SAMPLES: readonly string[] = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "' OR '1'='1",
  "'; drop table persons; --",
  '1; select pg_sleep(10)',
  "') union select current_setting('samen.org_id') --",
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(A1:A9)',
  '\u202Egnp.exe', // right-to-left override
  'a\u200Bb\u200Cc\u200Dd\uFEFF', // zero-width characters and a BOM
  'e\u0301\u0301\u0301\u0301\u0301\u0301', // stacked combining marks
  'Z̸̡̢̛̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡',
  'раураl.com', // Cyrillic homoglyphs of "paypal"
  '\uD800', // lone high surrogate
  'x\uDC00y', // lone low surrogate
  'nul\u0000byte',
  'bell\u0007esc\u001b[31m',
  'del\u007f',
  'line\r\nbreak\ttab',
  '\u2028\u2029',
  '%00%0d%0a',
  '../../../etc/passwd',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '99999999999999999999999999999',
  'null',
  'undefined',
  'true',
  '',
  ' ',
  '\u00A0',
  '🏳️‍🌈👨‍👩‍👧‍👦',
  '𝕏𝕐ℤ',
  'Ω≈ç√∫',
];

/** Hostile text, sometimes repeated to a large size. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_SAMPLES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...HOSTILE_SAMPLES), fc.integer({ min: 200, max: 20_000 }))
      .map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length)))),
  },
);

/** Numbers that break naive code: huge, tiny, negative zero, beyond the safe integer range. */
export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e308,
  0.1 + 0.2,
];
export const hostileNumber: fc.Arbitrary<number> = fc.constantFrom(...HOSTILE_NUMBERS);

/** Any JSON value, nested deeply or not: what a wrongly typed field receives. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  hostileNumber,
  hostileString,
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.integer({ min: 50, max: 400 }).map((depth) => deepNest(depth)),
);

/** An object nested `depth` levels deep. */
export function deepNest(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}
