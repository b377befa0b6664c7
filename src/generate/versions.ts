/**
 * Image versions slipway pins in generated files. Checked against Docker Hub's tag lists on
 * 2026-08 (python: docker-library/python; curl: curlimages/curl; kubectl: dtzar/helm-kubectl).
 * Change them here only; the golden files show every use.
 */

import { DEFAULT_NODE_VERSION } from '../descriptor/runtime-versions.js';

/** Debian release of `python:X.Y-slim-<suite>` (slim variant and CI test images). */
export const DEBIAN_SUITE = 'bookworm';
/** Alpine release of `python:X.Y-alpine<version>`. docker-library builds every supported Python on it. */
export const ALPINE_VERSION = '3.23';
/** Image with curl for the failure notification (its entrypoint is curl, so it is reset). */
export const CURL_IMAGE = 'curlimages/curl:8.18.0';
/** Image with kubectl and a shell for Kubernetes deploys. */
export const KUBECTL_IMAGE = 'dtzar/helm-kubectl:3.15.2';
/** PyPA build, pinned, for sdist/wheel artifacts. */
export const PYPA_BUILD_VERSION = '1.2.2.post1';
/** corepack, pinned and installed with npm, so pnpm and Yarn work on every Node.js (25 and later no longer bundle it). */
export const COREPACK_VERSION = '0.34.0';
/** nginx-unprivileged (nginx's own image running as uid 101 on port 8080) serving a static Node.js build. */
export const NGINX_UNPRIVILEGED_IMAGE = 'nginxinc/nginx-unprivileged:1.28.0-alpine';
/** Go's runtime images: distroless static (CA certificates, tzdata, passwd; no shell) and alpine. */
export const DISTROLESS_STATIC_IMAGE = 'gcr.io/distroless/static-debian12:nonroot';
export const ALPINE_IMAGE = `alpine:${ALPINE_VERSION}`;
/** Node.js image of the jobs that run slipway itself with npx (ci.slipway): slipway's default Node.js line. */
export const SLIPWAY_NODE_IMAGE = `node:${DEFAULT_NODE_VERSION}-${DEBIAN_SUITE}-slim`;
