import { ownEntry } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { registryHost } from './auth.ts'
import { invalidRepositoryName, repositoryAlreadyExists, repositoryNotEmpty, repositoryNotFound } from './errors.ts'
import type { Repository } from './state.ts'

/** The repository a request names, or ECR's RepositoryNotFoundException. */
export function requireRepository(ctx: SimContext, name: string, registryId?: string): Repository {
  const repo = ownEntry(ctx.world.ecr.repositories, name)
  if (!repo || (registryId !== undefined && registryId !== ctx.world.accountId)) throw repositoryNotFound(name, registryId ?? ctx.world.accountId)
  return repo
}

interface CreateRepositoryRequest {
  repositoryName: string
  imageTagMutability?: string
  imageScanningConfiguration?: { scanOnPush?: boolean }
  encryptionConfiguration?: { encryptionType?: string }
}

/** CreateRepository: a private repository in the account's registry (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html). */
export function createRepository(ctx: SimContext, input: CreateRepositoryRequest): { repository: Repository } {
  const { accountId, region } = ctx.world
  const invalid = invalidRepositoryName(input.repositoryName)
  if (invalid) throw invalid
  if (ownEntry(ctx.world.ecr.repositories, input.repositoryName)) throw repositoryAlreadyExists(input.repositoryName, accountId)
  const repository: Repository = {
    repositoryArn: `arn:aws:ecr:${region}:${accountId}:repository/${input.repositoryName}`,
    registryId: accountId,
    repositoryName: input.repositoryName,
    repositoryUri: `${registryHost(ctx.world)}/${input.repositoryName}`,
    createdAt: ctx.now(),
    imageTagMutability: input.imageTagMutability ?? 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false },
    encryptionConfiguration: { encryptionType: input.encryptionConfiguration?.encryptionType ?? 'AES256' },
  }
  ctx.world.ecr.repositories[input.repositoryName] = repository
  return { repository }
}

/** DeleteRepository: refused while images remain unless `force` (the images go with it). */
export function deleteRepository(ctx: SimContext, input: { repositoryName: string; registryId?: string; force?: boolean }): { repository: Repository } {
  const repository = requireRepository(ctx, input.repositoryName, input.registryId)
  const images = ctx.world.ecr.images.filter((i) => i.repositoryName === repository.repositoryName)
  if (images.length && !input.force) throw repositoryNotEmpty(repository.repositoryName, repository.registryId)
  ctx.world.ecr.images = ctx.world.ecr.images.filter((i) => i.repositoryName !== repository.repositoryName)
  delete ctx.world.ecr.repositories[repository.repositoryName]
  return { repository }
}

export function describeRepositories(ctx: SimContext, input: { repositoryNames?: string[]; registryId?: string }): { repositories: Repository[] } {
  const { repositories } = ctx.world.ecr
  const names = input.repositoryNames ?? Object.keys(repositories).sort()
  return { repositories: names.map((n) => requireRepository(ctx, n, input.registryId)) }
}
