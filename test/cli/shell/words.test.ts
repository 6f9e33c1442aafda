import { describe, expect, test } from 'vitest'
import { createShell } from './harness.ts'

/** [what the learner sees, line typed, argv the program `args` received] — each checked against bash 5.2. */
const cases: [string, string, string[]][] = [
  ['blanks separate words', 'args a  b\tc', ['a', 'b', 'c']],
  ['single quotes keep everything literally', `args 'a  $HOME \\n "x"'`, ['a  $HOME \\n "x"']],
  ['double quotes keep spaces and expand variables', 'X=1; args "a  $X" "${X}b"', ['a  1', '1b']],
  ['inside double quotes \\" \\\\ and \\$ are escapes; other backslashes stay', String.raw`args "a\"b\\c\$d\e"`, ['a"b\\c$d\\e']],
  ['a backslash makes the next character literal, so HTTP\\ --port is one word', 'args HTTP\\ --port 80', ['HTTP --port', '80']],
  ['a backslash at the end of a line after a space continues the command on the next line', 'args a \\\nb', ['a', 'b']],
  [
    'a backslash at the end of a line without a space glues the next line onto the word, like bash',
    'args --name FargateLoadBalancer\\\n--subnets subnet-1',
    ['--name', 'FargateLoadBalancer--subnets', 'subnet-1'],
  ],
  ['a backslash-newline inside double quotes disappears too', 'args "a\\\nb"', ['ab']],
  ['a newline inside quotes is kept', "args 'a\nb'", ['a\nb']],
  ['an unset variable is empty and an unquoted empty result vanishes', 'args $NOPE "$NOPE" x$NOPE', ['', 'x']],
  ['an unquoted variable is split on blanks; a quoted one is one word', 'X=" a  b "; args $X "$X"', ['a', 'b', ' a  b ']],
  ['an empty quoted string glued to a split variable stays an empty word', 'X=" a"; args ""$X', ['', 'a']],
  ['${X:-default} and ${X:+alt}', 'E=; args "${E:-def}" "${E-def}" "${E:+alt}" ${HOME:+set} ${#HOME}', ['def', '', '', 'set', '21']],
  ['an unquoted default is split like a variable', 'args ${NOPE:-a   b} "${NOPE:-a   b}"', ['a', 'b', 'a   b']],
  ['${X:=v} assigns', 'args ${V:=7}; args $V', ['7']],
  ['$? is the last exit status', 'false; args $?', ['1']],
  ["$'...' understands C escapes", "args $'a\\tb'", ['a\tb']],
  ['a # starting a word begins a comment', "args a # b c\nargs '#x' a#b", ['#x', 'a#b']],
  ['~ and ~/ are the CloudShell home; quoted ~ is not', 'args ~ ~/x.json "~" x~ a=~/b', ['/home/cloudshell-user', '/home/cloudshell-user/x.json', '~', 'x~', 'a=/home/cloudshell-user/b']],
  ['braces with commas expand, like bash', 'args {a,b}{c,d} x{1..3} {a} {} "{q,r}"', ['ac', 'ad', 'bc', 'bd', 'x1', 'x2', 'x3', '{a}', '{}', '{q,r}']],
  [
    'unquoted shorthand with {a,b} becomes two words before the AWS CLI sees it',
    'args Type=fixed-response,FixedResponseConfig={StatusCode=404,ContentType=text/plain}',
    ['Type=fixed-response,FixedResponseConfig=StatusCode=404', 'Type=fixed-response,FixedResponseConfig=ContentType=text/plain'],
  ],
  ['unquoted JSON loses its quotes and is brace-expanded', 'args {"name":"web","image":"nginx"}', ['name:web', 'image:nginx']],
  ['quoted JSON arrives intact', `args '{"name":"web","image":"nginx"}'`, ['{"name":"web","image":"nginx"}']],
  ['a wildcard matches working-folder files; no match stays as typed', 'args *.json "*.json" nomatch* Services[*].status', ['a.json', 'b.json', '*.json', 'nomatch*', 'Services[*].status']],
  ['command substitution inserts the output without trailing newlines', 'args $(args x) "$(args "y z")"', ['["x"]', '["y z"]']],
  ['command substitution nests and works in backticks', 'args "$(args $(args q))" `args b`', ['["[\\"q\\"]"]', '["b"]']],
  ['an unquoted substitution is split into words', 'args $(aws ec2 describe-subnets)', ['subnet-aaa', 'subnet-bbb']],
]

describe('shell words', () => {
  test.each(cases)('%s', (_name, line, argv) => {
    const shell = createShell({ 'a.json': '{}', 'b.json': '{}' })
    const { stdout, stderr } = shell.run(line)
    expect(stderr).toBe('')
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(JSON.stringify(argv))
  })
})
