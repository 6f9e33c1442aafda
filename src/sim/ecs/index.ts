import type { ServiceSim } from '../context.ts'
import { listAccountSettings, putAccountSetting, putAccountSettingDefault } from './accountSettings.ts'
import { agentHost, agentStart, HOST_TIMER, START_TIMER } from './agent.ts'
import { createCapacityProvider, deleteCapacityProvider, describeCapacityProviders, putClusterCapacityProviders, updateCapacityProvider } from './capacityProviders.ts'
import { createCluster, deleteCluster, describeClusters, listClusters, updateClusterSettings } from './clusters.ts'
import {
  deregisterContainerInstance,
  describeContainerInstances,
  forgetContainerInstance,
  FORGET_TIMER,
  listAttributes,
  listContainerInstances,
  putAttributes,
  updateContainerInstancesState,
} from './containerInstanceOps.ts'
import { serviceReconcile } from './deployments.ts'
import { createService, deleteService, describeServices, listServices, updateService } from './services.ts'
import {
  deregisterTaskDefinition,
  describeTaskDefinition,
  listTaskDefinitionFamilies,
  listTaskDefinitions,
  registerTaskDefinition,
} from './taskDefinitions.ts'
import { containerExit, EXIT_TIMER, EXPIRE_TIMER, STEP_TIMER, taskExpire, taskStep } from './taskLifecycle.ts'
import { describeTasks, listTasks, runTask, startTask, stopTask } from './tasks.ts'
import { RECONCILE_TIMER } from './wakeups.ts'
import { MANAGED_SCALING_TIMER, managedScalingPass } from './managedScaling.ts'
import { MANAGED_DRAINING_TIMER, managedDrainingPass } from './managedDraining.ts'

export type * from './state.ts'
export { emptyEcsState } from './state.ts'
export { listeningContainer, type ListeningContainer } from './listening.ts'
export { FARGATE_SIZES } from './fargateSizes.ts'
export { TIMINGS as ECS_TIMINGS } from './timings.ts'
export { taskMachine } from './task.machine.ts'
export { runsAgent, agentConfig } from './agent.ts'
export { parseQuery, type QuerySubject } from './clusterQuery.ts'

/** Amazon ECS on Fargate and on EC2 container instances, keyed by the model's operation names. */
export const ecs: ServiceSim = {
  operations: {
    CreateCluster: createCluster,
    DescribeClusters: describeClusters,
    ListClusters: listClusters,
    DeleteCluster: deleteCluster,
    UpdateClusterSettings: updateClusterSettings,
    CreateCapacityProvider: createCapacityProvider,
    DescribeCapacityProviders: describeCapacityProviders,
    UpdateCapacityProvider: updateCapacityProvider,
    DeleteCapacityProvider: deleteCapacityProvider,
    PutClusterCapacityProviders: putClusterCapacityProviders,
    ListContainerInstances: listContainerInstances,
    DescribeContainerInstances: describeContainerInstances,
    UpdateContainerInstancesState: updateContainerInstancesState,
    DeregisterContainerInstance: deregisterContainerInstance,
    PutAttributes: putAttributes,
    ListAttributes: listAttributes,
    RegisterTaskDefinition: registerTaskDefinition,
    DescribeTaskDefinition: describeTaskDefinition,
    ListTaskDefinitions: listTaskDefinitions,
    ListTaskDefinitionFamilies: listTaskDefinitionFamilies,
    DeregisterTaskDefinition: deregisterTaskDefinition,
    RunTask: runTask,
    StartTask: startTask,
    StopTask: stopTask,
    ListTasks: listTasks,
    DescribeTasks: describeTasks,
    CreateService: createService,
    DescribeServices: describeServices,
    ListServices: listServices,
    UpdateService: updateService,
    DeleteService: deleteService,
    PutAccountSetting: putAccountSetting,
    PutAccountSettingDefault: putAccountSettingDefault,
    ListAccountSettings: listAccountSettings,
  },
  notes: {
    CreateCapacityProvider:
      'managed scaling publishes CapacityProviderReservation each minute and scales the group through its target tracking policy; ' +
      'tasks with no room wait in PROVISIONING up to 30 minutes. Managed draining (on by default) puts the ' +
      'ecs-managed-draining-termination-hook on the group and drains each instance the group terminates before letting it go. ' +
      'The quota of tasks in PROVISIONING per cluster is not simulated; the instances needed are counted for the group’s first instance type only.',
    PutClusterCapacityProviders:
      'a strategy’s base and weight share tasks out across its providers; FARGATE_SPOT tasks run as Fargate tasks and cost ' +
      'Fargate Spot’s rate. Spot interruptions (the two-minute warning and the task stopping) are not simulated.',
  },
  timers: {
    [STEP_TIMER]: taskStep,
    [EXIT_TIMER]: containerExit,
    [EXPIRE_TIMER]: taskExpire,
    [RECONCILE_TIMER]: serviceReconcile,
    [HOST_TIMER]: agentHost,
    [START_TIMER]: agentStart,
    [FORGET_TIMER]: forgetContainerInstance,
    [MANAGED_SCALING_TIMER]: managedScalingPass,
    [MANAGED_DRAINING_TIMER]: managedDrainingPass,
  },
}
