/** Files the descriptor names that are not in the project (the image build would fail on them). */
import type { Project } from './model.js';
import { formatPath, type PathSegment } from './yaml-source.js';

export interface MissingFile {
  path: PathSegment[];
  file: string;
  message: string;
}

export function missingFiles(project: Project, exists: (relPath: string) => boolean): MissingFile[] {
  const named: Named[] = [
    ...languageFiles(project),
    { path: ['deploy', 'compose', 'file'], file: project.deploy.compose?.file },
    ...project.image.copy.map((file, i) => ({ path: ['image', 'copy', i] as PathSegment[], file })),
  ];
  return named
    .filter((n): n is Named & { file: string } => n.file !== undefined && n.file !== '.' && !exists(n.file))
    .map(({ path, file, message }) => ({ path, file, message: message ?? `\`${formatPath(path)}\` names \`${file}\`, which is not in the project` }));
}

type Named = { path: PathSegment[]; file: string | undefined; message?: string };

function languageFiles(project: Project): Named[] {
  switch (project.language) {
    case 'python':
      return [
        { path: ['python', 'requirements'], file: project.python.requirements },
        { path: ['python', 'devRequirements'], file: project.python.devRequirements },
        { path: ['python', 'pyproject'], file: project.python.pyproject },
      ];
    case 'node':
      // The lockfile follows from the package manager; it is written where `node.packageManager` is.
      return [
        { path: ['language'], file: 'package.json', message: 'a Node.js project needs `package.json`, which is not in the project' },
        {
          path: ['node', 'packageManager'],
          file: project.node.lockfile,
          message: `the ${project.node.packageManager} lockfile \`${project.node.lockfile}\` is not in the project; commit it (\`${project.node.packageManager} install\` writes it): the image installs exactly what it lists`,
        },
      ];
    case 'go':
      return [{ path: ['language'], file: 'go.mod', message: 'a Go project needs `go.mod` (`go mod init <module>` writes it), which is not in the project' }];
  }
}
