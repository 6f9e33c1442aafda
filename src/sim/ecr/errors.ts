import { AwsError } from '../core/index.ts'

/** ECR's errors (JSON protocol: exception names), worded as the ECR API answers them (moto's ecr/exceptions.py agrees). */
export const repositoryNotFound = (name: string, registryId: string) =>
  new AwsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryId}'`)

export const repositoryAlreadyExists = (name: string, registryId: string) =>
  new AwsError('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${registryId}'`)

export const repositoryNotEmpty = (name: string, registryId: string) =>
  new AwsError('RepositoryNotEmptyException', `The repository with name '${name}' in registry with id '${registryId}' cannot be deleted because it still contains images`)

/** The model's pattern for repository names (ECR API Reference, CreateRepository), checked by the service. */
export const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/

export function invalidRepositoryName(name: string): AwsError | undefined {
  if (name.length < 2) return new AwsError('InvalidParameterException', "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length greater than or equal to 2'")
  if (!REPOSITORY_NAME.test(name))
    return new AwsError('InvalidParameterException', "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*''")
  return undefined
}

export const imageNotFound = (id: { imageDigest?: string; imageTag?: string }, name: string, registryId: string) =>
  new AwsError(
    'ImageNotFoundException',
    `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${name}' in the registry with id '${registryId}'`,
  )
