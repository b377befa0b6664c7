/** The deploy job's view: SSH (docker run), compose over SSH, or Kubernetes (kubectl set image). */
import { posix } from 'node:path';
import type { Project } from '../descriptor/model.js';
import { KUBECTL_IMAGE } from './versions.js';
import * as v from './validate.js';
import { UnsafeValueError } from './unsafe-value.js';

export interface DeployView {
  ssh: boolean;
  compose: boolean;
  kubernetes: boolean;
  environment: string;
  url: string | null;
  manual: boolean;
  /** ssh / compose */
  hostVariable: string | null;
  userVariable: string | null;
  keyVariable: string | null;
  knownHostsVariable: string | null;
  /** ssh: the shell command run on the host after the image is pulled. */
  remoteCommand: string | null;
  /** compose: the local compose file, and the directory and file name it is copied to on the host. */
  composeFile: string | null;
  composeDir: string | null;
  composeRemoteFile: string | null;
  /** kubernetes */
  namespace: string | null;
  deployment: string | null;
  container: string | null;
  kubeconfigVariable: string | null;
  kubectlImage: string;
}

/** Replaces the running container with the new, already pulled image (the host's shell sees `$DEPLOY_IMAGE`). */
function defaultSshCommand(name: string, port: number | null): string {
  const publish = port === null ? '' : ` --publish ${port}:${port}`;
  return `docker rm --force ${name} && docker run --detach --name ${name} --restart unless-stopped${publish} "$DEPLOY_IMAGE"`;
}

export function deployView(project: Project, docker: { name: string; port: number | null }): DeployView | null {
  const d = project.deploy;
  if (d.method === 'none') return null;
  const base: DeployView = {
    ssh: d.method === 'ssh',
    compose: d.method === 'compose',
    kubernetes: d.method === 'kubernetes',
    environment: d.environment.name,
    url: d.environment.url === undefined ? null : v.httpUrl('deploy.environment.url', d.environment.url),
    manual: d.manual,
    hostVariable: null,
    userVariable: null,
    keyVariable: null,
    knownHostsVariable: null,
    remoteCommand: null,
    composeFile: null,
    composeDir: null,
    composeRemoteFile: null,
    namespace: null,
    deployment: null,
    container: null,
    kubeconfigVariable: null,
    kubectlImage: KUBECTL_IMAGE,
  };
  const remote = d.method === 'ssh' ? d.ssh : d.method === 'compose' ? d.compose : undefined;
  if (d.method === 'ssh' || d.method === 'compose') {
    if (!remote) throw new UnsafeValueError(`deploy.${d.method}`, '', 'settings are missing');
    base.hostVariable = v.variableName(`deploy.${d.method}.hostVariable`, remote.hostVariable);
    base.userVariable = v.variableName(`deploy.${d.method}.userVariable`, remote.userVariable);
    base.keyVariable = v.variableName(`deploy.${d.method}.keyVariable`, remote.keyVariable);
    base.knownHostsVariable = v.variableName(`deploy.${d.method}.knownHostsVariable`, remote.knownHostsVariable);
  }
  if (d.method === 'ssh') {
    const custom = d.ssh?.command;
    base.remoteCommand = custom ?? defaultSshCommand(docker.name, docker.port);
  } else if (d.method === 'compose') {
    base.composeFile = v.relativePath('deploy.compose.file', d.compose!.file);
    base.composeDir = docker.name;
    base.composeRemoteFile = posix.basename(base.composeFile);
  } else if (d.method === 'kubernetes') {
    const k = d.kubernetes;
    if (!k) throw new UnsafeValueError('deploy.kubernetes', '', 'settings are missing');
    base.namespace = k.namespace;
    base.deployment = k.deployment;
    base.container = k.container;
    base.kubeconfigVariable = k.kubeconfigVariable === undefined ? null : v.variableName('deploy.kubernetes.kubeconfigVariable', k.kubeconfigVariable);
  }
  return base;
}
