import check from '../../shell/checks/pip-package-unpinned.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
