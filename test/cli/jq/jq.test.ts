import { describe, expect, test } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

type Case = [name: string, line: string, expected: { stdout?: string; stderr?: string; exitCode: number }]

const doc = JSON.stringify({
  services: [
    { serviceName: 'web', status: 'ACTIVE', desiredCount: 2, runningCount: 2, tags: [] },
    { serviceName: 'api', status: 'DRAINING', desiredCount: 1, runningCount: 0 },
  ],
  failures: [],
})

/** Filters and outputs as jq 1.7 prints them when standard output is not a terminal (no colour, two spaces). */
const cases: Case[] = [
  ['. pretty-prints with two spaces', `echo '{"a":[1,{"b":null}],"c":{}}' | jq .`, { stdout: '{\n  "a": [\n    1,\n    {\n      "b": null\n    }\n  ],\n  "c": {}\n}\n', exitCode: 0 }],
  ['no filter means . when input is piped', `echo '[1]' | jq`, { stdout: '[\n  1\n]\n', exitCode: 0 }],
  ['.a.b and .[n]', `echo '{"a":{"b":[10,20,30]}}' | jq '.a.b[1], .a.b[-1]'`, { stdout: '20\n30\n', exitCode: 0 }],
  ['.[] iterates, -r prints raw strings', `jq -r '.services[].serviceName' svc.json`, { stdout: 'web\napi\n', exitCode: 0 }],
  ['select with comparisons and and/or/not', `jq -c '.services[] | select(.status == "ACTIVE" and (.runningCount < .desiredCount | not)) | .serviceName' svc.json`, { stdout: '"web"\n', exitCode: 0 }],
  ['map, length, keys', `jq -c '[(.services | map(.desiredCount)), (.services | length), (.services[0] | keys)]' svc.json`, { stdout: '[[2,1],2,["desiredCount","runningCount","serviceName","status","tags"]]\n', exitCode: 0 }],
  ['object construction and {name} shorthand', `jq -c '.services[] | {name: .serviceName, status}' svc.json`, { stdout: '{"name":"web","status":"ACTIVE"}\n{"name":"api","status":"DRAINING"}\n', exitCode: 0 }],
  ['.a[]? stays quiet over a missing field', `jq -c '[.services[].tags[]?]' svc.json`, { stdout: '[]\n', exitCode: 0 }],
  ['string interpolation', `jq -r '.services[] | "\\(.serviceName): \\(.runningCount)/\\(.desiredCount)"' svc.json`, { stdout: 'web: 2/2\napi: 0/1\n', exitCode: 0 }],
  ['--arg binds a string', `jq -r --arg name api '.services[] | select(.serviceName == $name) | .status' svc.json`, { stdout: 'DRAINING\n', exitCode: 0 }],
  ['@tsv rows', `jq -r '.services[] | [.serviceName, .desiredCount] | @tsv' svc.json`, { stdout: 'web\t2\napi\t1\n', exitCode: 0 }],
  ['// gives a default', `echo '{}' | jq '.missing // "none"'`, { stdout: '"none"\n', exitCode: 0 }],
  ['sort_by, first, if', `jq -r '.services | sort_by(.serviceName) | first | if .status == "ACTIVE" then "up" else "down" end' svc.json`, { stdout: 'down\n', exitCode: 0 }],
  ['several input values', `echo '1 2 3' | jq -c '. * 2'`, { stdout: '2\n4\n6\n', exitCode: 0 }],
  ['-e: null is a failure', `echo '{}' | jq -e .a`, { stdout: 'null\n', exitCode: 1 }],
  ['-e: no output at all', `echo '[]' | jq -e '.[]'`, { exitCode: 4 }],
  ['-n and -s', `echo '1 2' | jq -sc . && jq -n '[1,2] | add'`, { stdout: '[1,2]\n3\n', exitCode: 0 }],
  ['indexing an array with a name', `echo '[1,2]' | jq .foo`, { stderr: 'jq: error (at <stdin>:1): Cannot index array with "foo"\n', exitCode: 5 }],
  ['iterating over null', `echo '{}' | jq '.a[]'`, { stderr: 'jq: error (at <stdin>:1): Cannot iterate over null\n', exitCode: 5 }],
  ['adding mismatched types', `echo '{"a":1}' | jq '.a + "x"'`, { stderr: 'jq: error (at <stdin>:1): number (1) and string ("x") cannot be added\n', exitCode: 5 }],
  ['a syntax error is a compile error, exit 3', `echo '{}' | jq '.a]'`, { stderr: "jq: error: syntax error, unexpected ']' (Unix shell quoting issues?) at <top-level>, line 1:\n.a]\njq: 1 compile error\n", exitCode: 3 }],
  ['an unknown function', `echo '{}' | jq 'lenght'`, { stderr: 'jq: error: lenght/0 is not defined at <top-level>, line 1:\nlenght\njq: 1 compile error\n', exitCode: 3 }],
  ['text that is not JSON', `echo hello | jq .`, { stderr: 'jq: parse error: Invalid numeric literal at line 2, column 0\n', exitCode: 2 }],
  ['aws text output is not JSON either', `echo 'arn:aws:ecs' | jq .`, { stderr: 'jq: parse error: Invalid numeric literal at line 1, column 4\n', exitCode: 2 }],
  ['a missing file', `jq . nosuch.json`, { stderr: 'jq: error: Could not open nosuch.json: No such file or directory\n', exitCode: 2 }],
  ['an unknown option', `jq -z .`, { stderr: 'jq: Unknown option: -z\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.org\n', exitCode: 2 }],
]

describe('jq', () => {
  test.each(cases)('%s', (_name, line, expected) => {
    const sandbox = createSandbox()
    sandbox.files.write('svc.json', doc)
    expect(sandbox.exec(line)).toEqual({ stdout: expected.stdout ?? '', stderr: expected.stderr ?? '', exitCode: expected.exitCode })
  })

  test('aws output pipes into jq', () => {
    const sandbox = createSandbox()
    sandbox.exec('aws ecs create-cluster --cluster-name demo')
    expect(sandbox.exec("aws ecs list-clusters | jq -r '.clusterArns[]'")).toEqual({
      stdout: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo\n',
      stderr: '',
      exitCode: 0,
    })
    expect(sandbox.exec('aws ecs list-clusters | jq ".clusterArns | length"').stdout).toBe('1\n')
  })
})
