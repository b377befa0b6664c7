/**
 * Image versions slipway pins in generated files. Checked against Docker Hub's tag lists on
 * 2026-08 (python: docker-library/python; curl: curlimages/curl; kubectl: dtzar/helm-kubectl).
 * Change them here only; the golden files show every use.
 */

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
