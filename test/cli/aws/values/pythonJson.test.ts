import { describe, expect, it } from 'vitest'
import { parsePythonJson, PythonJsonError } from '../../../../src/cli/aws/values/index.ts'

// JSON as the CLI's bundled Python 3.13 reads it (fidelity §1.7). Every message below was produced by
// `python3.13 -c 'json.loads(...)'`; the CLI prints it as `Invalid JSON: <message>`.

const failure = (text: string): PythonJsonError => {
  try {
    parsePythonJson(text)
  } catch (error) {
    expect(error).toBeInstanceOf(PythonJsonError)
    return error as PythonJsonError
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`)
}

describe('JSON a learner types parses as Python reads it', () => {
  const cases: [string, string, unknown][] = [
    ['a container definition list', '[{"name":"web","image":"nginx","memory":512,"portMappings":[{"containerPort":80,"hostPort":0}]}]',
      [{ name: 'web', image: 'nginx', memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }]],
    ['whitespace around everything, floats, -0, literals', '  {"a" : [ 1 , 2.5e3 , -0 , true , false , null ] }  ',
      { a: [1, 2500, 0, true, false, null] }],
    ['NaN, Infinity and -Infinity are accepted', '[NaN, Infinity, -Infinity]', [NaN, Infinity, -Infinity]],
    ['a repeated key: the last value wins', '{"a":1,"b":2,"a":3}', { a: 3, b: 2 }],
    ['a surrogate-pair escape joins into one character', '"\\ud83d\\ude00"', '😀'],
    ['a lone surrogate escape stays as it is', '"\\ud800\\u0041"', '\ud800A'],
    ['every simple escape', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\/\b\f\n\r\t'],
    ['a big integer is accepted (as the nearest JS number)', '123456789012345678901234567890', Number('123456789012345678901234567890')],
    ['an exponent past the float range is infinity', '1E400', Infinity],
    ['empty containers', '[{}, [], {"": []}]', [{}, [], { '': [] }]],
    ['DEL and non-ASCII are fine inside strings', '"caf\u00e9 \u007f ☕"', 'café \u007f ☕'],
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    expect(parsePythonJson(text)).toEqual(expected)
  })

  it('keys keep the order they were written in (a repeated key keeps its first place)', () => {
    expect(Object.keys(parsePythonJson('{"b":1,"a":2,"c":3,"b":4}') as object)).toEqual(['b', 'a', 'c'])
  })

  it('a key named __proto__ is an ordinary key', () => {
    const parsed = parsePythonJson('{"__proto__": {"polluted": true}}') as Record<string, unknown>
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('JSON mistakes print Python 3.13\'s exact message', () => {
  const cases: [string, string, string][] = [
    ['a trailing comma before } (Python 3.13 points at the comma)', '[{"name":"a",}]',
      'Illegal trailing comma before end of object: line 1 column 13 (char 12)'],
    ['a trailing comma before ]', '["a","b",]', 'Illegal trailing comma before end of array: line 1 column 9 (char 8)'],
    ['a trailing comma with whitespace and newlines', '[\n  {"name": "web",}\n]',
      'Illegal trailing comma before end of object: line 2 column 17 (char 18)'],
    ['a space before the trailing comma', '{"a" :1,}', 'Illegal trailing comma before end of object: line 1 column 8 (char 7)'],
    ['a doubled comma is a missing value, not a trailing comma', '[1,2,3,,]', 'Expecting value: line 1 column 8 (char 7)'],
    ['a missing comma between members', '{"name": "web" "image": "nginx"}', "Expecting ',' delimiter: line 1 column 16 (char 15)"],
    ['a missing comma between container definitions', '[{"name":"web"} {"name":"db"}]', "Expecting ',' delimiter: line 1 column 17 (char 16)"],
    ['a missing colon', '{"name" "web"}', "Expecting ':' delimiter: line 1 column 9 (char 8)"],
    ['single quotes', "{'name': 'web'}", 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['an unquoted key', '{name: "web"}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['Python\'s True is not JSON', '[True]', 'Expecting value: line 1 column 2 (char 1)'],
    ['an empty value', '', 'Expecting value: line 1 column 1 (char 0)'],
    ['only spaces', '   ', 'Expecting value: line 1 column 4 (char 3)'],
    ['one brace too many', '{"a":1}}', 'Extra data: line 1 column 8 (char 7)'],
    ['two JSON documents in one word', '[1] [2]', 'Extra data: line 1 column 5 (char 4)'],
    ['an unterminated string', '{"cmd":"echo hi', 'Unterminated string starting at: line 1 column 8 (char 7)'],
    ['a raw tab inside a string', '{"a":"tab\there"}', 'Invalid control character at: line 1 column 10 (char 9)'],
    ['a Windows path with a single backslash', '{"path":"C:\\dir"}', 'Invalid \\escape: line 1 column 12 (char 11)'],
    ['a short \\u escape', '"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['a missing value on the second line', '{"a":1,\n  "b":,\n}', 'Expecting value: line 2 column 7 (char 14)'],
    ['positions count characters, not UTF-16 units', '["😀", oops]', 'Expecting value: line 1 column 7 (char 6)'],
    ['a byte order mark', '\ufeff{}', 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'],
    ['a leading zero', '01', 'Extra data: line 1 column 2 (char 1)'],
    ['a space after the minus sign', '- 1', 'Expecting value: line 1 column 1 (char 0)'],
    ['a number ending in a dot', '1.', 'Extra data: line 1 column 2 (char 1)'],
    ['a number starting with a dot', '.5', 'Expecting value: line 1 column 1 (char 0)'],
    ['a plus sign', '+1', 'Expecting value: line 1 column 1 (char 0)'],
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    const error = failure(text)
    expect(error.message).toBe(expected)
    expect(error.pythonType).toBe('JSONDecodeError')
  })

  it('an integer of more than 4300 digits is Python\'s int() ValueError', () => {
    const error = failure(`-${'1'.repeat(4301)}`)
    expect(error.message).toBe('Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; ' +
      'use sys.set_int_max_str_digits() to increase the limit')
    expect(error.pythonType).toBe('ValueError')
    expect(parsePythonJson('1'.repeat(4300))).toBeGreaterThan(0)
  })

  it('nesting deeper than Python 3.13 allows is a RecursionError, not a stack overflow', () => {
    expect(parsePythonJson(`${'['.repeat(9998)}${']'.repeat(9998)}`)).toBeInstanceOf(Array)
    const error = failure(`${'['.repeat(9999)}${']'.repeat(9999)}`)
    expect(error.message).toBe('maximum recursion depth exceeded while decoding a JSON array from a unicode string')
    expect(error.pythonType).toBe('RecursionError')
    expect(failure('{"a":'.repeat(100_000)).message)
      .toBe('maximum recursion depth exceeded while decoding a JSON object from a unicode string')
  })
})
