import check from '../../shell/checks/gem-package-unpinned.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
