import { describe, expect, it } from 'vitest'
import { parseShorthand, ShorthandError } from '../../../../src/cli/aws/values/index.ts'

// Shorthand as awscli/shorthand.py parses it (fidelity §1.7, §1.8). Every expected value and message below was
// checked against the real parser (awscli's ShorthandParser under Python 3.11; fixtures/generate.py).

const message = (input: string): string => {
  try {
    parseShorthand(input)
  } catch (error) {
    expect(error).toBeInstanceOf(ShorthandError)
    return (error as Error).message
  }
  throw new Error(`expected ${JSON.stringify(input)} to fail`)
}

describe('shorthand a learner types parses into the request the CLI would send', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['a forward action: key=value pairs joined by commas', 'Type=forward,TargetGroupArn=arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123',
      { Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123' }],
    ['awsvpc network configuration with nested braces and lists', 'awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=ENABLED}',
      { awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } }],
    ['a path-pattern condition keeps / and * in the value', 'Field=path-pattern,PathPatternConfig={Values=[/api/users*]}',
      { Field: 'path-pattern', PathPatternConfig: { Values: ['/api/users*'] } }],
    ['weighted forward config: a list of maps', 'ForwardConfig={TargetGroups=[{TargetGroupArn=a,Weight=1}]}',
      { ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'a', Weight: '1' }] } }],
    ['an account setting', 'name=containerInsights,value=enabled', { name: 'containerInsights', value: 'enabled' }],
    ['a csv value becomes a list', 'a=b,c', { a: ['b', 'c'] }],
    ['forgetting "=" after the second key makes the first value a list (then a type error in validation)', 'Type=forward,TargetGroupArn',
      { Type: ['forward', 'TargetGroupArn'] }],
    ['the parser backtracks at "c=" so "b" stays in a\'s list', 'a=1,b,c=2', { a: ['1', 'b'], c: '2' }],
    ['a space after the comma is skipped', 'Type=forward, TargetGroupArn=arn', { Type: 'forward', TargetGroupArn: 'arn' }],
    ['spaces around = and , are skipped, inner spaces kept, trailing spaces trimmed', 'a =  spaced value  ,b=x', { a: 'spaced value', b: 'x' }],
    ['a space before the comma is trimmed', 'a=b ,c=d', { a: 'b', c: 'd' }],
    ['spaces inside brackets and braces', 'a = b , c = [ d , e ] , f = { g = h }', { a: 'b', c: ['d', 'e'], f: { g: 'h' } }],
    ['nothing after = is an empty string', 'a=', { a: '' }],
    ['two empty values', 'a=,b=', { a: '', b: '' }],
    ['an empty key is allowed', '=x', { '': 'x' }],
    ['an empty explicit list', 'a=[]', { a: [] }],
    ['a trailing comma inside [ ] is accepted', 'a=[b,]', { a: ['b'] }],
    ['an empty hash literal', 'a={}', { a: {} }],
    ['a doubled comma between pairs is absorbed by the backtracking', 'a=b,,c=d', { a: 'b', c: 'd' }],
    ['\\, is a literal comma', 'a=x\\,y', { a: 'x,y' }],
    ['backtracking lands on the comma of an escaped \\, and starts a new key there', 'a=b,c\\,d=e', { a: 'b', d: 'e' }],
    ['single quotes keep commas and spaces', "a='x, y',b=z", { a: 'x, y', b: 'z' }],
    ['double quotes with an escaped quote', 'a="q\\"r"', { a: 'q"r' }],
    ["an escaped single quote inside single quotes", "k='it\\'s'", { k: "it's" }],
    ['\\\\ inside quotes is one backslash', "k='a\\\\b'", { k: 'a\\b' }],
    ['quoted csv values', "a='x,1',\"y,2\"", { a: ['x,1', 'y,2'] }],
    ['key characters - _ . # / :', 'aws:cloudformation/stack-name_1.x#2=v', { 'aws:cloudformation/stack-name_1.x#2': 'v' }],
    ['a value may contain = [ and {', 'a=b=c[d{e', { a: 'b=c[d{e' }],
    ['repeated keys inside braces: the last wins', 'a={k=1,k=2}', { a: { k: '2' } }],
    ['non-ASCII values', 'foo=✓,✓', { foo: ['✓', '✓'] }],
    ['a key named __proto__ is an ordinary key', '__proto__=x', { ['__proto__']: 'x' }],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    const parsed = parseShorthand(input)
    expect(parsed).toEqual(expected)
    expect(Object.keys(parsed)).toEqual(Object.keys(expected))
  })

  it('a key named __proto__ does not change the result\'s prototype', () => {
    const parsed = parseShorthand('__proto__=x')
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true)
  })
})

describe('key@=value reads file:// and fileb:// values through the caller', () => {
  const files: Record<string, string> = { 'file://policy.json': '{"a":1}' }
  const readParamFile = (value: string) => (value.startsWith('file://') ? files[value] ?? `missing ${value}` : undefined)
  const cases: [string, string, Record<string, unknown>][] = [
    ['@= loads the file', 'Policy@=file://policy.json', { Policy: '{"a":1}' }],
    ['@= without a prefix keeps the value', 'Name@=plain', { Name: 'plain' }],
    ['plain = never reads files', 'Policy=file://policy.json', { Policy: 'file://policy.json' }],
    ['whitespace is allowed around @ and =', 'Policy @ = file://policy.json', { Policy: '{"a":1}' }],
    ['every value of an @= list is read', 'P@=file://policy.json,file://policy.json', { P: ['{"a":1}', '{"a":1}'] }],
    ['an inner k@= inside braces stays on for the rest of the enclosing list (shorthand.py keeps it as parser state)',
      'a=[{b@=file://policy.json},file://policy.json]', { a: [{ b: '{"a":1}' }, '{"a":1}'] }],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    expect(parseShorthand(input, { readParamFile })).toEqual(expected)
  })

  it('an error from reading the file propagates unchanged', () => {
    const failure = new Error('Unable to load paramfile file://missing: [Errno 2] No such file or directory')
    expect(() => parseShorthand('P@=file://missing', { readParamFile: () => { throw failure } })).toThrow(failure)
  })
})

describe('shorthand mistakes print the CLI\'s exact message', () => {
  const cases: [string, string, string][] = [
    // The fact file's observed examples (fidelity §1.7), byte for byte.
    ['an unclosed brace in --default-actions', 'Type=forward,TargetGroupArn={a=b',
      "Expected: ',', received: 'EOF' for input:\n Type=forward,TargetGroupArn={a=b\n                                ^"],
    ['an unclosed awsvpcConfiguration brace', 'awsvpcConfiguration={subnets=[a,b],securityGroups=[sg],assignPublicIp=ENABLED',
      "Expected: ',', received: 'EOF' for input:\n awsvpcConfiguration={subnets=[a,b],securityGroups=[sg],assignPublicIp=ENABLED\n" +
      `${' '.repeat(77)}^`],
    ['a trailing comma leaves the parser expecting a second value (32 spaces)', 'Type=forward,TargetGroupArn=arn,',
      `Expected: '<second>', received: '<none>' for input:\n Type=forward,TargetGroupArn=arn,\n${' '.repeat(32)}^`],
    ['"file ://x" splits into the word "file", which has no "="', 'file', "Expected: '=', received: 'EOF' for input:\n file\n    ^"],
    // More, from the real parser.
    ['a comma where a space was meant repeats the key', 'Type=forward,Type=redirect',
      'Second instance of key "Type" encountered for input:\nType=forward,Type=redirect\n             ^\n' +
      'This is often because there is a preceding "," instead of a space.'],
    ['a doubled = sign', 'a==b', "Expected: ',', received: '=' for input:\n a==b\n  ^"],
    ['a space inside a key', 'a b=c', "Expected: '=', received: 'b' for input:\n a b=c\n  ^"],
    ['an unclosed list', 'a=[b', "Expected: ',', received: 'EOF' for input:\n a=[b\n    ^"],
    ['an unclosed brace after a list', 'a={b=[c]', "Expected: ',', received: 'EOF' for input:\n a={b=[c]\n        ^"],
    ['an unterminated single quote (the parser names it "singled quoted")', "a='unterminated",
      "Expected: '<singled quoted>', received: '<none>' for input:\n a='unterminated\n  ^"],
    ['an unterminated double quote', 'a="x', "Expected: '<double quoted>', received: '<none>' for input:\n a=\"x\n  ^"],
    ['a closing brace right after = is read as the value', 'a={k=}', "Expected: ',', received: 'EOF' for input:\n a={k=}\n      ^"],
    ['newlines: the caret counts from the last newline before the error; later lines follow it', 'a=b,\nc==d,\ne=f',
      "Expected: ',', received: '=' for input:\n a=b,\nc==d,\n  ^\ne=f"],
    ['an empty value', '', "Expected: '=', received: 'EOF' for input:\n \n^"],
    ['the caret counts characters, not UTF-16 units', 'a=\'x,😀 y\',b=9"q',
      "Expected: ',', received: '\"' for input:\n a='x,😀 y',b=9\"q\n             ^"],
    ['a character beyond U+FFFF ends an unquoted value', 'a=x😀', "Expected: ',', received: '😀' for input:\n a=x😀\n   ^"],
  ]
  it.each(cases)('%s', (_name, input, expected) => {
    expect(message(input)).toBe(expected)
  })

  it('absurd nesting fails with an error instead of overflowing the stack', () => {
    expect(message(`a=${'['.repeat(100_000)}`)).toBe('maximum recursion depth exceeded')
  })
})
