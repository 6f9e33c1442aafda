import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

type Sandbox = ReturnType<typeof createSandbox>
const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
const ok = (sandbox: Sandbox, line: string) => {
  const r = sandbox.exec(line)
  expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0)
  return r
}

function built(): Sandbox {
  const sandbox = createSandbox()
  sandbox.files.write('Dockerfile', 'FROM nginx\nCOPY index.html /usr/share/nginx/html/\n')
  sandbox.files.write('index.html', '<h1>pushed</h1>\n')
  ok(sandbox, 'docker build -t web .')
  ok(sandbox, `docker tag web ${REGISTRY}/web:latest`)
  return sandbox
}
const login = (sandbox: Sandbox) => ok(sandbox, `aws ecr get-login-password | docker login --username AWS --password-stdin ${REGISTRY}`)

describe('docker login, tag and push to ECR', () => {
  it('logs in with the password piped from aws ecr get-login-password', () => {
    const sandbox = createSandbox()
    const r = login(sandbox)
    expect(r.stdout).toBe('Login Succeeded\n')
    expect(r.stderr).toBe(
      "\nWARNING! Your credentials are stored unencrypted in '/home/cloudshell-user/.docker/config.json'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n",
    )
    const wrong = sandbox.exec(`echo not-a-token | docker login --username AWS --password-stdin ${REGISTRY}`)
    expect(wrong).toMatchObject({ exitCode: 1, stderr: `Error response from daemon: login attempt to https://${REGISTRY}/v2/ failed with status: 400 Bad Request\n` })
    expect(sandbox.exec(`docker login --password-stdin ${REGISTRY}`).stderr).toBe('the --password-stdin option requires --username to be set\n')
    expect(sandbox.exec(`docker login --username AWS --password-stdin ${REGISTRY}`).stderr).toBe('password is empty\n')
    expect(sandbox.exec('docker login').stderr).toBe('error: cannot perform an interactive login from a non-TTY device\n')
  })

  it('refuses a push without login, to a repository that does not exist, or of a tag that is not here', () => {
    const sandbox = built()
    const noAuth = sandbox.exec(`docker push ${REGISTRY}/web`)
    expect(noAuth.exitCode).toBe(1)
    expect(noAuth.stdout).toMatch(new RegExp(`^Using default tag: latest\\nThe push refers to repository \\[${REGISTRY}/web\\]\\n([0-9a-f]{12}: Preparing\\n){4}$`))
    expect(noAuth.stderr).toBe('no basic auth credentials\n')
    login(sandbox)
    const noRepo = sandbox.exec(`docker push ${REGISTRY}/web:latest`)
    expect(noRepo.stderr).toBe(`name unknown: The repository with name 'web' does not exist in the registry with id '123456789012'\n`)
    const noTag = sandbox.exec(`docker push ${REGISTRY}/web:v9`)
    expect(noTag).toMatchObject({ exitCode: 1, stdout: `The push refers to repository [${REGISTRY}/web]\n`, stderr: `An image does not exist locally with the tag: ${REGISTRY}/web\n` })
    expect(sandbox.exec('docker push web').stderr).toBe('denied: requested access to the resource is denied\n')
    expect(JSON.parse(ok(sandbox, 'aws ecr describe-repositories').stdout).repositories.map((r: { repositoryName: string }) => r.repositoryName)).toEqual(['pythonwebapp'])
  })

  it('pushes layers once: a second push finds them ("Layer already exists"), and describe-images shows the digest', () => {
    const sandbox = built()
    login(sandbox)
    ok(sandbox, 'aws ecr create-repository --repository-name web')
    const first = ok(sandbox, `docker push ${REGISTRY}/web:latest`).stdout.split('\n')
    expect(first.filter((l) => l.endsWith(': Pushed'))).toHaveLength(4)
    const digestLine = first.at(-2) as string
    expect(digestLine).toMatch(/^latest: digest: sha256:[0-9a-f]{64} size: \d{3,4}$/)
    const digest = digestLine.split(' ')[2]
    // A new version shares the base's layers: only the changed layer is uploaded.
    sandbox.files.write('index.html', '<h1>v2</h1>\n')
    ok(sandbox, `docker build -t ${REGISTRY}/web:v2 .`)
    const second = ok(sandbox, `docker push ${REGISTRY}/web:v2`).stdout.split('\n')
    expect(second.filter((l) => l.endsWith(': Layer already exists'))).toHaveLength(3)
    expect(second.filter((l) => l.endsWith(': Pushed'))).toHaveLength(1)
    const images = JSON.parse(ok(sandbox, 'aws ecr describe-images --repository-name web').stdout).imageDetails
    expect(images).toHaveLength(2)
    expect(images[0]).toMatchObject({ registryId: '123456789012', repositoryName: 'web', imageDigest: digest, imageTags: ['latest'], imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json' })
    expect(images[0].imageSizeInBytes).toBeGreaterThan(70_000_000)
    expect(JSON.parse(ok(sandbox, 'aws ecr list-images --repository-name web').stdout).imageIds).toEqual([
      { imageDigest: digest, imageTag: 'latest' },
      { imageDigest: images[1].imageDigest, imageTag: 'v2' },
    ])
  })

  it('says the token expired after 12 hours', () => {
    const sandbox = built()
    login(sandbox)
    ok(sandbox, 'aws ecr create-repository --repository-name web')
    sandbox.advance(12 * 3600_000 + 1000)
    expect(sandbox.exec(`docker push ${REGISTRY}/web`).stderr).toBe('denied: Your authorization token has expired. Reauthenticate and try again.\n')
  })
})

describe('ECR repositories and images', () => {
  it('creates, refuses duplicates and bad names, and deletes only empty repositories unless forced', () => {
    const sandbox = built()
    const fails = (line: string) => sandbox.exec(line).stderr
    expect(fails('aws ecr create-repository --repository-name pythonwebapp')).toContain(
      "An error occurred (RepositoryAlreadyExistsException) when calling the CreateRepository operation: The repository with name 'pythonwebapp' already exists in the registry with id '123456789012'",
    )
    expect(fails('aws ecr create-repository --repository-name Web')).toContain(
      "(InvalidParameterException) when calling the CreateRepository operation: Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''",
    )
    login(sandbox)
    ok(sandbox, 'aws ecr create-repository --repository-name web')
    ok(sandbox, `docker push ${REGISTRY}/web`)
    expect(fails('aws ecr delete-repository --repository-name web')).toContain(
      "(RepositoryNotEmptyException) when calling the DeleteRepository operation: The repository with name 'web' in registry with id '123456789012' cannot be deleted because it still contains images",
    )
    const deleted = JSON.parse(ok(sandbox, 'aws ecr batch-delete-image --repository-name web --image-ids imageTag=latest imageTag=v7').stdout)
    expect(deleted.imageIds).toEqual([{ imageDigest: expect.stringMatching(/^sha256:/), imageTag: 'latest' }])
    expect(deleted.failures).toEqual([{ imageId: { imageTag: 'v7' }, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' }])
    ok(sandbox, 'aws ecr delete-repository --repository-name web')
    ok(sandbox, 'aws ecr create-repository --repository-name web')
    ok(sandbox, `docker push ${REGISTRY}/web`)
    expect(JSON.parse(ok(sandbox, 'aws ecr delete-repository --repository-name web --force').stdout).repository.repositoryName).toBe('web')
    expect(fails('aws ecr describe-images --repository-name web')).toContain("(RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name 'web' does not exist in the registry with id '123456789012'")
  })

  it('runs the pushed image as an ECS task that names it', () => {
    const sandbox = built()
    login(sandbox)
    ok(sandbox, 'aws ecr create-repository --repository-name web')
    ok(sandbox, `docker push ${REGISTRY}/web`)
    const subnets = Object.values(sandbox.world().ec2.subnets).map((s) => s.SubnetId).sort().slice(0, 1)
    ok(sandbox, 'aws ecs create-cluster --cluster-name demo')
    const defs = JSON.stringify([{ name: 'web', image: `${REGISTRY}/web:latest`, portMappings: [{ containerPort: 80 }] }])
    ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn ecsTaskExecutionRole --container-definitions '${defs}'`)
    const network = JSON.stringify({ awsvpcConfiguration: { subnets, assignPublicIp: 'ENABLED' } })
    const taskArn = JSON.parse(ok(sandbox, `aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration '${network}'`).stdout).tasks[0].taskArn
    sandbox.advance(120_000)
    const task = JSON.parse(ok(sandbox, `aws ecs describe-tasks --cluster demo --tasks ${taskArn}`).stdout).tasks[0]
    expect(task.lastStatus).toBe('RUNNING')
    expect(task.containers[0].image).toBe(`${REGISTRY}/web:latest`)
    // The task serves the page the learner built into the image, not nginx's default one (port 80 opened first).
    const group = ok(sandbox, 'aws ec2 describe-security-groups --filters Name=group-name,Values=default --query SecurityGroups[0].GroupId --output text').stdout.trim()
    ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${group} --protocol tcp --port 80 --cidr 0.0.0.0/0`)
    const eni = task.attachments[0].details.find((d: { name: string }) => d.name === 'networkInterfaceId').value
    const publicIp = JSON.parse(ok(sandbox, `aws ec2 describe-network-interfaces --network-interface-ids ${eni}`).stdout).NetworkInterfaces[0].Association.PublicIp
    expect(ok(sandbox, `curl -s http://${publicIp}/`).stdout).toBe('<h1>pushed</h1>\n')
    const head = ok(sandbox, `curl -sI http://${publicIp}/`).stdout
    expect(head).toContain('Content-Length: 16\r\n')
    expect(head).toContain('ETag: "6745ef54-10"\r\n')
    expect(sandbox.exec(`curl -s -o /dev/null -w '%{http_code}' http://${publicIp}/missing.html`).stdout).toBe('404')
  })
})
