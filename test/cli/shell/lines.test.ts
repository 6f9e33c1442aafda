import { describe, expect, it, test } from 'vitest'
import { createShell } from './harness.ts'

type Case = [name: string, line: string, expected: { stdout?: string; stderr?: string; exitCode: number }]

/** Whole lines: what the terminal shows and the exit status, checked against bash 5.2 (interactive wording). */
const cases: Case[] = [
  ['; runs commands one after another', 'echo a; echo b', { stdout: 'a\nb\n', exitCode: 0 }],
  ['newlines separate commands too', 'echo a\necho b\n', { stdout: 'a\nb\n', exitCode: 0 }],
  ['&& runs the next command only after success', 'true && echo yes; false && echo no', { stdout: 'yes\n', exitCode: 1 }],
  ['|| runs the next command only after failure', 'false || echo rescued; true || echo no', { stdout: 'rescued\n', exitCode: 0 }],
  ['the exit status is the last command run', 'fail 3; echo $?', { stdout: '3\n', stderr: 'it failed\n', exitCode: 0 }],
  ['a line ending in a failure fails', 'echo a; fail 7', { stdout: 'a\n', stderr: 'it failed\n', exitCode: 7 }],
  ['an unknown program is "command not found", status 127', 'foo --bar', { stderr: 'bash: foo: command not found\n', exitCode: 127 }],
  ['a path to a missing program', './deploy.sh', { stderr: 'bash: ./deploy.sh: No such file or directory\n', exitCode: 127 }],
  ['command not found follows 2>/dev/null', 'foo 2>/dev/null', { exitCode: 127 }],
  ['an unterminated single quote', "echo 'abc", { stderr: "bash: unexpected EOF while looking for matching `''\n", exitCode: 2 }],
  ['an unterminated double quote', 'echo "abc', { stderr: 'bash: unexpected EOF while looking for matching `"\'\n', exitCode: 2 }],
  ['an unterminated $(', 'echo $(echo a', { stderr: "bash: unexpected EOF while looking for matching `)'\n", exitCode: 2 }],
  ['an unterminated ${', 'echo ${X', { stderr: "bash: unexpected EOF while looking for matching `}'\n", exitCode: 2 }],
  ['&& with nothing before it', '&& ls', { stderr: "bash: syntax error near unexpected token `&&'\n", exitCode: 2 }],
  ['an empty command between semicolons', 'echo a; ; echo b', { stderr: "bash: syntax error near unexpected token `;'\n", exitCode: 2 }],
  ['a syntax error anywhere stops the whole line before it runs', 'echo a; echo b )', { stderr: "bash: syntax error near unexpected token `)'\n", exitCode: 2 }],
  [';; outside case', 'echo a ;;', { stderr: "bash: syntax error near unexpected token `;;'\n", exitCode: 2 }],
  ['a redirection without a file', 'echo >', { stderr: "bash: syntax error near unexpected token `newline'\n", exitCode: 2 }],
  ['a line ending in && has no end', 'echo a &&', { stderr: 'bash: syntax error: unexpected end of file\n', exitCode: 2 }],
  ['an expansion bash cannot do', 'echo ${HOME!}; echo next', { stdout: 'next\n', stderr: 'bash: ${HOME!}: bad substitution\n', exitCode: 0 }],
  ['a syntax error after a pipe stops the whole line', 'echo a; aws ecs list-clusters | grep x )', { stderr: "bash: syntax error near unexpected token `)'\n", exitCode: 2 }],
  ['for loops are refused', 'for i in 1 2; do echo $i; done', { stderr: "bash: `for' is not supported in this sandbox\n", exitCode: 2 }],
  ['here-documents are refused', 'cat > x.json <<EOF', { stderr: 'bash: here-documents (<<) are not supported in this sandbox\n', exitCode: 2 }],
  ['a blank line does nothing and keeps $?', '   ', { stdout: '', stderr: '', exitCode: 0 }],
  ['a comment-only line does nothing', '# just a note', { stdout: '', exitCode: 0 }],
  ['a trailing & runs in the foreground here', 'echo a &', { stdout: 'a\n', exitCode: 0 }],
  ['a trailing backslash with nothing after it stays a backslash', 'echo a\\', { stdout: 'a\\\n', exitCode: 0 }],
  ['$(...) stderr reaches the terminal even when the command redirects its own', 'echo $(fail) 2>/dev/null', { stdout: '\n', stderr: 'it failed\n', exitCode: 0 }],
  ['an assignment takes the exit status of its $(...)', 'X=$(fail 4); echo $?', { stdout: '4\n', stderr: 'it failed\n', exitCode: 0 }],
  ['$(...) runs in a subshell: its assignments do not come back', 'echo $(Y=1); echo "[$Y]"', { stdout: '\n[]\n', exitCode: 0 }],
]

describe('shell lines', () => {
  test.each(cases)('%s', (_name, line, expected) => {
    const result = createShell().run(line)
    expect(result).toEqual({ stdout: expected.stdout ?? '', stderr: expected.stderr ?? '', exitCode: expected.exitCode })
  })
})

describe('variables', () => {
  test('TG=$(aws elbv2 create-target-group ... --query ... --output text) stores the ARN for later commands', () => {
    const shell = createShell()
    const set = shell.run(
      "TG=$(aws elbv2 create-target-group --name web --protocol HTTP --port 80 --vpc-id vpc-1 --query 'TargetGroups[0].TargetGroupArn' --output text)",
    )
    expect(set).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(shell.run('args --target-group-arn $TG').stdout).toBe(
      '["--target-group-arn","arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"]\n',
    )
  })

  test('a plain assignment is not seen by programs until exported', () => {
    const shell = createShell()
    expect(shell.run('REGION=eu-west-1; envof REGION').stdout).toBe('<unset>\n')
    expect(shell.run('export REGION; envof REGION').stdout).toBe('eu-west-1\n')
    expect(shell.run('export CLUSTER=demo; envof CLUSTER').stdout).toBe('demo\n')
  })

  test('X=1 cmd passes X to that command only', () => {
    const shell = createShell()
    expect(shell.run('AWS_DEFAULT_REGION=us-west-2 envof AWS_DEFAULT_REGION; envof AWS_DEFAULT_REGION').stdout).toBe('us-west-2\n<unset>\n')
    expect(shell.run('X=1; X=2 args $X; args $X').stdout).toBe('["1"]\n["1"]\n')
  })

  test('the initial environment is exported', () => {
    const shell = createShell({}, { AWS_DEFAULT_REGION: 'us-east-1' })
    expect(shell.run('envof AWS_DEFAULT_REGION').stdout).toBe('us-east-1\n')
    expect(shell.state.exported).toContain('AWS_DEFAULT_REGION')
  })

  test('export NAME=$(...) keeps tab-separated output as one value, like bash 5', () => {
    const shell = createShell()
    shell.run('export SUBNETS=$(aws ec2 describe-subnets)')
    expect(shell.state.vars.SUBNETS).toBe('subnet-aaa\tsubnet-bbb')
    expect(shell.run('args $SUBNETS').stdout).toBe('["subnet-aaa","subnet-bbb"]\n')
  })

  test('history records each non-blank input once, as typed', () => {
    const shell = createShell()
    shell.run('echo a; echo b')
    shell.run('')
    shell.run('args x \\\n y')
    expect(shell.state.history).toEqual(['echo a; echo b', 'args x \\\n y'])
  })

  test('$? and lastExitCode follow each input, even a syntax error', () => {
    const shell = createShell()
    shell.run('fail 5')
    expect(shell.state.lastExitCode).toBe(5)
    shell.run('echo "')
    expect(shell.run('echo $?').stdout).toBe('2\n')
  })
})

describe('a placeholder in angle brackets is input redirection, as in bash', () => {
  it('`--load-balancer-arn <elb-arn>` fails on the missing file and runs nothing', async () => {
    const { runShell, emptyShellState } = await import('../../../src/cli/shell/index.ts')
    let ran = false
    const files = { read: () => undefined, write: () => {}, list: () => [] }
    const result = runShell('aws elbv2 create-listener --load-balancer-arn <elb-arn> --port 80', emptyShellState(), { aws: () => ((ran = true), 0) }, files)
    expect(result).toEqual({ stdout: '', stderr: 'bash: elb-arn: No such file or directory\n', exitCode: 1 })
    expect(ran).toBe(false)
  })
})
