import { describe, expect, test } from 'vitest';
import { messages } from '../helpers.js';

const run = (code: string) => messages(code, ['pushed-image-fixed-tag']);
const job = (...lines: string[]) => `build:\n  image: docker:27.3\n  script:\n${lines.map((l) => `    ${l}`).join('\n')}\n`;
const heads = (code: string) => run(code).map((m) => m.replace(/: pipelines running .*/, ''));

describe('gitlab-ci/pushed-image-fixed-tag', () => {
  test("GitLab's Docker template: a branch tag is fine, `latest` tagged from the build is not", () => {
    const code = [
      'docker-build:',
      '  image: docker:cli',
      '  variables:',
      '    DOCKER_IMAGE_NAME: $CI_REGISTRY_IMAGE:$CI_COMMIT_REF_SLUG',
      '  script:',
      '    - docker build --pull -t "$DOCKER_IMAGE_NAME" .',
      '    - docker push "$DOCKER_IMAGE_NAME"',
      '    - |',
      '      if [[ "$CI_COMMIT_BRANCH" == "$CI_DEFAULT_BRANCH" ]]; then',
      '        docker tag "$DOCKER_IMAGE_NAME" "$CI_REGISTRY_IMAGE:latest"',
      '        docker push "$CI_REGISTRY_IMAGE:latest"',
      '      fi',
      '',
    ].join('\n');
    expect(heads(code)).toEqual(['11:21 job `docker-build` pushes the image it builds as `$CI_REGISTRY_IMAGE:latest` with the fixed tag `latest`']);
  });

  test('variables the file defines are expanded; no tag is latest', () => {
    const code = ['variables:', '  IMAGE: registry.example.com/app', '  TAG: dev', ...job('- docker build -t $IMAGE:$TAG -t ${IMAGE} .', '- docker push $IMAGE:$TAG', '- docker push $IMAGE').split('\n')].join('\n');
    expect(heads(code)).toEqual([
      '8:19 job `build` pushes the image it builds as `registry.example.com/app:dev` with the fixed tag `dev`',
      '9:19 job `build` pushes the image it builds as `registry.example.com/app` with no tag, that is `latest`',
    ]);
  });

  test('buildx --push, kaniko, buildah; podman', () => {
    const code = job(
      '- docker buildx build --push --tag=$CI_REGISTRY_IMAGE:edge .',
      '- /kaniko/executor --context . -d "$CI_REGISTRY_IMAGE:nightly"',
      '- buildah bud -t app:stable . && buildah push app:stable docker://registry.example.com/app:stable',
      '- podman build -t $CI_REGISTRY_IMAGE . && podman push $CI_REGISTRY_IMAGE',
    );
    expect(heads(code).map((m) => m.replace(/ the image it builds as| and pushes/, ''))).toEqual([
      '4:34 job `build` builds `$CI_REGISTRY_IMAGE:edge` with the fixed tag `edge`',
      '5:39 job `build` builds `$CI_REGISTRY_IMAGE:nightly` with the fixed tag `nightly`',
      '6:62 job `build` pushes `registry.example.com/app:stable` with the fixed tag `stable`',
      '7:59 job `build` pushes `$CI_REGISTRY_IMAGE` with no tag, that is `latest`',
    ]);
  });

  test('commit tags, promotions, cache tags, unknown variables, pushes of images the job did not build', () => {
    const code = job(
      '- docker pull $CI_REGISTRY_IMAGE:cache || true',
      '- docker build --cache-from $CI_REGISTRY_IMAGE:cache -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA -t $CI_REGISTRY_IMAGE:cache .',
      '- docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA',
      '- docker push $CI_REGISTRY_IMAGE:cache',
      '- docker pull $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA',
      '- docker tag $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA $CI_REGISTRY_IMAGE:latest',
      '- docker push $CI_REGISTRY_IMAGE:latest',
      '- docker build -t $IMAGE:$RELEASE_TAG . && docker push $IMAGE:$RELEASE_TAG',
      '- docker push mirror.example.com/tools:latest',
      '- docker push --all-tags $CI_REGISTRY_IMAGE',
    );
    expect(run(code)).toEqual([]);
  });

  test('a template is reported once', () => {
    const code = '.build:\n  script:\n    - docker build -t app:latest . && docker push app:latest\na:\n  extends: .build\nb:\n  extends: .build\n';
    expect(run(code)).toHaveLength(1);
  });
});
