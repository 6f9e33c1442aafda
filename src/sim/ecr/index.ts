import { AwsError, ownEntry } from '../core/index.ts'
import { handler, type ServiceSim } from '../context.ts'

export type { EcrState, EcrImage, Repository } from './state.ts'

/** ECR: the account's private registry. Errors as the ECR API Reference names them (JSON protocol: exception names). */
const repositoryNotFound = (name: string, registryId: string) =>
  new AwsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryId}'`)

/** ECR authorization tokens are valid for 12 hours (ECR API Reference, GetAuthorizationToken). */
const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000

/**
 * A password shaped like ECR's (base64 of a JSON envelope), derived from the account, Region and time: the same
 * world at the same moment gets the same password, and no randomness is needed.
 */
function registryPassword(accountId: string, region: string, expiresAt: number): string {
  let h = 2166136261
  let payload = ''
  for (const c of `${accountId}/${region}/${expiresAt}`.repeat(8)) {
    h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0
    payload += h.toString(36)
  }
  return btoa(JSON.stringify({ payload: btoa(payload), datakey: btoa(payload.split('').reverse().join('')), version: '2', type: 'DATA_KEY', expiration: Math.floor(expiresAt / 1000) }))
}

export const ecr: ServiceSim = {
  operations: {
    GetAuthorizationToken: handler((ctx) => {
      const { accountId, region } = ctx.world
      const expiresAt = ctx.now() + TOKEN_LIFETIME_MS
      return {
        authorizationData: [{
          authorizationToken: btoa(`AWS:${registryPassword(accountId, region, expiresAt)}`),
          expiresAt,
          proxyEndpoint: `https://${accountId}.dkr.ecr.${region}.amazonaws.com`,
        }],
      }
    }),
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
