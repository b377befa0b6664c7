import check from '../../shell/checks/go-package-unpinned.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
