/** Files the descriptor names that are not in the project (the image build would fail on them). */
import type { Project } from './model.js';
import { formatPath, type PathSegment } from './yaml-source.js';

export interface MissingFile {
  path: PathSegment[];
  file: string;
  message: string;
}

export function missingFiles(project: Project, exists: (relPath: string) => boolean): MissingFile[] {
  const named: { path: PathSegment[]; file: string | undefined }[] = [
    { path: ['python', 'requirements'], file: project.python.requirements },
    { path: ['python', 'devRequirements'], file: project.python.devRequirements },
    { path: ['python', 'pyproject'], file: project.python.pyproject },
    { path: ['deploy', 'compose', 'file'], file: project.deploy.compose?.file },
    ...project.image.copy.map((file, i) => ({ path: ['image', 'copy', i] as PathSegment[], file })),
  ];
  return named
    .filter((n): n is { path: PathSegment[]; file: string } => n.file !== undefined && n.file !== '.' && !exists(n.file))
    .map(({ path, file }) => ({ path, file, message: `\`${formatPath(path)}\` names \`${file}\`, which is not in the project` }));
}
