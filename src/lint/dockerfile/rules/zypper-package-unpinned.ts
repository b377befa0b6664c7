import check from '../../shell/checks/zypper-package-unpinned.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
