import check from '../../shell/checks/pip-package-unpinned.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
