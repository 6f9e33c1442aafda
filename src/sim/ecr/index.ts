import { AwsError, ownEntry } from '../core/index.ts'
import { handler, type ServiceSim } from '../context.ts'

export type { EcrState, EcrImage, Repository } from './state.ts'

/** ECR: the account's private registry. Errors as the ECR API Reference names them (JSON protocol: exception names). */
const repositoryNotFound = (name: string, registryId: string) =>
  new AwsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryId}'`)

export const ecr: ServiceSim = {
  operations: {
    DescribeRepositories: handler((ctx, input: { repositoryNames?: string[]; registryId?: string }) => {
      const { repositories } = ctx.world.ecr
      const names = input.repositoryNames ?? Object.keys(repositories).sort()
      for (const n of names) if (!ownEntry(repositories, n)) throw repositoryNotFound(n, input.registryId ?? ctx.world.accountId)
      return { repositories: names.map((n) => repositories[n]) }
    }),
    DescribeImages: handler((ctx, input: { repositoryName: string; registryId?: string }) => {
      const repo = ownEntry(ctx.world.ecr.repositories, input.repositoryName)
      if (!repo) throw repositoryNotFound(input.repositoryName, input.registryId ?? ctx.world.accountId)
      return {
        imageDetails: ctx.world.ecr.images
          .filter((i) => i.repositoryName === repo.repositoryName)
          .map((i) => ({
            registryId: repo.registryId,
            repositoryName: repo.repositoryName,
            imageDigest: i.digest,
            imageTags: [i.tag],
            imageSizeInBytes: i.layers.reduce((sum, l) => sum + l.size, 0),
            imagePushedAt: i.pushedAt,
            imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
            artifactMediaType: 'application/vnd.docker.container.image.v1+json',
          })),
      }
    }),
  },
}
