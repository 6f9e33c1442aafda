import type { World } from '../world.ts'
import { imageFacts, type ImageFacts } from './images.ts'
import { userDataText } from './userData.ts'

/** What the inspector (and, next, the ECS agent) reads about an instance as a host: one answer for every reader. */
export interface InstanceHost {
  instanceId: string
  /** The user data as the script the instance runs (decoded from the stored base64), if it has any. */
  userData?: string
  instanceProfileName?: string
  /** The instance profile's role: what software on the instance (the ECS agent) acts as. */
  roleName?: string
  image?: ImageFacts
  /** Whether its image starts the ECS container agent at boot (the ECS-optimized AMIs). */
  ecsAgent: boolean
}

export function instanceHost(world: World, instanceId: string): InstanceHost | undefined {
  const instance = world.ec2.instances[instanceId]
  const data = world.ec2.instanceData[instanceId]
  if (!instance || !data) return undefined
  let userData: string | undefined
  try {
    userData = data.userData === undefined ? undefined : userDataText(data.userData)
  } catch {
    userData = undefined
  }
  return {
    instanceId,
    ...(userData !== undefined ? { userData } : {}),
    ...(data.instanceProfileName !== undefined ? { instanceProfileName: data.instanceProfileName } : {}),
    ...(data.roleName !== undefined ? { roleName: data.roleName } : {}),
    ...(imageFacts(instance.ImageId) ? { image: imageFacts(instance.ImageId) } : {}),
    ecsAgent: data.ecsAgent,
  }
}
